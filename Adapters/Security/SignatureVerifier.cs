using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>Checks an inbound request's signature (docs/security.md), before its body is parsed.</summary>
public sealed partial class SignatureVerifier(ICallerSecrets secrets, INonceStore nonces, TimeProvider clock)
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(15);

    [GeneratedRegex("^[A-Za-z0-9-]{16,64}$")]
    private static partial Regex NonceShape();

    /// <summary>
    /// The checks that need no body — headers present, access key known, algorithm, date format and window, nonce
    /// shape — so a stranger is refused before a body of up to 1 MiB is read (and again inside <see cref="VerifyAsync"/>).
    /// </summary>
    public SignatureCheck CheckHeaders(HttpRequest request) => CheckHeaders(SignedHeaders.Of(request));

    private SignatureCheck CheckHeaders(SignedHeaders h)
    {
        if (new[] { h.AccessKey, h.Algorithm, h.Date, h.Nonce, h.Digest, h.Signature }.Any(string.IsNullOrEmpty))
            return SignatureCheck.Fail("SIGNATURE_MISSING", "请求缺少签名头");

        if (!secrets.TryGetSecret(h.AccessKey!, out _))
            return SignatureCheck.Fail("ACCESS_KEY_UNKNOWN", "未知的访问密钥");
        if (!RequestSignature.IsSupportedAlgorithm(h.Algorithm))
            return SignatureCheck.Fail("SIGNATURE_INVALID", "不支持的签名算法（支持 hmac-sha256、hmac-sm3）");
        if (!RequestSignature.TryParseDate(h.Date, out var sentAt))
            return SignatureCheck.Fail("SIGNATURE_INVALID", "X-Gw-Date 不是 RFC 1123 格式");
        if ((clock.GetUtcNow() - sentAt).Duration() > AllowedSkew)
            return SignatureCheck.Fail("CLOCK_SKEW", "请求时间与服务器时间相差超过 90 秒");
        if (!NonceShape().IsMatch(h.Nonce!))
            return SignatureCheck.Fail("SIGNATURE_INVALID", "X-Gw-Nonce 须为 16–64 位字母、数字或连字符");
        return SignatureCheck.Pass(h.AccessKey!);
    }

    public async Task<SignatureCheck> VerifyAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var h = SignedHeaders.Of(request);
        if (CheckHeaders(h) is { Ok: false } refused) return refused;
        var (accessKey, algorithm, date, nonce, digest, signature) = (h.AccessKey!, h.Algorithm!, h.Date!, h.Nonce!, h.Digest!, h.Signature!);
        secrets.TryGetSecret(accessKey, out var secret);
        var now = clock.GetUtcNow();
        if (!FixedTimeEquals(RequestSignature.ContentSha256(body), digest.ToLowerInvariant()))
            return SignatureCheck.Fail("BODY_DIGEST_MISMATCH", "请求体摘要与 X-Gw-Content-SHA256 不符");

        var toSign = RequestSignature.StringToSign(request.Method, request.PathBase + request.Path,
            RequestSignature.SortedQuery(request.QueryString.Value), accessKey, date, nonce, digest);
        if (!FixedTimeEquals(RequestSignature.Sign(algorithm, secret, toSign), signature))
            return SignatureCheck.Fail("SIGNATURE_INVALID", "签名校验失败");

        // Only a correctly signed request may consume a nonce, so nobody can burn another caller's nonces.
        if (!await nonces.TryRememberAsync(accessKey, nonce, now, now + NonceLifetime, cancellationToken))
            return SignatureCheck.Fail("NONCE_REPLAYED", "该随机数已使用（疑似重放请求）");

        return SignatureCheck.Pass(accessKey);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>The six signature headers of a request, read once (null when absent).</summary>
internal sealed record SignedHeaders(string? AccessKey, string? Algorithm, string? Date, string? Nonce, string? Digest, string? Signature)
{
    public static SignedHeaders Of(HttpRequest request)
    {
        string? Header(string name) => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
        return new(Header(SignatureHeaders.AccessKey), Header(SignatureHeaders.Algorithm), Header(SignatureHeaders.Date),
            Header(SignatureHeaders.Nonce), Header(SignatureHeaders.ContentSha256), Header(SignatureHeaders.Signature));
    }
}

public sealed record SignatureCheck(bool Ok, string? AccessKey, string? Code, string? Message)
{
    public static SignatureCheck Pass(string accessKey) => new(true, accessKey, null, null);
    public static SignatureCheck Fail(string code, string message) => new(false, null, code, message);
}
