using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using Gateway.Adapters.Security;

namespace Gateway.IntegrationTests.Portals.Wcf;

/// <summary>
/// Signs every request of a WCF client with the X-Gw-* headers, over the exact bytes WCF sends: the HTTP transport's
/// handler-factory binding parameter puts <see cref="SigningHandler"/> in front of the socket handler, and the handler
/// signs with the gateway's one signing implementation (<see cref="OutboundSigningHandler.SignAsync"/>).
/// </summary>
public sealed class SignedSoapBehavior(SigningCredentials credentials, TimeProvider clock) : IEndpointBehavior
{
    /// <summary>Every request the handler signed, as sent (path, headers, body), for assertions.</summary>
    public List<(string Path, string? SoapAction, byte[] Body)> Sent { get; } = [];

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) =>
        bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(inner => new SigningHandler(this, inner)));

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) { }
    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher) { }
    public void Validate(ServiceEndpoint endpoint) { }

    private sealed class SigningHandler(SignedSoapBehavior owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Buffer WCF's (possibly streamed) content once, so the bytes signed are the bytes sent.
            if (request.Content is { } content)
            {
                var body = await content.ReadAsByteArrayAsync(cancellationToken);
                var exact = new ByteArrayContent(body);
                foreach (var header in content.Headers) exact.Headers.TryAddWithoutValidation(header.Key, header.Value);
                exact.Headers.ContentLength = body.Length;
                request.Content = exact;
                lock (owner.Sent)
                    owner.Sent.Add((request.RequestUri!.AbsolutePath,
                        request.Headers.TryGetValues("SOAPAction", out var action) ? string.Join(",", action) : null, body));
            }
            await OutboundSigningHandler.SignAsync(request, owner.Credentials, owner.Clock.GetUtcNow(), cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private SigningCredentials Credentials { get; } = credentials;
    private TimeProvider Clock { get; } = clock;
}
