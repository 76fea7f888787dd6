using Gateway.Application.Instances;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.UnitTests.Instances;

public sealed class LeaseRenewalTests
{
    [Fact]
    public async Task Renews_while_held_and_never_after_it_is_disposed()
    {
        var renewals = 0;
        var renewal = LeaseRenewal.Start(TimeSpan.FromMilliseconds(300), _ => { Interlocked.Increment(ref renewals); return Task.CompletedTask; },
            NullLogger.Instance, "test");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref renewals) < 2 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        await renewal.DisposeAsync();
        var atDispose = Volatile.Read(ref renewals);
        Assert.True(atDispose >= 2, $"renewed {atDispose} times");
        await Task.Delay(400);
        Assert.Equal(atDispose, Volatile.Read(ref renewals));
    }

    [Fact]
    public async Task A_slow_renewal_is_not_doubled_and_disposing_cancels_it()
    {
        var running = 0;
        var maxRunning = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource();
        var renewal = LeaseRenewal.Start(TimeSpan.FromMilliseconds(300), async ct =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            started.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { cancelled.TrySetResult(); throw; }
            finally { Interlocked.Decrement(ref running); }
        }, NullLogger.Instance, "test");
        // The first renewal hangs; then several more ticks (every 100 ms) come while it does. Waiting for it to start,
        // not a fixed time: on a loaded machine the first tick can come late.
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        await renewal.DisposeAsync();
        Assert.True(cancelled.Task.IsCompleted);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task Disposed_before_the_first_tick_nothing_runs()
    {
        var renewals = 0;
        var renewal = LeaseRenewal.Start(TimeSpan.FromSeconds(30), _ => { renewals++; return Task.CompletedTask; }, NullLogger.Instance, "test");
        await renewal.DisposeAsync();
        Assert.Equal(0, renewals);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
