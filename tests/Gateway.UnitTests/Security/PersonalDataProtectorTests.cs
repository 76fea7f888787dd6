using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Application.Configuration;
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

    [Fact]
    public void A_sealed_value_names_its_key_and_opens_to_the_original()
    {
        var protector = With("a", ("a", KeyA));
        var sealedValue = protector.Seal("张三 13905851234");
        Assert.StartsWith("sm4gcm:a:", sealedValue);
        Assert.DoesNotContain("13905851234", sealedValue);
        Assert.Equal("张三 13905851234", protector.Open(sealedValue));
        Assert.Equal("not sealed", protector.Open("not sealed"));
    }

    [Fact]
    public void Keys_rotate_old_values_still_open_and_new_ones_use_the_current_key()
    {
        var old = With("a", ("a", KeyA)).Seal("13905851234");
        var rotated = With("b", ("a", KeyA), ("b", KeyB));
        Assert.Equal("13905851234", rotated.Open(old));
        Assert.StartsWith("sm4gcm:b:", rotated.Seal("13905851234"));
        Assert.Throws<CryptographicException>(() => With("b", ("b", KeyB)).Open(old));
    }

    [Fact]
    public void Documents_keep_their_shape_with_only_contact_and_phone_sealed()
    {
        var protector = With("a", ("a", KeyA));
        var json = """{"portal":"zhejiang","applicant":{"name":"绍兴某公司","uscc":"91330621MA2D8Q5X1A","contact":"王晓明","phone":"13905851234"}}""";
        var stored = protector.SealDocument(json);
        var node = JsonNode.Parse(stored)!;
        Assert.Equal("绍兴某公司", (string?)node["applicant"]!["name"]);
        Assert.StartsWith("sm4gcm:a:", (string?)node["applicant"]!["contact"]);
        Assert.StartsWith("sm4gcm:a:", (string?)node["applicant"]!["phone"]);
        Assert.DoesNotContain("王晓明", stored);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(protector.OpenDocument(stored))));

        var xml = "<Envelope><Contact>王晓明</Contact></Envelope>";
        Assert.StartsWith("sm4gcm:a:", protector.SealDocument(xml));
        Assert.Equal(xml, protector.OpenDocument(protector.SealDocument(xml)));
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
