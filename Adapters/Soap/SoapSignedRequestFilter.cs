using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Adapters.Soap;

/// <summary>
/// The SOAP flavour of <see cref="SignedRequestFilter"/>: the same 1 MiB body read, signature check and declared-caller
/// check before anything parses the XML, answered as SOAP faults (413 / 401 / the rule's refusal). It is also the SOAP
/// endpoint's last line: an exception becomes a <c>soap:Server</c> fault rather than the host's JSON problem.
/// </summary>
public sealed class SoapSignedRequestFilter(SignatureVerifier verifier, CallerRule allowed, ILogger<SoapSignedRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            // Headers first: a stranger (unknown key, stale date, missing headers) is refused before 1 MiB is buffered.
            if (verifier.CheckHeaders(http.Request) is { Ok: false } early)
                return SoapFault.Client(StatusCodes.Status401Unauthorized, early.Code!, $"调用方身份验证失败：{early.Message}");
            var body = await RequestBody.ReadLimitedAsync(http.Request, http.RequestAborted);
            if (body is null)
                return SoapFault.Client(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "请求体超过 1 MiB");

            var check = await verifier.VerifyAsync(http.Request, body, http.RequestAborted);
            if (!check.Ok)
                return SoapFault.Client(StatusCodes.Status401Unauthorized, check.Code!, $"调用方身份验证失败：{check.Message}");

            if (allowed.Check(check.AccessKey!, http) is { } refused)
                return SoapFault.Client(refused.Status, refused.Code, refused.Detail);

            SignedRequest.Admit(http, body, check.AccessKey!);
            return await next(context);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel refused the request itself (e.g. a broken chunked body): the caller's fault, not ours.
            return SoapFault.Client(ex.StatusCode, "BAD_REQUEST", "请求无法处理（HTTP 请求格式错误）");
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && StoreUnavailable.Is(ex))
        {
            logger.LogWarning("Store unavailable on SOAP {Path}: {Error}", http.Request.Path, ex.Message);
            http.Response.Headers.RetryAfter = StoreUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SoapFault.Unavailable();
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error on SOAP {Path} (trace {TraceId})", http.Request.Path, http.TraceIdentifier);
            return SoapFault.Server(http.TraceIdentifier);
        }
    }
}
