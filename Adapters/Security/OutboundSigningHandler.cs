namespace Gateway.Adapters.Security;

/// <summary>
/// Signs every outbound attempt afresh (new date and nonce), so a retry is never refused as a replay.
/// Sits inside the resilience handler for that reason.
/// </summary>
public sealed class OutboundSigningHandler(TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SigningCredentials.OptionKey, out var credentials))
            await SignAsync(request, credentials, clock.GetUtcNow(), cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    public static async Task SignAsync(HttpRequestMessage request, SigningCredentials credentials, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri ?? throw new InvalidOperationException("request has no URI");
        var date = RequestSignature.FormatDate(now);
        var nonce = RequestSignature.NewNonce();
        var digest = RequestSignature.ContentSha256(body);
        var toSign = RequestSignature.StringToSign(request.Method.Method, uri.AbsolutePath,
            RequestSignature.SortedQuery(uri.Query), credentials.AccessKey, date, nonce, digest);

        var headers = request.Headers;
        foreach (var name in new[] { SignatureHeaders.AccessKey, SignatureHeaders.Algorithm, SignatureHeaders.Date, SignatureHeaders.Nonce, SignatureHeaders.ContentSha256, SignatureHeaders.Signature })
            headers.Remove(name);
        headers.Add(SignatureHeaders.AccessKey, credentials.AccessKey);
        headers.Add(SignatureHeaders.Algorithm, credentials.Algorithm);
        headers.Add(SignatureHeaders.Date, date);
        headers.Add(SignatureHeaders.Nonce, nonce);
        headers.Add(SignatureHeaders.ContentSha256, digest);
        headers.Add(SignatureHeaders.Signature, RequestSignature.Sign(credentials.Algorithm, credentials.Secret, toSign));
    }
}
