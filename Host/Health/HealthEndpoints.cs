using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Contracts.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (store and bus reachable): 200 when healthy,
/// 503 when not. Minimal-API handlers over the health-check service, so /openapi/v1.json describes them too.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", (HealthCheckService checks, HttpContext context) => WriteAsync(context, checks, _ => false))
            .WithName("HealthLive").WithSummary("存活 (the process answers)").Produces<HealthAnswer>();
        health.MapGet("/ready", (HealthCheckService checks, HttpContext context) => WriteAsync(context, checks, c => c.Tags.Contains(ReadyTag)))
            .WithName("HealthReady").WithSummary("就绪 (store and bus reachable)")
            .Produces<HealthAnswer>().Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task WriteAsync(HttpContext context, HealthCheckService checks, Func<HealthCheckRegistration, bool> predicate)
    {
        var report = await checks.CheckHealthAsync(predicate, context.RequestAborted);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, GatewayJson.Options));
    }
}

/// <summary>What the health endpoints answer (for the OpenAPI document; the writer above writes the same fields).</summary>
[System.ComponentModel.Description("健康状态 (health: Healthy, Degraded or Unhealthy, and each check)")]
public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

public sealed record HealthCheckAnswer(string Status, string? Description);
