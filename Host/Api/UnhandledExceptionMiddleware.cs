using Gateway.Adapters.Http;
using Gateway.Contracts.Json;

namespace Gateway.Host.Api;

/// <summary>
/// Last line: a malformed request Kestrel refuses becomes its 4xx problem; anything else is a 500 problem
/// with a trace id (details go to the log, never to the caller).
/// </summary>
public sealed class UnhandledExceptionMiddleware(RequestDelegate next, ILogger<UnhandledExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
            await Problems.WriteAsync(context, ex.StatusCode, code, "请求无法处理", ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path} (trace {TraceId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "网关内部错误",
                $"请联系运维人员并提供追踪号 {context.TraceIdentifier}");
        }
    }
}
