using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Gateway.Application.Intake;

namespace Gateway.Store;

/// <summary>
/// <c>hmac-sha256:&lt;keyId&gt;:&lt;hex&gt;</c>: HMAC-SHA256 under a key derived (HKDF) from the personal-data key named in
/// the value, so rotating the current key does not turn repeats into conflicts (old keys stay listed). Hashes written
/// before (bare hex SHA-256) are still compared as such.
/// </summary>
public sealed class KeyedContentHash(PersonalDataKeys keys) : IContentHash
{
    private const string Prefix = "hmac-sha256:";

    public string Of(string applicationJson) => Hash(keys.CurrentKeyId, keys.Current, applicationJson);

    public bool Matches(string stored, string applicationJson)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            return FixedTimeEquals(stored, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(applicationJson))));
        var rest = stored[Prefix.Length..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !keys.TryGet(rest[..colon], out var key)) return false;
        return FixedTimeEquals(stored, Hash(rest[..colon], key, applicationJson));
    }

    private string Hash(string keyId, byte[] key, string applicationJson)
    {
        // Derived once per key (the keys are fixed for the process's life), not for every application.
        var hashKey = _hashKeys.GetOrAdd(keyId, static (_, k) =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 32, info: Encoding.UTF8.GetBytes("hookup-gateway/content-hash/v1")), key);
        return $"{Prefix}{keyId}:{Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(applicationJson)))}";
    }

    private readonly ConcurrentDictionary<string, byte[]> _hashKeys = new(StringComparer.Ordinal);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
