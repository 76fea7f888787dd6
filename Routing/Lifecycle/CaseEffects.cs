using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>The case as a counterpart event finds it: read under the case's lock, in the transaction that applies the effects.</summary>
public sealed record CaseSnapshot(CaseRow Case, CasePolicyDocument Policy, IReadOnlyList<DispatchRow> Dispatches, DispatchRow Subject, long Now,
    IReadOnlyList<ClockRow>? Clocks = null, BookingRow? Booking = null)
{
    public IReadOnlyList<ClockRow> ClockList => Clocks ?? [];
}

/// <summary>
/// What a counterpart event changes, decided by pure rules from a <see cref="CaseSnapshot"/> and applied by the store in
/// one transaction — or a refusal (409 with a reason) that changes nothing.
/// </summary>
public sealed class CaseEffects
{
    public CaseRefusal? Refusal { get; private init; }
    public List<DispatchChange> DispatchChanges { get; } = [];
    /// <summary>New dispatches (a follow-up question, a go-ahead); whoever applies the effects also queues each one's send.</summary>
    public List<DispatchRow> NewDispatches { get; } = [];
    public List<TimelineEntry> Timeline { get; } = [];
    public List<(string Event, DispatchRow? Dispatch, string Detail)> Callbacks { get; } = [];
    /// <summary>Clocks started (inserted) and clocks changed (met, paused, re-timed, violated: the whole row is written back).</summary>
    public List<ClockRow> NewClocks { get; } = [];
    public List<ClockRow> ClockChanges { get; } = [];
    public CaseStatus? CaseStatus { get; set; }
    public CasePolicyDocument? Policy { get; set; }
    /// <summary>A replay of this dispatch succeeded: its failed message, if REPLAYING, becomes REPLAYED.</summary>
    public string? SettleReplayOf { get; set; }
    /// <summary>A booking created or changed (answers, settled, conflict): the whole row is written.</summary>
    public BookingRow? Booking { get; set; }

    public static CaseEffects Refuse(string code, string message) => new() { Refusal = new CaseRefusal(code, message) };
}

/// <summary>
/// A dispatch's new status and progress; <c>Met</c> stops its deadline; an order number first seen here is its receipt;
/// <c>ClearError</c> forgets the last send error (the dispatch got through); <c>Retime</c> starts its period again.
/// </summary>
public sealed record DispatchChange(string DispatchId, DispatchStatus Status, string? Progress, bool Met, string? ExternalRef = null, bool ClearError = false,
    DispatchRetime? Retime = null);

/// <summary>A dispatch's period counted anew (Puyang's approval after complete materials): warning, miss and overdue are reset.</summary>
public sealed record DispatchRetime(long DueFrom, long DueAt, bool DueProvisional, long WarnAt);

public sealed record CaseRefusal(string Code, string Message);

public enum CaseEventResult { Applied, Duplicate, UnknownDispatch, OtherCounterpart, Refused }

public sealed record CaseEventOutcome(CaseEventResult Result, CaseRefusal? Refusal = null, string? CaseId = null);
