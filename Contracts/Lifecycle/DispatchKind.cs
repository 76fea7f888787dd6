namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a dispatch asks of its counterpart: a utility's work order or a department's approval request; APPOINTMENT asks
/// a utility to confirm the applicant's booked joint acceptance and connection; or what it tells a utility without asking
/// anything (a notice, settled by its receipt): FEE_NOTICE what the applicant paid for its part of the fee list, the early
/// PLANNING_NOTICE of an intent, and the applicant's RATING of its service (docs/lifecycle.md).
/// </summary>
public enum DispatchKind { WorkOrder, ApprovalRequest, FeeNotice, Appointment, PlanningNotice, Rating }

public static class DispatchKinds
{
    /// <summary>Work orders and approval requests carry a plan's step and its limit; notices and appointments do not.</summary>
    public static bool IsTimedStep(this DispatchKind kind) => kind is DispatchKind.WorkOrder or DispatchKind.ApprovalRequest;
}

/// <summary>
/// A dispatch's delivery and settlement: PENDING (queued), SENT (a send holds its lease), ACKNOWLEDGED (the counterpart's
/// order number is in), IN_PROGRESS (progress reported), DONE / REJECTED (settled), FAILED (waits for an operator).
/// </summary>
public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
