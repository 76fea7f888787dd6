namespace Gateway.Contracts.Lifecycle;

/// <summary>What a dispatch asks of its counterpart: a utility's work order, a department's approval request, or a utility's
/// appointment for the booked joint acceptance and connection (docs/lifecycle.md).</summary>
public enum DispatchKind { WorkOrder, ApprovalRequest, Appointment }

/// <summary>
/// A dispatch's delivery and settlement: PENDING (queued), SENT (a send holds its lease), ACKNOWLEDGED (the counterpart's
/// order number is in), IN_PROGRESS (progress reported), DONE / REJECTED (settled), FAILED (waits for an operator).
/// </summary>
public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
