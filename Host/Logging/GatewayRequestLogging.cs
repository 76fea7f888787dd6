using Serilog;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// One Serilog event per HTTP request (Serilog.AspNetCore). Successful requests log at Debug, so the default
/// Information level shows only refusals (4xx: Information) and failures (5xx or an exception: Error) without
/// costing a console line per push under load.
/// </summary>
public static class GatewayRequestLogging
{
    public static IApplicationBuilder UseGatewayRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Response.StatusCode >= 400 ? LogEventLevel.Information
                : LogEventLevel.Debug;
        });
}
