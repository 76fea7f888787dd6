using Gateway.Adapters.Security;
using Microsoft.OpenApi;

namespace Gateway.Host.OpenApi;

/// <summary>
/// The security schemes of the document: the six X-Gw-* headers of a signed call (all required together) and the admin
/// bearer token. OpenAPI has no HMAC scheme type, so each header is an apiKey scheme and the signature rule is described.
/// </summary>
public static class SignatureSchemes
{
    public const string Bearer = "adminBearer";

    private static readonly string Rule =
        "签名规则 (signing rule): string-to-sign = METHOD \\n PATH \\n SORTED_QUERY \\n ACCESS_KEY \\n DATE \\n NONCE \\n CONTENT_SHA256 \\n " +
        "(each followed by a newline; SORTED_QUERY = the query pairs as sent, sorted by key then value, joined with '&', empty without a query; " +
        "CONTENT_SHA256 = lower-case hex SHA-256 of the exact body bytes, of the empty string for no body). " +
        "X-Gw-Signature = Base64(HMAC(secret, string-to-sign)) with HMAC-SHA256 (hmac-sha256) or HMAC-SM3 (hmac-sm3). " +
        $"时钟窗口 (clock window): X-Gw-Date within ±{(int)SignatureVerifier.AllowedSkew.TotalSeconds} s of the gateway's clock, else 401 CLOCK_SKEW. " +
        $"随机数 (nonce): 16–64 letters, digits or '-', new for every request; a nonce is remembered per access key for {(int)SignatureVerifier.NonceLifetime.TotalMinutes} minutes and a repeat is 401 NONCE_REPLAYED. " +
        "The body is limited to 1 MiB (413). The gateway signs its own calls (work orders, approval requests, callbacks) the same way with access key 'gateway'.";

    /// <summary>Header name → scheme id and what the header holds.</summary>
    public static readonly IReadOnlyList<(string Id, string Header, string Description)> Headers =
    [
        ("gwAccessKey", SignatureHeaders.AccessKey, "访问密钥 (access key): the caller's id, e.g. zhejiang, henan, hubei, project-approval, or a counterpart id. " + Rule),
        ("gwAlgorithm", SignatureHeaders.Algorithm, "签名算法 (algorithm): hmac-sha256 or hmac-sm3."),
        ("gwDate", SignatureHeaders.Date, "请求时间 (RFC 1123 date, e.g. Thu, 26 Nov 2026 01:00:00 GMT), within the clock window."),
        ("gwNonce", SignatureHeaders.Nonce, "随机数 (nonce): 16–64 of [A-Za-z0-9-], never reused."),
        ("gwContentSha256", SignatureHeaders.ContentSha256, "请求体摘要 (lower-case hex SHA-256 of the body bytes)."),
        ("gwSignature", SignatureHeaders.Signature, "签名 (signature): Base64 HMAC of the string-to-sign. " + Rule),
    ];

    public static void Declare(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (id, header, description) in Headers)
            document.Components.SecuritySchemes[id] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = header, Description = description,
            };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "管理令牌 (admin bearer token, Authorization: Bearer <token>) with a role: viewer (reads; phone numbers masked) < " +
                          "operator (replay, discard; unmasked phones) < admin. Each operation names the role it needs; 401 TOKEN_INVALID without a known token, 403 ROLE_TOO_LOW below it.",
        };
    }

    public static OpenApiSecurityRequirement Signed(OpenApiDocument document)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var (id, _, _) in Headers) requirement[new OpenApiSecuritySchemeReference(id, document)] = [];
        return requirement;
    }

    public static OpenApiSecurityRequirement Admin(OpenApiDocument document, string role) =>
        new() { [new OpenApiSecuritySchemeReference(Bearer, document)] = [role] };
}
