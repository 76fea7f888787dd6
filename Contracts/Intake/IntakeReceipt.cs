namespace Gateway.Contracts.Intake;

/// <summary>受理回执: what a portal gets back for an accepted (or repeated) application.</summary>
public sealed record IntakeReceipt(
    string CaseId,
    string ReceiptNo,
    string Portal,
    string PortalApplicationNo,
    string Region,
    DateTimeOffset AcceptedAt,
    bool Duplicate,
    IReadOnlyList<ReceiptDispatch> Dispatches);

public sealed record ReceiptDispatch(string DispatchId, string CounterpartId, string Kind, DateTimeOffset? DueAt);
