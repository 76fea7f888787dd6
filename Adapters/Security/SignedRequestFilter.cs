using Gateway.Adapters.Http;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>
/// Endpoint filter for every signed REST call: reads the body (≤ 1 MiB), verifies the signature before anything
/// parses it, then admits only the route's declared callers. Put on a route by
/// <see cref="SignedRequest.RequireSignedCaller"/>; without a <see cref="CallerRule"/> it cannot be built.
/// </summary>
public sealed class SignedRequestFilter(SignatureVerifier verifier, CallerRule allowed) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Headers first: a stranger (unknown key, stale date, missing headers) is refused before 1 MiB is buffered.
        if (verifier.CheckHeaders(http.Request) is { Ok: false } early)
            return Problems.Result(StatusCodes.Status401Unauthorized, early.Code!, "调用方身份验证失败", early.Message);
        var body = await RequestBody.ReadLimitedAsync(http.Request, http.RequestAborted);
        if (body is null)
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "请求体超过 1 MiB");

        var check = await verifier.VerifyAsync(http.Request, body, http.RequestAborted);
        if (!check.Ok)
            return Problems.Result(StatusCodes.Status401Unauthorized, check.Code!, "调用方身份验证失败", check.Message);

        if (allowed.Check(check.AccessKey!, http) is { } refused)
            return Problems.Result(refused.Status, refused.Code, refused.Title, refused.Detail);

        SignedRequest.Admit(http, body, check.AccessKey!);
        return await next(context);
    }
}
