using System.Security.Cryptography;
using System.Text;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The caller signature written straight from docs/security.md, independently of the gateway's own
/// implementation, so tests check the gateway against the agreement rather than against itself.
/// </summary>
public static class SpecSigner
{
    public static string Sha256Hex(byte[] body) => Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();

    public static string HmacSha256Base64(string secret, string text) =>
        Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes(text)));

    public static string StringToSign(string method, string path, string accessKey, string date, string nonce, string digest) =>
        method + "\n" + path + "\n" + "" + "\n" + accessKey + "\n" + date + "\n" + nonce + "\n" + digest + "\n";

    /// <summary>Adds the six signature headers for a POST of <paramref name="body"/> to <paramref name="path"/>.</summary>
    public static void Sign(HttpRequestMessage request, string path, byte[] body, string accessKey, string secret,
        DateTimeOffset? at = null, string? nonce = null)
    {
        var date = (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        var digest = Sha256Hex(body);
        request.Headers.Add("X-Gw-Access-Key", accessKey);
        request.Headers.Add("X-Gw-Algorithm", "hmac-sha256");
        request.Headers.Add("X-Gw-Date", date);
        request.Headers.Add("X-Gw-Nonce", nonce);
        request.Headers.Add("X-Gw-Content-SHA256", digest);
        request.Headers.Add("X-Gw-Signature", HmacSha256Base64(secret, StringToSign(request.Method.Method, path, accessKey, date, nonce, digest)));
    }

    /// <summary>Checks a request the gateway sent: the agreement's six headers, recomputed with <paramref name="secret"/>.</summary>
    public static void AssertSigned(ReceivedRequest request, string accessKey, string secret)
    {
        Assert.Equal(accessKey, request.Header("X-Gw-Access-Key"));
        Assert.Equal("hmac-sha256", request.Header("X-Gw-Algorithm"));
        Assert.Equal(Sha256Hex(request.Body), request.Header("X-Gw-Content-SHA256"));
        var expected = HmacSha256Base64(secret, StringToSign(request.Method, request.Path, accessKey, request.Header("X-Gw-Date"),
            request.Header("X-Gw-Nonce"), request.Header("X-Gw-Content-SHA256")));
        Assert.Equal(expected, request.Header("X-Gw-Signature"));
    }
}
