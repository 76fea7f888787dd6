namespace Gateway.Adapters.Security;

/// <summary>Who signs an outbound request and with which secret; travels in the request's options.</summary>
public sealed record SigningCredentials(string AccessKey, string Secret, string Algorithm = SignatureHeaders.HmacSha256)
{
    public static readonly HttpRequestOptionsKey<SigningCredentials> OptionKey = new("gw.signing");
}
