using Gateway.Application.Configuration;
using Gateway.Application.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Store;

/// <summary>
/// Keeps the hot tables small: deletes spent nonces and outbox messages published longer ago than the retention
/// (<c>Gateway:Housekeeping</c>), a bounded batch at a time, so the relay's and the signature check's queries cost the
/// same with a year of cases behind them as with none. Every instance may run it; deletes of the same rows just overlap.
/// </summary>
public sealed class StoreHousekeeping(IStoreMaintenance store, IOptions<GatewayOptions> options, TimeProvider clock,
    ILogger<StoreHousekeeping> logger) : BackgroundService
{
    private readonly HousekeepingOptions _options = options.Value.Housekeeping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Store housekeeping failed; will try again");
            }
        }
    }

    /// <summary>One pass: nonces, then published outbox rows; returns how many of each were deleted.</summary>
    public async Task<(int Nonces, int Outbox)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var nonces = await PurgeAsync(max => store.DeleteExpiredNoncesAsync(now, max, cancellationToken));
        var publishedBefore = now - (long)TimeSpan.FromHours(_options.OutboxRetentionHours).TotalMilliseconds;
        var outbox = await PurgeAsync(max => store.DeletePublishedOutboxAsync(publishedBefore, max, cancellationToken));
        if (nonces + outbox > 0) logger.LogDebug("Housekeeping deleted {Nonces} nonces and {Outbox} published outbox messages", nonces, outbox);
        return (nonces, outbox);
    }

    private async Task<int> PurgeAsync(Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        for (var batch = 0; batch < _options.MaxBatchesPerRun; batch++)
        {
            var deleted = await deleteBatch(_options.BatchSize);
            total += deleted;
            if (deleted < _options.BatchSize) break;
        }
        return total;
    }
}
