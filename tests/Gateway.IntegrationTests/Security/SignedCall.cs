using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Gateway.IntegrationTests.Portals;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// A push to a portal endpoint signed straight from docs/security.md with either algorithm, with knobs to break
/// exactly one part of the signature (for the 401 codes) — independent of the gateway's own signing code.
/// </summary>
public sealed record SignedCall(string Portal, byte[] Body)
{
    public string Algorithm { get; init; } = "hmac-sha256";
    public string? AccessKey { get; init; }
    public string? Secret { get; init; }
    public DateTimeOffset? At { get; init; }
    public string Nonce { get; init; } = "n-" + Guid.NewGuid().ToString("N");
    /// <summary>Sign this body instead of the one sent (a body altered in transit).</summary>
    public byte[]? SignedBody { get; init; }
    /// <summary>Leave this header out.</summary>
    public string? Omit { get; init; }

    public string Route => Portal switch
    {
        "zhejiang" => PortalPushes.ZhejiangRoute,
        "henan" => PortalPushes.HenanRoute,
        "hubei" => PortalPushes.HubeiRoute,
        _ => PortalPushes.SoapRoute,
    };

    /// <summary>Send this Content-Type instead of the portal's own.</summary>
    public string? MediaType { get; init; }

    public string ContentType => MediaType ?? Portal switch
    {
        "henan" => "application/xml",
        "project-approval" => "text/xml; charset=utf-8",
        _ => "application/json",
    };

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        if (Portal == "project-approval") request.Headers.TryAddWithoutValidation("SOAPAction", PortalPushes.SoapAction);
        var accessKey = AccessKey ?? Portal;
        var date = (At ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
        var digest = Convert.ToHexStringLower(SHA256.HashData(SignedBody ?? Body));
        var toSign = $"POST\n{Route}\n\n{accessKey}\n{date}\n{Nonce}\n{digest}\n";
        var headers = new Dictionary<string, string>
        {
            ["X-Gw-Access-Key"] = accessKey,
            ["X-Gw-Algorithm"] = Algorithm,
            ["X-Gw-Date"] = date,
            ["X-Gw-Nonce"] = Nonce,
            ["X-Gw-Content-SHA256"] = digest,
            ["X-Gw-Signature"] = Sign(Algorithm, Secret ?? PortalPushes.SecretOf(Portal), toSign),
        };
        foreach (var (name, value) in headers.Where(h => h.Key != Omit)) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static string Sign(string algorithm, string secret, string text)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(text);
        if (algorithm != "hmac-sm3") return Convert.ToBase64String(HMACSHA256.HashData(key, data));
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return Convert.ToBase64String(result);
    }
}
