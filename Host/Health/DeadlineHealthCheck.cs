using Gateway.Application.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Health;

/// <summary>
/// Readiness detail for operators: how many open due times are provisional (computed past the last calendar year, weekdays
/// only) as of the last sweep. Never unready for it — intake goes on — but said on every poll until the calendar is added.
/// </summary>
public sealed class DeadlineHealthCheck(GatewayMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provisional = metrics.ProvisionalDueTimes;
        return Task.FromResult(HealthCheckResult.Healthy(provisional == 0
            ? "no provisional due times"
            : $"{provisional} open due times are provisional (past the last working-day calendar): add the next year's calendar file",
            new Dictionary<string, object> { ["provisionalDueTimes"] = provisional }));
    }
}
