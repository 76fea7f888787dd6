using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>A dispatch's delivery: the send lease, the counterpart's acknowledgement or the failure, and recovery of stalled sends.</summary>
public interface IDispatchStore
{
    Task<DispatchRow?> GetDispatchAsync(string dispatchId, CancellationToken cancellationToken);
    /// <summary>
    /// Takes a dispatch for sending — SENT under this instance's lease, attempts + 1 — and returns, from the same statement,
    /// what its work order is built from; null when it needs no sending (unknown, settled, or being sent by a live holder).
    /// </summary>
    Task<DispatchTake?> TakeDispatchAsync(string dispatchId, long at, long leaseUntil, CancellationToken cancellationToken);
    /// <summary>Takes several dispatches as <see cref="TakeDispatchAsync"/> does, in one statement: one take per dispatch taken.</summary>
    Task<IReadOnlyList<DispatchTake>> TakeDispatchesAsync(IReadOnlyList<string> dispatchIds, long at, long leaseUntil, CancellationToken cancellationToken);
    /// <summary>Gives up this instance's send lease (after an unexpected error) so a retry of the message may send.</summary>
    Task ReleaseDispatchLeaseAsync(string dispatchId, CancellationToken cancellationToken);
    /// <summary>
    /// Records the send (its DISPATCH_SENT line), the counterpart's order number, the DISPATCH_RECEIPT callback to the portal,
    /// and DISPATCHED when all are in: one transaction.
    /// </summary>
    Task RecordAcknowledgementAsync(DispatchSending sending, string orderNo, long at, string actor, CancellationToken cancellationToken);
    /// <summary>
    /// Records several acknowledgements, each as <see cref="RecordAcknowledgementAsync"/> would, in one transaction (a group
    /// commit). Returns those it left for <see cref="RecordAcknowledgementAsync"/>: a case another transaction holds (it
    /// never waits for one), a second acknowledgement of a case in the batch, an intent's notice.
    /// </summary>
    Task<IReadOnlyList<Acknowledgement>> RecordAcknowledgementsAsync(IReadOnlyList<Acknowledgement> acknowledgements, CancellationToken cancellationToken);
    Task RecordDispatchFailureAsync(FailedMessage failure, CancellationToken cancellationToken);
    /// <summary>
    /// Puts dispatches whose lease ran out without an answer (a crash mid-send, a message lost with an in-memory
    /// bus) back to PENDING with a fresh outbox message; same dispatch id, so the counterpart can deduplicate.
    /// </summary>
    Task<IReadOnlyList<DispatchRow>> RequeueStalledDispatchesAsync(long now, long leaseUntil, int max,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken);
    Task<IReadOnlyList<CounterpartLoad>> CounterpartLoadAsync(CancellationToken cancellationToken);
}
