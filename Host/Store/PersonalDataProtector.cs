using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// Seals contact names and phone numbers before they reach the store, and opens them on the way out.
/// A sealed value reads <c>sm4gcm:&lt;keyId&gt;:&lt;Base64(nonce ‖ ciphertext ‖ tag)&gt;</c>: the key id travels with
/// the value, so keys rotate by adding a new current key and keeping the old ones listed. Values without the prefix
/// (written before this existed) are returned unchanged.
/// </summary>
public sealed class PersonalDataProtector(PersonalDataKeys keys)
{
    public const string Prefix = "sm4gcm:";

    /// <summary>The personal fields of the JSON documents the store keeps (the canonical application, work-order bodies).</summary>
    private static readonly string[] ApplicantFields = ["contact", "phone"];

    public static bool IsSealed(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Seal(string plaintext)
    {
        if (IsSealed(plaintext)) return plaintext;
        var sealedBytes = Sm4GcmCipher.Encrypt(keys.Current, Encoding.UTF8.GetBytes(plaintext), AssociatedData(keys.CurrentKeyId));
        return $"{Prefix}{keys.CurrentKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">the key id is not configured, or the value does not authenticate.</exception>
    public string Open(string value)
    {
        if (!IsSealed(value)) return value;
        var rest = value.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0) throw new CryptographicException("sealed value has no key id");
        var keyId = rest[..colon].ToString();
        if (!keys.TryGet(keyId, out var key))
            throw new CryptographicException($"sealed value uses key '{keyId}', which is not configured under {PersonalDataKeys.Section}:Keys");
        byte[] sealedBytes;
        try { sealedBytes = Convert.FromBase64String(rest[(colon + 1)..].ToString()); }
        catch (FormatException) { throw new CryptographicException("sealed value is not Base64"); }
        return Encoding.UTF8.GetString(Sm4GcmCipher.Decrypt(key, sealedBytes, AssociatedData(keyId)));
    }

    /// <summary>
    /// A stored JSON document with <c>applicant.contact</c> and <c>applicant.phone</c> sealed; any other text (e.g. an
    /// XML request body) is sealed whole, since it cannot be told where the personal data sits in it.
    /// </summary>
    public string SealDocument(string document)
    {
        if (IsSealed(document)) return document;
        var node = TryParse(document);
        if (node is null) return Seal(document);
        if (node["applicant"] is JsonObject applicant)
            foreach (var field in ApplicantFields)
                if (applicant[field] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
                    applicant[field] = Seal(text);
        return node.ToJsonString(GatewayJson.Options);
    }

    public string OpenDocument(string stored)
    {
        if (IsSealed(stored)) return Open(stored);
        var node = TryParse(stored);
        if (node?["applicant"] is not JsonObject applicant) return stored;
        var changed = false;
        foreach (var field in ApplicantFields)
            if (applicant[field] is JsonValue v && v.TryGetValue<string>(out var text) && IsSealed(text))
            {
                applicant[field] = Open(text);
                changed = true;
            }
        return changed ? node.ToJsonString(GatewayJson.Options) : stored;
    }

    private static JsonObject? TryParse(string text)
    {
        try { return JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("hookup-gateway/personal-data/v1/" + keyId);
}
