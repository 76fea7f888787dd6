using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Application.Caching;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// Seals contact names and phone numbers before they reach the store, and opens them on the way out.
/// A sealed value reads <c>sm4gcm2:&lt;keyId&gt;:&lt;Base64(nonce ‖ ciphertext ‖ tag)&gt;</c>; its associated data binds
/// the key id, the record and the column (<c>cases/&lt;caseId&gt;/application_json#applicant.phone</c>), so a value
/// copied onto another record or field no longer opens. The key id travels with the value, so keys rotate by adding a
/// new current key and keeping the old ones listed. Values of the first format (<c>sm4gcm:</c>, bound to the key id
/// only) are still read; values without a prefix (written before sealing existed) are returned unchanged.
/// What comes in is always sealed, even when it already looks sealed: text from outside is never taken as ciphertext.
/// </summary>
public sealed class PersonalDataProtector(PersonalDataKeys keys)
{
    public const string Prefix = "sm4gcm2:";
    /// <summary>The first format: associated data = key id only. Read, never written.</summary>
    public const string LegacyPrefix = "sm4gcm:";
    /// <summary>What a read path shows in place of a value that does not open (a lost key, a tampered or foreign value).</summary>
    public const string Unreadable = "（无法解密）";

    /// <summary>The personal fields of the JSON documents the store keeps (the canonical application, work-order bodies).</summary>
    private static readonly string[] ApplicantFields = ["contact", "phone"];

    public static bool IsSealed(string? value) =>
        value is not null && (value.StartsWith(Prefix, StringComparison.Ordinal) || value.StartsWith(LegacyPrefix, StringComparison.Ordinal));

    /// <param name="binding">where the value is stored (record and column); it must be given again to open it.</param>
    public string Seal(string plaintext, string binding)
    {
        var sealedBytes = Sm4GcmCipher.Encrypt(keys.Current, Encoding.UTF8.GetBytes(plaintext), AssociatedData(keys.CurrentKeyId, binding));
        return $"{Prefix}{keys.CurrentKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">the key id is not configured, or the value does not authenticate here.</exception>
    public string Open(string value, string binding)
    {
        var legacy = !value.StartsWith(Prefix, StringComparison.Ordinal);
        if (legacy && !value.StartsWith(LegacyPrefix, StringComparison.Ordinal)) return value;
        var rest = value.AsSpan(legacy ? LegacyPrefix.Length : Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0) throw new CryptographicException("sealed value has no key id");
        var keyId = rest[..colon].ToString();
        if (!keys.TryGet(keyId, out var key))
            throw new CryptographicException($"sealed value uses key '{keyId}', which is not configured under {PersonalDataKeys.Section}:Keys");
        byte[] sealedBytes;
        try { sealedBytes = Convert.FromBase64String(rest[(colon + 1)..].ToString()); }
        catch (FormatException) { throw new CryptographicException("sealed value is not Base64"); }
        return Encoding.UTF8.GetString(Sm4GcmCipher.Decrypt(key, sealedBytes, legacy ? LegacyAssociatedData(keyId) : AssociatedData(keyId, binding)));
    }

    /// <summary>
    /// A stored JSON document with <c>applicant.contact</c> and <c>applicant.phone</c> sealed; any other text (e.g. an
    /// XML request body) is sealed whole, since it cannot be told where the personal data sits in it.
    /// </summary>
    public string SealDocument(string document, string binding)
    {
        var node = TryParse(document);
        if (node is null) return Seal(document, binding);
        if (node["applicant"] is JsonObject applicant)
            foreach (var field in ApplicantFields)
                if (applicant[field] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
                    applicant[field] = Seal(text, FieldBinding(binding, field));
        return node.ToJsonString(GatewayJson.Options);
    }

    /// <exception cref="CryptographicException">a sealed field does not open.</exception>
    public string OpenDocument(string stored, string binding) =>
        TryOpenDocument(stored, binding, out var opened, out var problem) ? opened : throw new CryptographicException(problem);

    /// <summary>
    /// Opens what it can; a field that does not open reads <see cref="Unreadable"/> and <paramref name="problem"/> says
    /// which and why (no value in it). Read paths use this, so one bad value never fails a view, a sweep or a batch.
    /// </summary>
    public bool TryOpenDocument(string stored, string binding, out string opened, out string? problem)
    {
        problem = null;
        // A case's application is opened for each of its five or so work orders, moments apart: the same stored text
        // gives the same opened text (the keys are fixed for the process's life), so it is opened once.
        if (_opened.TryGet(binding, out var kept) && string.Equals(kept.Stored, stored, StringComparison.Ordinal))
        {
            opened = kept.Opened;
            return true;
        }
        if (!TryOpenUncached(stored, binding, out opened, out problem)) return false;
        _opened.Set(binding, (stored, opened));
        return true;
    }

    /// <summary>Documents opened lately, by binding; one that did not open is not kept, so each read of it tries again.</summary>
    private readonly RecentCache<(string Stored, string Opened)> _opened = new(2048);

    private bool TryOpenUncached(string stored, string binding, out string opened, out string? problem)
    {
        problem = null;
        if (IsSealed(stored))
        {
            try { opened = Open(stored, binding); return true; }
            catch (CryptographicException ex) { opened = Unreadable; problem = $"{binding}: {ex.Message}"; return false; }
        }
        var node = TryParse(stored);
        opened = stored;
        if (node?["applicant"] is not JsonObject applicant) return true;
        var changed = false;
        foreach (var field in ApplicantFields)
            if (applicant[field] is JsonValue v && v.TryGetValue<string>(out var text) && IsSealed(text))
            {
                try { applicant[field] = Open(text, FieldBinding(binding, field)); }
                catch (CryptographicException ex)
                {
                    applicant[field] = Unreadable;
                    problem = $"{FieldBinding(binding, field)}: {ex.Message}";
                }
                changed = true;
            }
        if (changed) opened = node.ToJsonString(GatewayJson.Options);
        return problem is null;
    }

    /// <summary>The binding of a case's stored application.</summary>
    public static string CaseBinding(string caseId) => $"cases/{caseId}/application_json";

    public static string IntentBinding(string intentId) => $"intents/{intentId}/application_json";

    /// <summary>The binding of a failed message's recorded request body.</summary>
    public static string FailedBodyBinding(string failedMessageId) => $"failed_messages/{failedMessageId}/request_body";

    private static string FieldBinding(string binding, string field) => $"{binding}#applicant.{field}";

    private static JsonObject? TryParse(string text)
    {
        try { return JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static byte[] AssociatedData(string keyId, string binding) =>
        Encoding.UTF8.GetBytes("hookup-gateway/personal-data/v2/" + keyId + "/" + binding);

    private static byte[] LegacyAssociatedData(string keyId) => Encoding.UTF8.GetBytes("hookup-gateway/personal-data/v1/" + keyId);
}
