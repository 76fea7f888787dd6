// An integrator's program on the Kiota client generated from /openapi/v1.json:
//   dotnet run -- <baseUrl> <sample.json> <portalSecret> <bearerToken>
// pushes the Zhejiang sample (signed), reads the case view and lists the failed messages, and prints one JSON line.
using System.Text.Json;
using Gateway.Adapters.Security;
using Gateway.Client;
using Gateway.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

var (baseUrl, samplePath, secret, token) = (args[0], args[1], args[2], args[3]);

using var http = new HttpClient(new GatewayCredentials(secret, token) { InnerHandler = new SocketsHttpHandler() });
var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl.TrimEnd('/') };
var client = new GatewayApiClient(adapter);

// The sample, read into the generated model (unknown fields would travel on as additional data).
var application = await KiotaJsonSerializer.DeserializeAsync(await File.ReadAllTextAsync(samplePath), ZhejiangApplication.CreateFromDiscriminatorValue)
    ?? throw new InvalidOperationException("sample did not parse");
var receipt = await client.Api.Portals.Zhejiang.Applications.PostAsync(application)
    ?? throw new InvalidOperationException("no receipt");

var view = await client.Api.Cases[receipt.CaseId!].GetAsync() ?? throw new InvalidOperationException("no case view");
var failed = await client.Api.Admin.FailedMessages.GetAsync(c => c.QueryParameters.PageSize = "10") ?? throw new InvalidOperationException("no list");

// A refused push comes back as the generated Problem exception with its stable code.
string? refusedCode = null;
try
{
    application.ApplyNo = null;
    await client.Api.Portals.Zhejiang.Applications.PostAsync(application);
}
catch (Problem problem)
{
    refusedCode = problem.Code?.ToString();
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    caseId = receipt.CaseId,
    receiptNo = receipt.ReceiptNo,
    receiptDispatches = receipt.Dispatches?.Count,
    viewCaseId = view.CaseId,
    viewStatus = view.Status?.ToString(),
    viewDispatches = view.Dispatches?.Count,
    applicant = view.Applicant?.Name,
    failedTotal = failed.Total,
    failedItems = failed.Items?.Count,
    refusedCode,
}));

/// <summary>Signs portal pushes (X-Gw-* headers over the exact body) and puts the bearer token on admin calls.</summary>
internal sealed class GatewayCredentials(string secret, string token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/api/portals/", StringComparison.Ordinal))
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var date = RequestSignature.FormatDate(TimeProvider.System.GetUtcNow()); // the live gateway's clock
            var nonce = RequestSignature.NewNonce();
            var digest = RequestSignature.ContentSha256(body);
            var toSign = RequestSignature.StringToSign(request.Method.Method, path, RequestSignature.SortedQuery(request.RequestUri.Query), "zhejiang", date, nonce, digest);
            request.Headers.Add(SignatureHeaders.AccessKey, "zhejiang");
            request.Headers.Add(SignatureHeaders.Algorithm, SignatureHeaders.HmacSha256);
            request.Headers.Add(SignatureHeaders.Date, date);
            request.Headers.Add(SignatureHeaders.Nonce, nonce);
            request.Headers.Add(SignatureHeaders.ContentSha256, digest);
            request.Headers.Add(SignatureHeaders.Signature, RequestSignature.Sign(SignatureHeaders.HmacSha256, secret, toSign));
        }
        else
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
