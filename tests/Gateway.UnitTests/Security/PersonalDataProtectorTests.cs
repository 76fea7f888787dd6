using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Application.Configuration;
using Gateway.Adapters.Security;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Store;
using Microsoft.Extensions.Configuration;

namespace Gateway.UnitTests.Security;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] KeyA = Convert.FromHexString("00112233445566778899aabbccddeeff");
    private static readonly byte[] KeyB = Convert.FromHexString("ffeeddccbbaa99887766554433221100");

    private static PersonalDataProtector With(string current, params (string Id, byte[] Key)[] keys) =>
        new(PersonalDataKeys.Of(current, keys.ToDictionary(k => k.Id, k => k.Key)));

    private const string Case1 = "cases/c-1/application_json";

    [Fact]
    public void A_sealed_value_names_its_key_and_opens_to_the_original()
    {
        var protector = With("a", ("a", KeyA));
        var sealedValue = protector.Seal("张三 13905851234", Case1);
        Assert.StartsWith("sm4gcm2:a:", sealedValue);
        Assert.DoesNotContain("13905851234", sealedValue);
        Assert.Equal("张三 13905851234", protector.Open(sealedValue, Case1));
        Assert.Equal("not sealed", protector.Open("not sealed", Case1));
    }

    [Fact]
    public void Keys_rotate_old_values_still_open_and_new_ones_use_the_current_key()
    {
        var old = With("a", ("a", KeyA)).Seal("13905851234", Case1);
        var rotated = With("b", ("a", KeyA), ("b", KeyB));
        Assert.Equal("13905851234", rotated.Open(old, Case1));
        Assert.StartsWith("sm4gcm2:b:", rotated.Seal("13905851234", Case1));
        Assert.Throws<CryptographicException>(() => With("b", ("b", KeyB)).Open(old, Case1));
    }

    [Fact]
    public void A_value_is_bound_to_its_record_and_column()
    {
        var protector = With("a", ("a", KeyA));
        var sealedValue = protector.Seal("13905851234", Case1);
        Assert.Throws<CryptographicException>(() => protector.Open(sealedValue, "cases/c-2/application_json"));
        Assert.Throws<CryptographicException>(() => protector.Open(sealedValue, "failed_messages/c-1/request_body"));

        // A sealed field copied into another case's document does not open there.
        var one = protector.SealDocument("""{"applicant":{"contact":"王晓明","phone":"13905851234"}}""", Case1);
        Assert.False(protector.TryOpenDocument(one, "cases/c-2/application_json", out var opened, out var problem));
        Assert.Equal(PersonalDataProtector.Unreadable, (string?)JsonNode.Parse(opened)!["applicant"]!["phone"]);
        Assert.Contains("applicant.", problem);
        Assert.DoesNotContain("13905851234", problem);
    }

    [Fact]
    public void Text_from_outside_that_looks_sealed_is_sealed_again_and_reads_back_as_sent()
    {
        var protector = With("a", ("a", KeyA));
        var forged = "sm4gcm:a:" + Convert.ToBase64String(new byte[40]);
        var stored = protector.SealDocument($$$"""{"applicant":{"contact":"{{{forged}}}","phone":"13905851234"}}""", Case1);
        var contact = (string)JsonNode.Parse(stored)!["applicant"]!["contact"]!;
        Assert.StartsWith("sm4gcm2:a:", contact);
        Assert.NotEqual(forged, contact);
        Assert.True(protector.TryOpenDocument(stored, Case1, out var opened, out var problem), problem);
        Assert.Equal(forged, (string?)JsonNode.Parse(opened)!["applicant"]!["contact"]);

        // Stored as-is by earlier code, the same forged value does not open: the read marks it instead of throwing.
        var legacy = $$$"""{"applicant":{"contact":"{{{forged}}}","phone":"13905851234"}}""";
        Assert.False(protector.TryOpenDocument(legacy, Case1, out opened, out problem));
        Assert.Equal(PersonalDataProtector.Unreadable, (string?)JsonNode.Parse(opened)!["applicant"]!["contact"]);
        Assert.Equal("13905851234", (string?)JsonNode.Parse(opened)!["applicant"]!["phone"]);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Values_of_the_first_format_still_open()
    {
        // sm4gcm:<keyId>:… with associated data naming the key id only, as written before values were bound to records.
        var sealedBytes = Sm4GcmCipher.Encrypt(KeyA, System.Text.Encoding.UTF8.GetBytes("13905851234"),
            System.Text.Encoding.UTF8.GetBytes("hookup-gateway/personal-data/v1/a"));
        var legacy = "sm4gcm:a:" + Convert.ToBase64String(sealedBytes);
        Assert.Equal("13905851234", With("a", ("a", KeyA)).Open(legacy, Case1));
    }

    [Fact]
    public void Documents_keep_their_shape_with_only_contact_and_phone_sealed()
    {
        var protector = With("a", ("a", KeyA));
        var json = """{"portal":"zhejiang","applicant":{"name":"绍兴某公司","uscc":"91330621MA2D8Q5X1A","contact":"王晓明","phone":"13905851234"}}""";
        var stored = protector.SealDocument(json, Case1);
        var node = JsonNode.Parse(stored)!;
        Assert.Equal("绍兴某公司", (string?)node["applicant"]!["name"]);
        Assert.StartsWith("sm4gcm2:a:", (string?)node["applicant"]!["contact"]);
        Assert.StartsWith("sm4gcm2:a:", (string?)node["applicant"]!["phone"]);
        Assert.DoesNotContain("王晓明", stored);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(protector.OpenDocument(stored, Case1))));

        var xml = "<Envelope><Contact>王晓明</Contact></Envelope>";
        Assert.StartsWith("sm4gcm2:a:", protector.SealDocument(xml, Case1));
        Assert.Equal(xml, protector.OpenDocument(protector.SealDocument(xml, Case1), Case1));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_embedded_profile_falls_back_to_the_development_key()
    {
        var keys = PersonalDataKeys.Read(Config(), GatewayProfile.Embedded);
        Assert.Equal(PersonalDataKeys.DevKeyId, keys.CurrentKeyId);
    }

    [Theory]
    [InlineData("", "", "Gateway:DataProtection:Keys")]
    [InlineData("dev-only-key", "DEV", "Gateway:DataProtection:Keys:dev-only-key")]
    [InlineData("k2026", "DEV", "Gateway:DataProtection:Keys:k2026")]
    [InlineData("k2026", "c2hvcnQ=", "Gateway:DataProtection:Keys:k2026")]
    public void The_production_profile_refuses_missing_development_or_malformed_keys_naming_the_key(string id, string value, string named)
    {
        var config = id.Length == 0 ? Config()
            : Config(($"Gateway:DataProtection:Keys:{id}", value == "DEV" ? Convert.ToBase64String(PersonalDataKeys.DevKey) : value),
                ("Gateway:DataProtection:CurrentKeyId", id));
        var error = Assert.Throws<ConfigurationException>(() => PersonalDataKeys.Read(config, GatewayProfile.Production));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_current_key_id_must_name_a_configured_key()
    {
        var config = Config(("Gateway:DataProtection:Keys:k1", Convert.ToBase64String(KeyA)), ("Gateway:DataProtection:CurrentKeyId", "k9"));
        var error = Assert.Throws<ConfigurationException>(() => PersonalDataKeys.Read(config, GatewayProfile.Production));
        Assert.Contains("Gateway:DataProtection:CurrentKeyId", error.Message);
        Assert.Equal("k1", PersonalDataKeys.Read(Config(("Gateway:DataProtection:Keys:k1", Convert.ToBase64String(KeyA)),
            ("Gateway:DataProtection:CurrentKeyId", "k1")), GatewayProfile.Production).CurrentKeyId);
    }
}
