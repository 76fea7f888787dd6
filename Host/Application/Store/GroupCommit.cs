using System.Threading.Channels;

namespace Gateway.Application.Store;

/// <summary>
/// A group commit: the store writes that consumers ask for while one batch is being written go into the next batch, in
/// one statement or transaction. Idle, a batch is one item and waits for nothing; under load an item costs a share of
/// one transaction instead of one of its own (docs/performance.md). <see cref="RunAsync"/> completes once the item's batch
/// is committed, so a consumer acknowledges its message only then: nothing is lost in a crash.
/// </summary>
/// <typeparam name="TItem">What a consumer asks to write.</typeparam>
/// <typeparam name="TResult">What it gets back.</typeparam>
/// <param name="logger">Where a failed batch is reported.</param>
/// <param name="maxInFlight">
/// How many batches may be written at once: one unless the store writes transactions side by side (PostgreSQL).
/// </param>
public abstract class GroupCommit<TItem, TResult>(ILogger logger, int maxInFlight = 1) : BackgroundService where TItem : class
{
    /// <summary>Bounds one batch (its rows, and how long it holds what it locks).</summary>
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>What a batch did with one of its items: done with a result, or left to <see cref="RunAloneAsync"/>.</summary>
    protected readonly record struct Outcome(bool Done, TResult Result)
    {
        public static Outcome Left => new(false, default!);
        public static Outcome Of(TResult result) => new(true, result);
    }

    /// <summary>Writes <paramref name="items"/> together; one outcome per item, in their order.</summary>
    protected abstract Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<TItem> items);

    /// <summary>Writes one item on its own: what a batch left, or everything once the service has stopped.</summary>
    protected abstract Task<TResult> RunAloneAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="item"/> with whatever else is waiting; completes when it is committed.</summary>
    public Task<TResult> RunAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        // Stopping (or stopped): no batch will come, so it is written on its own.
        if (!_queue.Writer.TryWrite(pending)) return RunAloneAsync(item, cancellationToken);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until the queue is completed at stop and drained: a consumer waiting on its item is always answered.
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var writing = new List<Task>();
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Side by side (maxInFlight > 1): a free slot first, so that the batch takes everything that waited for it.
            if (maxInFlight > 1) await slots.WaitAsync(CancellationToken.None);
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            if (maxInFlight == 1)
            {
                await SettleAsync(batch);
                continue;
            }
            writing.RemoveAll(t => t.IsCompleted);
            writing.Add(SettleReleasingAsync(batch, slots));
        }
        await Task.WhenAll(writing);
    }

    private async Task SettleReleasingAsync(List<Pending> batch, SemaphoreSlim slots)
    {
        try
        {
            await SettleAsync(batch);
        }
        finally
        {
            slots.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task SettleAsync(List<Pending> batch)
    {
        IReadOnlyList<Outcome> outcomes;
        try
        {
            outcomes = await RunBatchAsync(batch.ConvertAll(p => p.Item));
        }
        catch (Exception ex)
        {
            // One bad item (or a store hiccup) must not fail the others: each is tried on its own.
            logger.LogWarning("A batch of {Count} store writes failed ({Error}); writing each on its own", batch.Count, ex.Message);
            outcomes = batch.ConvertAll(_ => Outcome.Left);
        }
        for (var i = 0; i < batch.Count; i++)
            if (outcomes[i].Done) batch[i].Done.TrySetResult(outcomes[i].Result);
            else _ = RunLeftAsync(batch[i]);
    }

    /// <summary>Left by its batch: written on its own (waiting for a lock if it must) without holding up the next batch.</summary>
    private async Task RunLeftAsync(Pending pending)
    {
        try
        {
            pending.Done.TrySetResult(await RunAloneAsync(pending.Item, CancellationToken.None));
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public static class GroupCommitRegistration
{
    /// <summary>One instance of <typeparamref name="T"/>, injected into consumers and run as a hosted service.</summary>
    public static IServiceCollection AddGroupCommit<T>(this IServiceCollection services) where T : class, IHostedService
    {
        services.AddSingleton<T>();
        return services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
