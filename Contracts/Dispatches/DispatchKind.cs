namespace Gateway.Contracts.Dispatches;

public enum DispatchKind { WorkOrder, ApprovalRequest }

public enum DispatchStatus { Pending, Sent, Acknowledged, InProgress, Done, Rejected, Failed }
