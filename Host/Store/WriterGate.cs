namespace Gateway.Store;

/// <summary>
/// The embedded store's turn to write (<see cref="SerializedSqliteConnection"/>): one holder at a time, in the order they
/// asked, each handed the turn on the gate's own thread. With a <see cref="SemaphoreSlim"/> the next holder's continuation
/// was queued on the thread pool behind whatever the releasing thread queued after it (its batch's answers and the sends
/// they start): the gate, which bounds the embedded rate, spent a fifth of its time in those hand-offs
/// (docs/performance.md, eleventh round). Here a waiting holder is resumed at once on the gate's thread, where its store
/// work (synchronous on SQLite) runs until it gives the turn back; the connection then moves the rest of the caller's
/// work to the thread pool (<see cref="SerializedSqliteConnection.DisposeAsync"/>) so the thread can resume the next one.
/// </summary>
public sealed class WriterGate : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private readonly Queue<TaskCompletionSource> _resume = new();
    private readonly SemaphoreSlim _resumeSignal = new(0);
    private readonly Thread _thread;
    private bool _held;
    private bool _disposed;

    public WriterGate()
    {
        _thread = new Thread(ResumeLoop) { IsBackground = true, Name = "store-writer-gate" };
        _thread.Start();
    }

    /// <summary>Whether the calling thread is the gate's own, where waiting holders are resumed.</summary>
    public bool IsGateThread => Thread.CurrentThread == _thread;

    /// <summary>Takes the turn: at once when free, else on the gate's thread once every earlier holder has given it back.</summary>
    /// <exception cref="TimeoutException">The turn did not come within <paramref name="timeout"/>.</exception>
    public Task EnterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            // Not RunContinuationsAsynchronously: the holder's continuation runs where the turn is given, on the gate's thread.
            waiter = new TaskCompletionSource();
            _waiting.Enqueue(waiter);
        }
        // One who gives up stays queued; the turn passes over it (ResumeLoop finds it completed).
        var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        expiry.CancelAfter(timeout);
        var giveUp = expiry.Token.Register(() =>
        {
            if (cancellationToken.IsCancellationRequested) waiter.TrySetCanceled(cancellationToken);
            else waiter.TrySetException(new TimeoutException($"the SQLite store gate was not free within {timeout.TotalSeconds:0} s"));
        });
        // Registered before the caller's await, so it runs first; queued to the pool, it costs the gate's thread nothing.
        waiter.Task.ContinueWith(_ =>
        {
            giveUp.Dispose();
            expiry.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return waiter.Task;
    }

    /// <summary>Takes the turn, blocking the calling thread (never the gate's own: it would wait for itself).</summary>
    public void Enter(TimeSpan timeout)
    {
        var turn = EnterAsync(timeout, CancellationToken.None);
        if (turn.IsCompleted) return;
        if (IsGateThread) throw new InvalidOperationException("the store's gate thread cannot wait for the gate");
        turn.GetAwaiter().GetResult();
    }

    /// <summary>Gives the turn back: to the next waiter, resumed on the gate's thread, or to nobody.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _held = false;
                return;
            }
            _resume.Enqueue(_waiting.Dequeue());
        }
        _resumeSignal.Release();
    }

    private void ResumeLoop()
    {
        while (true)
        {
            _resumeSignal.Wait();
            TaskCompletionSource next;
            lock (_lock)
            {
                if (_resume.Count == 0)
                {
                    if (_disposed) return;
                    continue;
                }
                next = _resume.Dequeue();
            }
            // Runs the holder's continuation here, until it gives the turn back or awaits something. One that timed out or
            // was cancelled never takes the turn: it goes to the one after it.
            if (!next.TrySetResult()) Exit();
        }
    }

    /// <summary>Later turns are refused and those still waiting fail; a turn already given runs to its end.</summary>
    public void Dispose()
    {
        List<TaskCompletionSource> refused;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            refused = [.. _waiting];
            _waiting.Clear();
        }
        foreach (var waiter in refused) waiter.TrySetException(new ObjectDisposedException(nameof(WriterGate)));
        _resumeSignal.Release();
    }
}
