using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Store;

using Gateway.Application.Telemetry;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Refreshes the store-backed gauges (outbox backlog, pending failed messages, overdue open dispatches) every
/// <c>Gateway:Telemetry:GaugeSeconds</c> (default 15): one cheap query, never on a request path.
/// </summary>
public sealed class StoreGaugeSampler(IGatewayStore store, GatewayMetrics metrics, IConfiguration config, TimeProvider clock,
    ILogger<StoreGaugeSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = double.TryParse(config["Gateway:Telemetry:GaugeSeconds"], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0.05 ? s : 15;
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
