using Gateway.Application.Store;

namespace Gateway.Messaging;

/// <summary>
/// Records counterparts' acknowledgements in batches (<see cref="IDispatchStore.RecordAcknowledgementsAsync"/>: one
/// transaction for the batch, a case's acknowledgements in it decided in turn). What the store leaves — a case another
/// transaction holds, an intent's notice — is recorded on its own.
/// </summary>
public sealed class AcknowledgementBatcher(IDispatchStore store, ILogger<AcknowledgementBatcher> logger)
    : GroupCommit<Acknowledgement, bool>(logger)
{
    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<Acknowledgement> items)
    {
        var left = (await store.RecordAcknowledgementsAsync(items, CancellationToken.None)).ToHashSet(ReferenceEqualityComparer.Instance);
        return items.Select(a => left.Contains(a) ? Outcome.Left : Outcome.Of(true)).ToList();
    }

    protected override async Task<bool> RunAloneAsync(Acknowledgement item, CancellationToken cancellationToken)
    {
        await store.RecordAcknowledgementAsync(item.Sending, item.OrderNo, item.At, item.Actor, cancellationToken);
        return true;
    }
}
