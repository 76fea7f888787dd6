namespace Gateway.Contracts.Messages;

/// <summary>
/// What the gateway tells a portal about its application (docs/portals.md, "Progress callbacks to portals"):
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

/// <summary>The events portals hear about (specs: "Progress callbacks to portals").</summary>
public enum PortalEventType { Accepted, DispatchReceipt, Overdue, CommitmentReceipt, ApprovalDecided, ServiceConnected, CaseClosed, BookingSettled, BookingConflict }

/// <summary>The wire names of <see cref="PortalEventType"/>, for the <c>event</c> field of a callback.</summary>
public static class PortalEventNames
{
    public static readonly string Accepted = WireName.Of(PortalEventType.Accepted);
    public static readonly string DispatchReceipt = WireName.Of(PortalEventType.DispatchReceipt);
    public static readonly string Overdue = WireName.Of(PortalEventType.Overdue);
    public static readonly string CommitmentReceipt = WireName.Of(PortalEventType.CommitmentReceipt);
    public static readonly string ApprovalDecided = WireName.Of(PortalEventType.ApprovalDecided);
    public static readonly string ServiceConnected = WireName.Of(PortalEventType.ServiceConnected);
    public static readonly string CaseClosed = WireName.Of(PortalEventType.CaseClosed);
    public static readonly string BookingSettled = WireName.Of(PortalEventType.BookingSettled);
    public static readonly string BookingConflict = WireName.Of(PortalEventType.BookingConflict);
}
