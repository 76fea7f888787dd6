using System.Security.Cryptography;
using System.Text;
using Gateway.Adapters.Security;
using Gateway.Application.Configuration;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// The SM4 keys for personal data at rest: <c>Gateway:DataProtection:Keys:&lt;keyId&gt;</c> = Base64 of 16 bytes, and
/// <c>Gateway:DataProtection:CurrentKeyId</c> naming the one new values are sealed with. Older keys stay listed so values
/// sealed under them can still be read (rotation). The embedded profile falls back to a published development key; the
/// production profile refuses to start without keys, with a development key, or with a malformed one, naming the key.
/// </summary>
public sealed class PersonalDataKeys
{
    public const string Section = "Gateway:DataProtection";
    public const string DevKeyId = "dev-only-key";

    /// <summary>The development key: derived from a published phrase, so it protects nothing in earnest.</summary>
    public static readonly byte[] DevKey = SHA256.HashData(Encoding.UTF8.GetBytes("hookup-gateway dev-only data protection key"))[..Sm4GcmCipher.KeyBytes];

    private readonly Dictionary<string, byte[]> _keys;

    public string CurrentKeyId { get; }

    private PersonalDataKeys(Dictionary<string, byte[]> keys, string currentKeyId)
    {
        _keys = keys;
        CurrentKeyId = currentKeyId;
    }

    public byte[] Current => _keys[CurrentKeyId];

    public bool TryGet(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public static PersonalDataKeys Of(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal), currentKeyId);

    /// <exception cref="ConfigurationException">naming every offending key.</exception>
    public static PersonalDataKeys Read(IConfiguration config, GatewayProfile profile)
    {
        var problems = new List<string>();
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var child in config.GetSection($"{Section}:Keys").GetChildren())
        {
            var name = $"{Section}:Keys:{child.Key}";
            if (!IsKeyId(child.Key))
            {
                problems.Add($"{name}: a key id may hold only letters, digits, '-', '_' and '.' (it is stored beside every value)");
                continue;
            }
            byte[] key;
            try { key = Convert.FromBase64String(child.Value ?? ""); }
            catch (FormatException) { key = []; }
            if (key.Length != Sm4GcmCipher.KeyBytes)
            {
                problems.Add($"{name}: must be Base64 of exactly {Sm4GcmCipher.KeyBytes} bytes (an SM4 key), e.g. `openssl rand -base64 16`");
                continue;
            }
            if (profile == GatewayProfile.Production && (child.Key.StartsWith("dev-", StringComparison.Ordinal) || key.AsSpan().SequenceEqual(DevKey)))
                problems.Add($"{name}: a development key is configured; the production profile refuses to start with it");
            keys[child.Key] = key;
        }

        var current = config[$"{Section}:CurrentKeyId"];
        if (keys.Count == 0 && profile == GatewayProfile.Embedded && string.IsNullOrWhiteSpace(current))
        {
            keys[DevKeyId] = DevKey;
            current = DevKeyId;
        }
        else if (keys.Count == 0)
            problems.Add($"{Section}:Keys: at least one SM4 key is required in the production profile (personal data is stored encrypted); set {Section}:Keys:<keyId> and {Section}:CurrentKeyId");
        else if (string.IsNullOrWhiteSpace(current))
            problems.Add($"{Section}:CurrentKeyId: required — the id of the key new values are sealed with (one of {string.Join(", ", keys.Keys)})");
        else if (!keys.ContainsKey(current))
            problems.Add($"{Section}:CurrentKeyId: '{current}' is not one of the configured keys ({string.Join(", ", keys.Keys)})");

        if (problems.Count > 0)
            throw new ConfigurationException("configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        return new PersonalDataKeys(keys, current!);
    }

    private static bool IsKeyId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
