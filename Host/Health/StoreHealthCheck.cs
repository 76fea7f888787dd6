using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Health;

/// <summary>
/// Ready only while the store answers, and not until it has answered for a moment after its last failure
/// (<see cref="StoreReachability"/>). The description says when it last failed, for an operator reading /health/ready.
/// </summary>
public sealed class StoreHealthCheck(IStoreMaintenance store, StoreReachability reachability) : IHealthCheck
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            reachability.Failed(ex);
            return HealthCheckResult.Unhealthy($"store unreachable: {ex.Message}", ex);
        }
        if (reachability.LastFailure is not { } last || last.Ago > Remembered) return HealthCheckResult.Healthy("store reachable");
        var when = $"{last.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd'T'HH:mm:ss.fffzzz}, {last.Ago.TotalSeconds:0.0} s ago";
        return last.Ago < StoreReachability.Settle
            ? HealthCheckResult.Unhealthy($"store answering again, unreachable at {when}: {last.Error}")
            : HealthCheckResult.Healthy($"store reachable; last unreachable at {when}: {last.Error}");
    }
}
