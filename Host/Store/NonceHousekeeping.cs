using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>Deletes expired nonces every few minutes so the nonce table stays small.</summary>
public sealed class NonceHousekeeping(IStoreMaintenance store, TimeProvider clock, ILogger<NonceHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.DeleteExpiredNoncesAsync(clock.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Nonce housekeeping failed; will try again");
            }
        }
    }
}
