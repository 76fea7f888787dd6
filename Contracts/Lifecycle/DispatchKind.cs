namespace Gateway.Contracts.Lifecycle;

/// <summary>What a dispatch asks of its counterpart: a utility's work order or a department's approval request.</summary>
public enum DispatchKind { WorkOrder, ApprovalRequest }

/// <summary>
/// A dispatch's delivery and settlement: PENDING (queued), SENT (a send holds its lease), ACKNOWLEDGED (the counterpart's
/// order number is in), IN_PROGRESS (progress reported), DONE / REJECTED (settled), FAILED (waits for an operator).
/// </summary>
public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
