namespace Gateway.Adapters.Security;

/// <summary>Header names of the caller signature (docs/security.md).</summary>
public static class SignatureHeaders
{
    public const string AccessKey = "X-Gw-Access-Key";
    public const string Algorithm = "X-Gw-Algorithm";
    public const string Date = "X-Gw-Date";
    public const string Nonce = "X-Gw-Nonce";
    public const string ContentSha256 = "X-Gw-Content-SHA256";
    public const string Signature = "X-Gw-Signature";

    public const string HmacSha256 = "hmac-sha256";
    public const string HmacSm3 = "hmac-sm3";

    /// <summary>The access key the gateway uses on every call it makes.</summary>
    public const string GatewayAccessKey = "gateway";
}
