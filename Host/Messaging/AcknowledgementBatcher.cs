using Gateway.Application.Store;

namespace Gateway.Messaging;

/// <summary>
/// Records counterparts' acknowledgements in batches (<see cref="IDispatchStore.RecordAcknowledgementsAsync"/>: one
/// transaction for the batch). A second acknowledgement of a case goes into the next batch; what the store leaves — a
/// case another transaction holds, an intent's notice — is recorded on its own.
/// </summary>
public sealed class AcknowledgementBatcher(IDispatchStore store, ILogger<AcknowledgementBatcher> logger)
    : GroupCommit<Acknowledgement, bool>(logger)
{
    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<Acknowledgement> items)
    {
        // A second acknowledgement of a case goes into the next batch: it must see the first's effects, and on its own it
        // would only wait for this batch's lock on the case.
        var cases = new HashSet<string>(StringComparer.Ordinal);
        var now = items.Where(a => cases.Add(a.Sending.CaseId)).ToList();
        var left = (await store.RecordAcknowledgementsAsync(now, CancellationToken.None)).ToHashSet(ReferenceEqualityComparer.Instance);
        var inBatch = now.ToHashSet(ReferenceEqualityComparer.Instance);
        return items.Select(a => !inBatch.Contains(a) ? Outcome.NextBatch : left.Contains(a) ? Outcome.Left : Outcome.Of(true)).ToList();
    }

    protected override async Task<bool> RunAloneAsync(Acknowledgement item, CancellationToken cancellationToken)
    {
        await store.RecordAcknowledgementAsync(item.Sending, item.OrderNo, item.At, item.Actor, cancellationToken);
        return true;
    }
}
