namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a dispatch asks of its counterpart: a utility's work order or a department's approval request; or what it tells a
/// utility without asking anything (a notice, settled by its receipt): the early planning notice of an intent
/// (docs/lifecycle.md, "Intent registration and 免申办") and the applicant's rating of its service ("Ratings").
/// </summary>
public enum DispatchKind { WorkOrder, ApprovalRequest, PlanningNotice, Rating }

/// <summary>
/// A dispatch's delivery and settlement: PENDING (queued), SENT (a send holds its lease), ACKNOWLEDGED (the counterpart's
/// order number is in), IN_PROGRESS (progress reported), DONE / REJECTED (settled), FAILED (waits for an operator).
/// </summary>
public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
