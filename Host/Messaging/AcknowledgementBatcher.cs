using System.Threading.Channels;
using Gateway.Application.Store;

namespace Gateway.Messaging;

/// <summary>
/// Records counterparts' acknowledgements in batches (a group commit): the acknowledgements that arrive while one batch
/// is being written go into the next, in one transaction (<see cref="IDispatchStore.RecordAcknowledgementsAsync"/>). Idle,
/// a batch is one acknowledgement and waits for nothing; under load a work order's settling costs a share of one
/// transaction instead of one of its own (docs/performance.md). A sender's <see cref="RecordAsync"/> completes once its
/// acknowledgement is committed, so the bus acknowledges its message only then: nothing is lost in a crash.
/// </summary>
public sealed class AcknowledgementBatcher(IDispatchStore store, ILogger<AcknowledgementBatcher> logger) : BackgroundService
{
    /// <summary>Bounds one transaction (its rows and the time it holds its cases' locks).</summary>
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records <paramref name="acknowledgement"/>; completes when it is committed (or throws what recording it threw).</summary>
    public Task RecordAsync(Acknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var pending = new Pending(acknowledgement);
        // Stopping (or stopped): no batch will come, so record it on its own.
        if (!_queue.Writer.TryWrite(pending))
            return store.RecordAcknowledgementAsync(acknowledgement.Sending, acknowledgement.OrderNo, acknowledgement.At, acknowledgement.Actor, cancellationToken);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until the queue is completed at stop and drained: a sender waiting on its acknowledgement is always answered.
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await SettleAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task SettleAsync(List<Pending> batch)
    {
        IReadOnlyList<Acknowledgement> left;
        try
        {
            left = await store.RecordAcknowledgementsAsync(batch.ConvertAll(p => p.Acknowledgement), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // One bad acknowledgement (or a store hiccup) must not fail the others: each is tried on its own.
            logger.LogWarning("Recording a batch of {Count} acknowledgements failed ({Error}); recording each on its own", batch.Count, ex.Message);
            left = batch.ConvertAll(p => p.Acknowledgement);
        }
        var notDone = left.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var pending in batch)
            if (notDone.Contains(pending.Acknowledgement)) _ = RecordAloneAsync(pending);
            else pending.Done.TrySetResult();
    }

    /// <summary>
    /// Left by the batch (its case held elsewhere, or a second one of a case): recorded on its own, waiting for the case's
    /// lock if it must — without holding up the next batch.
    /// </summary>
    private async Task RecordAloneAsync(Pending pending)
    {
        var ack = pending.Acknowledgement;
        try
        {
            await store.RecordAcknowledgementAsync(ack.Sending, ack.OrderNo, ack.At, ack.Actor, CancellationToken.None);
            pending.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private sealed class Pending(Acknowledgement acknowledgement)
    {
        public Acknowledgement Acknowledgement { get; } = acknowledgement;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
