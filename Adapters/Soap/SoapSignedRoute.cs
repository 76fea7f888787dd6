using Gateway.Adapters.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Adapters.Soap;

/// <summary>Signing a SOAP route: the twin of <see cref="SignedRequest.RequireSignedCaller"/>, answering with faults.</summary>
public static class SoapSignedRoute
{
    /// <summary>A signed SOAP route that only <paramref name="allowed"/> may call (also endpoint metadata).</summary>
    public static TBuilder RequireSignedSoapCaller<TBuilder>(this TBuilder route, CallerRule allowed) where TBuilder : IEndpointConventionBuilder =>
        route.WithMetadata(allowed).AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            var filter = new SoapSignedRequestFilter(services.GetRequiredService<SignatureVerifier>(), allowed,
                services.GetRequiredService<ILogger<SoapSignedRequestFilter>>());
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
