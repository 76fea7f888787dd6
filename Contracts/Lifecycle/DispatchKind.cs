namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a dispatch asks of its counterpart: a utility's work order or a department's approval request; FEE_NOTICE tells a
/// utility what the applicant paid for its part of the fee list (no time limit, settled by its receipt); APPOINTMENT asks
/// a utility to confirm the applicant's booked joint acceptance and connection (docs/lifecycle.md).
/// </summary>
public enum DispatchKind { WorkOrder, ApprovalRequest, FeeNotice, Appointment }

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
