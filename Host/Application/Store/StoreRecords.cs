using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

// Rows as the store reads and writes them. Times are Unix milliseconds (UTC) so SQLite and PostgreSQL
// compare them the same way; flags are booleans stored as 0/1.

public sealed class TimelineRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public long At { get; set; }
    public TimelineType Type { get; set; }
    public string TypeName { get => WireName.Of(Type); set => Type = WireName.Parse<TimelineType>(value); }
    public string Actor { get; set; } = "";
    public string? Detail { get; set; }
    public string? DispatchId { get; set; }
}

public sealed class OutboxRow
{
    public string MessageId { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string Payload { get; set; } = "";
    public long CreatedAt { get; set; }
}

public sealed class CaseSummaryRow
{
    public string CaseId { get; set; } = "";
    public string Region { get; set; } = "";
    public string? Zone { get; set; }
    public string Portal { get; set; } = "";
    public string PortalApplicationNo { get; set; } = "";
    public CaseStatus Status { get; set; }
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<CaseStatus>(value); }
    public long AcceptedAt { get; set; }
    public int Dispatches { get; set; }
    public int OverdueDispatches { get; set; }
}

public sealed class CounterpartLoad
{
    public string CounterpartId { get; set; } = "";
    public int Pending { get; set; }
    public int Failed { get; set; }
}

/// <summary>
/// Everything the intake commits for a new case, in one transaction; with <see cref="Intent"/>, the OPEN intent it converts
/// (marked CONVERTED with the case id, or nothing is committed when it no longer is OPEN).
/// </summary>
public sealed record NewCase(CaseRow Case, IReadOnlyList<DispatchRow> Dispatches, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxRow> Outbox,
    IReadOnlyList<PortalCallbackRow> Callbacks, string PolicyJson, IntentConversion? Intent = null);

/// <summary>The intent a new case converts, and the entry its timeline gets.</summary>
public sealed record IntentConversion(string IntentId, TimelineEntry Entry);

/// <summary>A progress callback owed to a portal, written with the change it reports, plus the message that delivers it.</summary>
public sealed class PortalCallbackRow
{
    public string EventId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string Portal { get; set; } = "";
    public string Event { get; set; } = "";
    public string Payload { get; set; } = "";
    public CallbackStatus Status { get; set; }
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<CallbackStatus>(value); }
    public long CreatedAt { get; set; }
    public long? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public sealed record CaseQuery(string? Region, CaseStatus? Status, bool? Overdue, long? From, long? To, int Page, int PageSize);

public sealed record CaseListPage(IReadOnlyList<CaseSummaryRow> Items, int Total);

/// <summary>A message that exhausted its retries or was refused outright; the operator's to replay or discard.</summary>
/// <param name="Sending">The send that took the dispatch, when one did: its DISPATCH_SENT line is written with the failure.</param>
public sealed record FailedMessage(
    string MessageType, string CounterpartId, string CaseId, string DispatchId, long FailedAt,
    string Reason, string Error, string Payload, string? RequestHeaders, string? RequestBody,
    IReadOnlyList<AttemptRecord> Attempts, DispatchSending? Sending = null);

/// <summary>
/// A send that took its dispatch (SENT under this instance's lease): which attempt and when. Its DISPATCH_SENT timeline
/// line is written in the same transaction as the outcome (acknowledgement or failure), so a work order costs one
/// statement to take and one transaction to settle.
/// </summary>
public sealed record DispatchSending(string DispatchId, string CaseId, string CounterpartId, long Attempts, long SentAt);

/// <summary>A counterpart's acknowledgement of a send, to be recorded (<see cref="IDispatchStore.RecordAcknowledgementsAsync"/>).</summary>
public sealed record Acknowledgement(DispatchSending Sending, string OrderNo, long At, string Actor);

/// <summary>
/// What <see cref="IDispatchStore.TakeDispatchAsync"/> returns with the dispatch it took: everything the work order is
/// built from, read in the statement that took it (the case's application opened, its policy as stored, and the
/// service and counterpart of each of its work orders, for the joint-construction group).
/// </summary>
public sealed record DispatchTake(DispatchRow Dispatch, CaseRow Case, string? PolicyJson, IReadOnlyList<(string Service, string CounterpartId)> WorkOrders)
{
    public DispatchSending Sending => new(Dispatch.DispatchId, Dispatch.CaseId, Dispatch.CounterpartId, Dispatch.Attempts, Dispatch.SentAt ?? 0);
}

/// <summary>One try at delivering a message, and what went wrong with it.</summary>
public sealed record AttemptRecord(long At, string Error);

public sealed class FailedMessageRow
{
    public string Id { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string CounterpartId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string DispatchId { get; set; } = "";
    public long FirstFailedAt { get; set; }
    public long LastFailedAt { get; set; }
    public int Attempts { get; set; }
    public string Reason { get; set; } = "";
    public string LastError { get; set; } = "";
    public FailedMessageStatus Status { get; set; }
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<FailedMessageStatus>(value); }
    public string Payload { get; set; } = "";
    public string? RequestHeaders { get; set; }
    public string? RequestBody { get; set; }
    public string? ReplayedBy { get; set; }
    public long? ReplayedAt { get; set; }
    public string? DiscardedBy { get; set; }
    public long? DiscardedAt { get; set; }
    public string? DiscardReason { get; set; }
}

public sealed class FailedGroupRow
{
    public string CounterpartId { get; set; } = "";
    public string Reason { get; set; } = "";
    public int Count { get; set; }
    public long Oldest { get; set; }
    public long Newest { get; set; }
}

public sealed record FailedQuery(string? CounterpartId, string? Reason, FailedMessageStatus? Status, int Page, int PageSize);

/// <summary>Which failed messages a replay takes: explicit ids, or every PENDING one of a counterpart (and reason).</summary>
public sealed record ReplaySelection(IReadOnlyList<string>? Ids, string? CounterpartId, string? Reason);

/// <summary>Store-wide counts the metrics report as gauges.</summary>
public sealed record StoreGauges(long OutboxBacklog, long FailedPending, long OverdueOpen);

/// <summary>A case with its dispatches, timeline, policy and rating, as of one moment.</summary>
public sealed record CaseDocument(CaseRow Case, IReadOnlyList<DispatchRow> Dispatches, IReadOnlyList<TimelineRow> Timeline,
    CasePolicyDocument? Policy, CaseRating? Rating, IReadOnlyList<ClockRow>? Clocks = null, BookingRow? Booking = null);

/// <summary>A row a batch loop set aside (see <see cref="ParkedRowKind"/>): what, which case, why, when, how often.</summary>
public sealed class ParkedRow
{
    public ParkedRowKind Kind { get; set; }
    public string KindName { get => WireName.Of(Kind); set => Kind = WireName.Parse<ParkedRowKind>(value); }
    public string RowId { get; set; } = "";
    public string? CaseId { get; set; }
    public ParkedReason Reason { get; set; }
    /// <summary><see cref="Reason"/> under its stable code (UNREADABLE_DATA, MALFORMED_PAYLOAD, UNPROCESSABLE_ROW).</summary>
    public string ReasonName { get => WireName.Of(Reason); set => Reason = WireName.Parse<ParkedReason>(value); }
    /// <summary>What went wrong, without personal data (masked before it is stored).</summary>
    public string Detail { get; set; } = "";
    public long ParkedAt { get; set; }
    public int Times { get; set; }
}
