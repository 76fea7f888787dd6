using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Gateway.Adapters.Security;

/// <summary>
/// The one implementation of the caller signature, used to sign outbound calls and to verify inbound ones.
/// string-to-sign = METHOD\nPATH\nSORTED_QUERY\nACCESS_KEY\nDATE\nNONCE\nCONTENT_SHA256\n
/// </summary>
public static class RequestSignature
{
    public static bool IsSupportedAlgorithm(string? algorithm) =>
        algorithm is SignatureHeaders.HmacSha256 or SignatureHeaders.HmacSm3;

    public static string StringToSign(string method, string path, string sortedQuery, string accessKey, string date, string nonce, string contentSha256) =>
        $"{method.ToUpperInvariant()}\n{path}\n{sortedQuery}\n{accessKey}\n{date}\n{nonce}\n{contentSha256}\n";

    /// <summary>
    /// Query pairs as they appear on the wire (still percent-encoded), sorted by key then value
    /// (ordinal), joined with '&amp;'. Empty when there is no query.
    /// </summary>
    public static string SortedQuery(string? query)
    {
        if (string.IsNullOrEmpty(query)) return "";
        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: p[0], Value: p.Length > 1 ? p[1] : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    public static string ContentSha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static string Sign(string algorithm, string secret, string stringToSign)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(stringToSign);
        return algorithm switch
        {
            SignatureHeaders.HmacSha256 => Convert.ToBase64String(HMACSHA256.HashData(key, data)),
            SignatureHeaders.HmacSm3 => Convert.ToBase64String(HmacSm3(key, data)),
            _ => throw new ArgumentException($"unsupported signature algorithm '{algorithm}'", nameof(algorithm)),
        };
    }

    /// <summary>RFC 1123 date as the X-Gw-Date header carries it.</summary>
    public static string FormatDate(DateTimeOffset at) => at.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static byte[] HmacSm3(byte[] key, byte[] data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }
}
