namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a dispatch asks of its counterpart: a utility's work order or a department's approval request; FEE_NOTICE tells a
/// utility what the applicant paid for its part of the fee list (no time limit, settled by its receipt).
/// </summary>
public enum DispatchKind { WorkOrder, ApprovalRequest, FeeNotice }

/// <summary>
/// A dispatch's delivery and settlement: PENDING (queued), SENT (a send holds its lease), ACKNOWLEDGED (the counterpart's
/// order number is in), IN_PROGRESS (progress reported), DONE / REJECTED (settled), FAILED (waits for an operator).
/// </summary>
public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
