using Gateway.Adapters.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Adapters.Security;

/// <summary>
/// Signing a route, and what a signed route's handler reads: the verified body and caller, left on the HttpContext by
/// <see cref="SignedRequestFilter"/> (REST) or <c>SoapSignedRequestFilter</c>.
/// </summary>
public static class SignedRequest
{
    private const string BodyKey = "gw.signed-body";
    private const string CallerKey = "gw.caller";

    /// <summary>
    /// A signed REST route that only <paramref name="allowed"/> may call. The rule is also endpoint metadata, so the
    /// route table shows every signed route's callers.
    /// </summary>
    public static TBuilder RequireSignedCaller<TBuilder>(this TBuilder route, CallerRule allowed) where TBuilder : IEndpointConventionBuilder =>
        // 401 bad signature, 403 caller not admitted, 413 body over 1 MiB: answered by the filter before the handler.
        route.WithMetadata(allowed).ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
            StatusCodes.Status413PayloadTooLarge).AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new SignedRequestFilter(factory.ApplicationServices.GetRequiredService<SignatureVerifier>(), allowed);
            return invocation => filter.InvokeAsync(invocation, next);
        });

    public static byte[] BodyOf(HttpContext context) =>
        context.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("endpoint is not a signed route");

    public static string CallerOf(HttpContext context) =>
        context.Items[CallerKey] as string ?? throw new InvalidOperationException("endpoint is not a signed route");

    /// <summary>Called by the filters once the signature and the caller check have passed.</summary>
    internal static void Admit(HttpContext context, byte[] body, string caller)
    {
        context.Items[BodyKey] = body;
        context.Items[CallerKey] = caller;
    }
}
