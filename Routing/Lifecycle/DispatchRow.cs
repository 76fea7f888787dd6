using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>A dispatch (work order or approval request) as stored: times in Unix milliseconds (UTC), flags as booleans.</summary>
public sealed class DispatchRow
{
    /// <summary>
    /// The stored due (and warning) time of a dispatch whose step has no limit in the plan: never reached, so no sweep
    /// warns or misses it; views and documents show no due time.
    /// </summary>
    public const long NoDue = long.MaxValue;

    public string DispatchId { get; set; } = "";
    public string CaseId { get; set; } = "";
    /// <summary>Position in the case's fan-out plan, so views list dispatches in plan order.</summary>
    public int Ordinal { get; set; }
    public string CounterpartId { get; set; } = "";
    public DispatchKind Kind { get; set; }
    /// <summary><see cref="Kind"/> under its stored name.</summary>
    public string KindName { get => WireName.Of(Kind); set => Kind = WireName.Parse<DispatchKind>(value); }
    public string? Service { get; set; }
    public string SlaStep { get; set; } = "";
    public DispatchStatus Status { get; set; }
    /// <summary><see cref="Status"/> under its stored name.</summary>
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<DispatchStatus>(value); }
    public string? ExternalRef { get; set; }
    public long CreatedAt { get; set; }
    public long? SentAt { get; set; }
    public long? AcknowledgedAt { get; set; }
    public long DueAt { get; set; }
    public bool DueProvisional { get; set; }
    public bool Overdue { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Until when the current send (or the initial publish) has the dispatch; past it, recovery re-queues it.</summary>
    public long LeaseUntil { get; set; }
    /// <summary>The instant its period started and its length in half working days: enough to recompute the due time.</summary>
    public long DueFrom { get; set; }
    public int SlaHalfDays { get; set; }
    /// <summary>When the deadline warning is due (75 % of the period, wall-clock); when it was raised; when the deadline was missed.</summary>
    public long WarnAt { get; set; }
    public long? WarnedAt { get; set; }
    public long? MissedAt { get; set; }
    /// <summary>Approval requests: INVOLVEMENT or APPROVAL.</summary>
    public string? Question { get; set; }
    /// <summary>The dispatch this one follows up (a go-ahead work order, an APPROVAL after INVOLVEMENT).</summary>
    public string? RelatedDispatchId { get; set; }
    /// <summary>The counterpart's last reported progress (ACCEPTED … CONNECTED) or decision.</summary>
    public string? Progress { get; set; }
    /// <summary>When the counterpart did what its step asks (e.g. accepted the work order, answered the question); the deadline stops.</summary>
    public long? MetAt { get; set; }

    /// <summary>False when the plan names no limit for this dispatch's step (see <see cref="NoDue"/>).</summary>
    public bool Timed => DueAt != NoDue;

    /// <summary>
    /// The row as the store's write of <paramref name="change"/> at <paramref name="now"/> leaves it: what a later decision in
    /// the same transaction reads (<see cref="DeliveryRules.AcknowledgeInTurn"/>). A copy; this row is not changed.
    /// </summary>
    public DispatchRow After(DispatchChange change, long now)
    {
        var after = (DispatchRow)MemberwiseClone();
        after.Status = change.Status;
        after.Progress = change.Progress;
        if (change.Met) after.MetAt ??= now;
        if (change.ExternalRef is not null)
        {
            after.ExternalRef ??= change.ExternalRef;
            after.AcknowledgedAt ??= now;
        }
        if (change.ClearError) after.LastError = null;
        if (change.Retime is { } retime)
            (after.DueFrom, after.DueAt, after.DueProvisional, after.WarnAt, after.MetAt, after.WarnedAt, after.MissedAt, after.Overdue) =
                (retime.DueFrom, retime.DueAt, retime.DueProvisional, retime.WarnAt, null, null, null, false);
        return after;
    }

    /// <summary>The work order's progress, when this is a work order that has reported one.</summary>
    public WorkProgress? WorkProgress => Kind == DispatchKind.WorkOrder && Progress is { } p ? WireName.Parse<WorkProgress>(p) : null;
    /// <summary>The department's answer, when this is an approval request that has one.</summary>
    public Decision? Decision => Kind == DispatchKind.ApprovalRequest && Progress is { } p ? WireName.Parse<Decision>(p) : null;
}
