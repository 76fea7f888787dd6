using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Store;

using Gateway.Application.Telemetry;

using Microsoft.Extensions.Options;

using Gateway.Application.Configuration;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Refreshes the store-backed gauges (outbox backlog, pending failed messages, overdue open dispatches) every
/// <c>Gateway:Telemetry:GaugeSeconds</c> (default 15): one cheap query, never on a request path.
/// </summary>
public sealed class StoreGaugeSampler(IStoreMaintenance store, GatewayMetrics metrics, IOptions<GatewayOptions> options, TimeProvider clock,
    ILogger<StoreGaugeSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.Telemetry.GaugeSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.UpdateGauges(await store.ReadGaugesAsync(stoppingToken));
                await Task.Delay(TimeSpan.FromSeconds(seconds), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading the store gauges failed; trying again in {Seconds} s", seconds);
                await Task.Delay(TimeSpan.FromSeconds(seconds), clock, stoppingToken);
            }
        }
    }
}
