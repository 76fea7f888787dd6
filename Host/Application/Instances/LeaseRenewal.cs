namespace Gateway.Application.Instances;

/// <summary>
/// Renews a lease in the background while the work it covers runs (a send that retries for a minute, a publish waiting
/// on the broker), so a live but slow holder never loses it to the lease running out. Disposing stops the renewals.
/// A timer callback, not a loop awaiting a <see cref="PeriodicTimer"/>: stopping that loop throws a cancellation
/// exception, and a renewal wraps every send — most of which end long before the first tick (docs/performance.md).
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _renew;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly ITimer _timer;
    private CancellationTokenSource? _stop;
    private Task _running = Task.CompletedTask;
    private int _busy;

    private LeaseRenewal(TimeSpan every, Func<CancellationToken, Task> renew, ILogger logger, string what)
    {
        (_renew, _logger, _what) = (renew, logger, what);
        _timer = TimeProvider.System.CreateTimer(static state => ((LeaseRenewal)state!).Tick(), this, every, every);
    }

    /// <summary>Renews every third of <paramref name="lease"/>: two renewals may fail before the lease runs out.</summary>
    public static LeaseRenewal Start(TimeSpan lease, Func<CancellationToken, Task> renew, ILogger logger, string what) =>
        new(TimeSpan.FromTicks(Math.Max(lease.Ticks / 3, TimeSpan.FromMilliseconds(100).Ticks)), renew, logger, what);

    private void Tick()
    {
        // A renewal still under way when the next tick comes (a slow store) is not doubled.
        if (Interlocked.Exchange(ref _busy, 1) == 1) return;
        _stop ??= new CancellationTokenSource();
        _running = RenewOnceAsync(_stop.Token);
    }

    private async Task RenewOnceAsync(CancellationToken stop)
    {
        try
        {
            await _renew(stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            _logger.LogWarning("Renewing the lease on {What} failed: {Error}", _what, ex.Message);
        }
        catch (OperationCanceledException)
        {
            // stopped while renewing: the work is done
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the timer waits for a callback under way, so no renewal starts after this line.
        await _timer.DisposeAsync();
        if (_stop is null) return;
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}
