using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;

namespace Gateway.Messaging;

/// <summary>
/// Re-queues dispatches that nobody finished within their lease — the sender crashed mid-send, or the in-memory
/// bus lost the message with the process — and, at once, dispatches whose sending instance stopped beating. The dispatch
/// id stays the idempotency key, so a counterpart that did receive the first attempt answers 409 with its order number
/// and nothing is duplicated.
/// </summary>
public sealed class StalledDispatchRecovery(
    IDispatchStore store, OutboxSignal outboxSignal, GatewaySettings settings, TimeProvider clock,
    ILogger<StalledDispatchRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Often enough to notice a dead peer's sends within half a stale period, not only expired leases.
        var interval = TimeSpan.FromTicks(Math.Min(settings.Instances.StaleAfter.Ticks / 2,
            Math.Clamp(settings.DispatchLease.Ticks / 3, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(30).Ticks)));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecoverOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Stalled-dispatch recovery failed; will try again");
            }
        }
    }

    public async Task<int> RecoverOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var requeued = await store.RequeueStalledDispatchesAsync(now, now + (long)settings.DispatchLease.TotalMilliseconds, 100,
            d => SendDispatchMessage.For(d, now), cancellationToken);
        if (requeued.Count > 0)
        {
            logger.LogWarning("Re-queued {Count} stalled dispatches: {DispatchIds}", requeued.Count, string.Join(", ", requeued.Select(d => d.DispatchId)));
            outboxSignal.Notify();
        }
        return requeued.Count;
    }
}
