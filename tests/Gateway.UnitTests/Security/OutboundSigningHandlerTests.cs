using Gateway.Adapters.Security;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.UnitTests.Security;

/// <summary>Each outbound try is signed with the clock's time at that try, and a later try with a fresh date and nonce.</summary>
public sealed class OutboundSigningHandlerTests
{
    /// <summary>The end of the handler chain: keeps the headers each try went out with.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<Dictionary<string, string>> Sent { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
        }
    }

    [Fact]
    public async Task A_retry_is_signed_again_with_the_date_of_its_own_try()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var recorder = new Recorder();
        // An invoker, not an HttpClient: the same request goes through twice, as the retry strategy sends it.
        using var invoker = new HttpMessageInvoker(new OutboundSigningHandler(clock) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/erp/work-orders") { Content = new StringContent("{}") };
        request.Options.Set(SigningCredentials.OptionKey, new SigningCredentials("gateway", "s3cret"));

        using var first = await invoker.SendAsync(request, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(90));
        using var second = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("Mon, 23 Nov 2026 02:00:00 GMT", recorder.Sent[0][SignatureHeaders.Date]);
        Assert.Equal("Mon, 23 Nov 2026 02:01:30 GMT", recorder.Sent[1][SignatureHeaders.Date]);
        Assert.NotEqual(recorder.Sent[0][SignatureHeaders.Nonce], recorder.Sent[1][SignatureHeaders.Nonce]);
        var expected = RequestSignature.Sign(SignatureHeaders.HmacSha256, "s3cret", RequestSignature.StringToSign("POST", "/erp/work-orders", "",
            "gateway", "Mon, 23 Nov 2026 02:01:30 GMT", recorder.Sent[1][SignatureHeaders.Nonce], RequestSignature.ContentSha256("{}"u8)));
        Assert.Equal(expected, recorder.Sent[1][SignatureHeaders.Signature]);
    }
}
