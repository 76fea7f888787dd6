using Gateway.Adapters.Http;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>
/// Endpoint filter for every signed inbound call: reads the body (≤ 1 MiB), verifies the signature
/// before anything parses it, and leaves the verified body and caller on the HttpContext.
/// </summary>
public sealed class SignedRequestFilter(SignatureVerifier verifier) : IEndpointFilter
{
    private const string BodyKey = "gw.signed-body";
    private const string CallerKey = "gw.caller";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await RequestBody.ReadLimitedAsync(http.Request, http.RequestAborted);
        if (body is null)
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "请求体超过 1 MiB");

        var check = await verifier.VerifyAsync(http.Request, body, http.RequestAborted);
        if (!check.Ok)
            return Problems.Result(StatusCodes.Status401Unauthorized, check.Code!, "调用方身份验证失败", check.Message);

        http.Items[BodyKey] = body;
        http.Items[CallerKey] = check.AccessKey;
        return await next(context);
    }

    public static byte[] BodyOf(HttpContext context) =>
        context.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("endpoint is not behind SignedRequestFilter");

    public static string CallerOf(HttpContext context) =>
        context.Items[CallerKey] as string ?? throw new InvalidOperationException("endpoint is not behind SignedRequestFilter");
}
