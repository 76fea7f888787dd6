namespace Gateway.Application.Instances;

/// <summary>
/// Renews a lease in the background while the work it covers runs (a send that retries for a minute, a publish waiting
/// on the broker), so a live but slow holder never loses it to the lease running out. Disposing stops the renewals.
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(TimeSpan every, Func<CancellationToken, Task> renew, ILogger logger, string what) =>
        _loop = RunAsync(every, renew, logger, what);

    /// <summary>Renews every third of <paramref name="lease"/>: two renewals may fail before the lease runs out.</summary>
    public static LeaseRenewal Start(TimeSpan lease, Func<CancellationToken, Task> renew, ILogger logger, string what) =>
        new(TimeSpan.FromTicks(Math.Max(lease.Ticks / 3, TimeSpan.FromMilliseconds(100).Ticks)), renew, logger, what);

    private async Task RunAsync(TimeSpan every, Func<CancellationToken, Task> renew, ILogger logger, string what)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await renew(_stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    logger.LogWarning("Renewing the lease on {What} failed: {Error}", what, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // done
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
