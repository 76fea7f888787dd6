namespace Gateway.Contracts.Messages;

/// <summary>
/// What the gateway tells a portal about its application (specs/portals.md, "Progress callbacks to portals"):
/// the JSON body of a REST callback, the fields of a SOAP NotifyProgress.
/// </summary>
public sealed record PortalEvent(
    string EventId,
    string PortalApplicationNo,
    string CaseId,
    string Event,
    string? Service,
    string? CounterpartId,
    DateTimeOffset At,
    string? Detail);

/// <summary>The events portals hear about.</summary>
public static class PortalEventNames
{
    public const string Accepted = "ACCEPTED";
    public const string DispatchReceipt = "DISPATCH_RECEIPT";
    public const string Overdue = "OVERDUE";
    public const string CommitmentReceipt = "COMMITMENT_RECEIPT";
    public const string ApprovalDecided = "APPROVAL_DECIDED";
    public const string ServiceConnected = "SERVICE_CONNECTED";
    public const string CaseClosed = "CASE_CLOSED";
}
