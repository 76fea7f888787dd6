using Gateway.Store;

namespace Gateway.UnitTests.Store;

/// <summary>The embedded store's turn to write (docs/performance.md, eleventh round): one holder, in order, resumed on the gate's thread.</summary>
public sealed class WriterGateTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly WriterGate _gate = new();

    [Fact]
    public async Task A_free_gate_is_taken_at_once_on_the_callers_thread_and_a_waiter_is_resumed_on_the_gates_thread()
    {
        var taken = _gate.EnterAsync(Long, CancellationToken.None);
        Assert.True(taken.IsCompletedSuccessfully);
        Assert.False(_gate.IsGateThread);

        var resumedOnGateThread = WaitThenAsync(() => _gate.IsGateThread);
        Assert.False(resumedOnGateThread.IsCompleted);
        _gate.Exit();
        Assert.True(await resumedOnGateThread.WaitAsync(Long));
    }

    [Fact]
    public async Task Turns_are_given_one_at_a_time_in_the_order_asked()
    {
        await _gate.EnterAsync(Long, CancellationToken.None);
        var order = new List<int>();
        var inside = 0;
        var waiters = Enumerable.Range(1, 5).Select(i => WaitThenAsync(async () =>
        {
            Assert.Equal(1, Interlocked.Increment(ref inside));
            order.Add(i);
            await Task.Yield(); // the holder leaves the gate's thread and still holds the turn
            Assert.Equal(1, Volatile.Read(ref inside));
            Interlocked.Decrement(ref inside);
            return i;
        })).ToList();
        _gate.Exit();
        await Task.WhenAll(waiters).WaitAsync(Long);
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_waiter_that_times_out_is_told_so_and_the_turn_passes_over_it()
    {
        await _gate.EnterAsync(Long, CancellationToken.None);
        var impatient = _gate.EnterAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var next = WaitThenAsync(() => true);
        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => impatient.WaitAsync(Long));
        Assert.Contains("not free within", timedOut.Message);

        _gate.Exit();
        Assert.True(await next.WaitAsync(Long));
        // The last holder gave it back, so it is free again.
        Assert.True(_gate.EnterAsync(Long, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancelled_waiter_never_takes_the_turn()
    {
        await _gate.EnterAsync(Long, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = _gate.EnterAsync(Long, cancel.Token);
        var next = WaitThenAsync(() => true);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Long));

        _gate.Exit();
        Assert.True(await next.WaitAsync(Long));
    }

    [Fact]
    public async Task Once_disposed_the_waiters_fail_and_no_later_turn_is_given()
    {
        await _gate.EnterAsync(Long, CancellationToken.None);
        var waiting = _gate.EnterAsync(Long, CancellationToken.None);
        _gate.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Long));
        Assert.Throws<ObjectDisposedException>(() => { _ = _gate.EnterAsync(Long, CancellationToken.None); });
    }

    [Fact]
    public async Task A_blocking_enter_waits_for_the_turn()
    {
        await _gate.EnterAsync(Long, CancellationToken.None);
        var blocked = Task.Run(() => _gate.Enter(Long));
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
        _gate.Exit();
        await blocked.WaitAsync(Long);
    }

    /// <summary>Queues for the turn now (the gate is held), runs <paramref name="then"/> once it comes, and gives it back.</summary>
    private Task<T> WaitThenAsync<T>(Func<T> then) => WaitThenAsync(() => Task.FromResult(then()));

    private Task<T> WaitThenAsync<T>(Func<Task<T>> then)
    {
        var turn = _gate.EnterAsync(Long, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        return RunAsync();

        async Task<T> RunAsync()
        {
            await turn.ConfigureAwait(false); // as in the host, which has no synchronization context (xUnit's would take the continuation)
            try
            {
                return await then();
            }
            finally
            {
                _gate.Exit();
            }
        }
    }

    public void Dispose() => _gate.Dispose();
}
