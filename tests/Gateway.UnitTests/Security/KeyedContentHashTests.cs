using System.Security.Cryptography;
using System.Text;
using Gateway.Store;

namespace Gateway.UnitTests.Security;

/// <summary>The content hash of an application is keyed: no plain SHA-256 of data holding personal fields is stored.</summary>
public sealed class KeyedContentHashTests
{
    private static readonly byte[] KeyA = Convert.FromHexString("00112233445566778899aabbccddeeff");
    private static readonly byte[] KeyB = Convert.FromHexString("ffeeddccbbaa99887766554433221100");
    private const string Json = """{"applicant":{"contact":"王晓明","phone":"13905851234"}}""";

    private static KeyedContentHash With(string current, params (string Id, byte[] Key)[] keys) =>
        new(PersonalDataKeys.Of(current, keys.ToDictionary(k => k.Id, k => k.Key)));

    [Fact]
    public void The_hash_is_keyed_and_names_its_key()
    {
        var hash = With("a", ("a", KeyA)).Of(Json);
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));
        Assert.StartsWith("hmac-sha256:a:", hash);
        Assert.DoesNotContain(plain, hash);
        Assert.NotEqual(hash, With("a", ("a", KeyB)).Of(Json));
        // A guess of the phone number cannot be tested without the key.
        Assert.NotEqual(hash, With("a", ("a", KeyA)).Of(Json.Replace("13905851234", "13905851235")));
    }

    [Fact]
    public void Repeats_match_across_key_rotation_and_earlier_plain_hashes_still_match()
    {
        var old = With("a", ("a", KeyA)).Of(Json);
        var rotated = With("b", ("a", KeyA), ("b", KeyB));
        Assert.True(rotated.Matches(old, Json));
        Assert.False(rotated.Matches(old, Json.Replace("王晓明", "王晓红")));
        Assert.False(With("b", ("b", KeyB)).Matches(old, Json)); // its key is gone: not taken as a repeat
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));
        Assert.True(rotated.Matches(plain, Json));
    }
}
