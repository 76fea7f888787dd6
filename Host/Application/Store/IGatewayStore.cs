using Gateway.Adapters.Security;
using Gateway.Routing.Lifecycle;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>
/// The source of truth: cases, timeline, dispatches, outbox, nonces, failed messages. One implementation
/// (the Store project's SqlGatewayStore) serves SQLite and PostgreSQL.
/// </summary>
public interface IGatewayStore
{
    Task MigrateAsync(CancellationToken cancellationToken);
    Task PingAsync(CancellationToken cancellationToken);

    Task<CaseRow?> FindCaseByPortalApplicationAsync(string portal, string portalApplicationNo, CancellationToken cancellationToken);
    /// <summary>Commits the case with its timeline, dispatches and outbox; false when the portal application already exists.</summary>
    Task<bool> TryInsertCaseAsync(NewCase newCase, CancellationToken cancellationToken);
    Task<CaseRow?> GetCaseAsync(string caseId, CancellationToken cancellationToken);
    Task<IReadOnlyList<DispatchRow>> GetDispatchesAsync(string caseId, CancellationToken cancellationToken);
    Task<(CasePolicyDocument Policy, CaseRating? Rating)?> GetCasePolicyAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>The case, its dispatches, timeline, policy and rating read as one snapshot (the case view).</summary>
    Task<CaseDocument?> GetCaseDocumentAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a counterpart's event to its dispatch's case: claims the event id (a repeat changes nothing), checks the
    /// dispatch is the caller's, and writes what <paramref name="rules"/> decide — all in one transaction.
    /// </summary>
    Task<CaseEventOutcome> ApplyCaseEventAsync(string counterpartId, string eventId, string dispatchId, long now,
        Func<CaseSnapshot, CaseEffects> rules, CancellationToken cancellationToken);

    /// <summary>Stores the applicant's rating once the case is connected; false when not connected yet or already rated.</summary>
    Task<bool> SaveRatingAsync(string caseId, CaseRating rating, TimelineEntry entry, CancellationToken cancellationToken);
    Task<IReadOnlyList<TimelineRow>> GetTimelineAsync(string caseId, CancellationToken cancellationToken);
    Task<CaseListPage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxRow>> ClaimOutboxAsync(string instanceId, int max, long now, long leaseUntil, CancellationToken cancellationToken);
    Task MarkOutboxPublishedAsync(string messageId, long at, CancellationToken cancellationToken);
    /// <summary>Marks a whole published batch in one statement.</summary>
    Task MarkOutboxPublishedAsync(IReadOnlyCollection<string> messageIds, long at, CancellationToken cancellationToken);
    /// <summary>Outbox backlog, pending failed messages and overdue open dispatches, for the gauges.</summary>
    Task<StoreGauges> ReadGaugesAsync(CancellationToken cancellationToken);

    Task<DispatchRow?> GetDispatchAsync(string dispatchId, CancellationToken cancellationToken);
    /// <summary>Marks a dispatch SENT (attempts + 1) with a timeline entry; false when it needs no sending any more.</summary>
    Task<bool> MarkDispatchSendingAsync(string dispatchId, long at, long leaseUntil, string actor, CancellationToken cancellationToken);
    /// <summary>Gives up this instance's send lease (after an unexpected error) so a retry of the message may send.</summary>
    Task ReleaseDispatchLeaseAsync(string dispatchId, CancellationToken cancellationToken);
    /// <summary>Records the counterpart's order number, the DISPATCH_RECEIPT callback to the portal, and DISPATCHED when all are in.</summary>
    Task RecordAcknowledgementAsync(string dispatchId, string orderNo, long at, string actor, CancellationToken cancellationToken);
    Task RecordDispatchFailureAsync(FailedMessage failure, CancellationToken cancellationToken);

    /// <summary>
    /// Puts dispatches whose lease ran out without an answer (a crash mid-send, a message lost with an in-memory
    /// bus) back to PENDING with a fresh outbox message; same dispatch id, so the counterpart can deduplicate.
    /// </summary>
    Task<IReadOnlyList<DispatchRow>> RequeueStalledDispatchesAsync(long now, long leaseUntil, int max,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken);

    Task<(IReadOnlyList<FailedMessageRow> Items, int Total)> ListFailedAsync(FailedQuery query, CancellationToken cancellationToken);
    Task<IReadOnlyList<FailedGroupRow>> GroupFailedAsync(FailedMessageStatus status, CancellationToken cancellationToken);
    Task<(FailedMessageRow Row, IReadOnlyList<AttemptRecord> Attempts)?> GetFailedAsync(string id, CancellationToken cancellationToken);
    /// <summary>Re-queues the selected PENDING failed messages under their original ids; returns the ids taken.</summary>
    Task<IReadOnlyList<string>> ReplayFailedAsync(ReplaySelection selection, string operatorName, long now, long leaseUntil,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken);
    Task<bool> DiscardFailedAsync(string id, string reason, string operatorName, long now, CancellationToken cancellationToken);

    /// <summary>Raises DEADLINE_WARNING once per open dispatch whose warning time has come; returns those warned now.</summary>
    Task<IReadOnlyList<DispatchRow>> RaiseDeadlineWarningsAsync(long now, int max, CancellationToken cancellationToken);
    /// <summary>Marks open dispatches past due as overdue (once), with a DEADLINE_MISSED entry and an OVERDUE portal callback.</summary>
    Task<IReadOnlyList<DispatchRow>> RaiseMissedDeadlinesAsync(long now, int max, CancellationToken cancellationToken);
    Task<IReadOnlyList<(DispatchRow Dispatch, string Region)>> GetProvisionalDispatchesAsync(CancellationToken cancellationToken);
    Task UpdateDueAsync(string dispatchId, long dueAt, bool provisional, long warnAt, long now, CancellationToken cancellationToken);

    Task<PortalCallbackRow?> GetPortalCallbackAsync(string eventId, CancellationToken cancellationToken);
    Task<IReadOnlyList<PortalCallbackRow>> GetPortalCallbacksAsync(string caseId, CancellationToken cancellationToken);
    Task MarkPortalCallbackAsync(string eventId, CallbackStatus status, long at, string? error, CancellationToken cancellationToken);
    Task<int> RequeueFailedPortalCallbacksAsync(long olderThan, long now, CancellationToken cancellationToken);

    Task<IReadOnlyList<CounterpartLoad>> CounterpartLoadAsync(CancellationToken cancellationToken);
    Task<int> DeleteExpiredNoncesAsync(long now, CancellationToken cancellationToken);

    /// <summary>Sets aside a row a batch loop cannot process (a repeat updates reason and time), for operators to see.</summary>
    Task ParkAsync(ParkedRow row, CancellationToken cancellationToken);
    Task<IReadOnlyList<ParkedRow>> ListParkedAsync(CancellationToken cancellationToken);
}
