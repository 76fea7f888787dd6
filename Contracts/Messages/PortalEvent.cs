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
    string? Detail,
    FeeListNotice? FeeList = null);

/// <summary>The fee list a FEE_LIST_ISSUED callback carries (docs/api.md, "Fee list contract"); amounts in fen.</summary>
public sealed record FeeListNotice(string FeeListId, long ApplicantTotalFen, IReadOnlyList<FeeListNoticeItem> Items);

/// <summary>One item of the fee list: whose quote, what, how much (fen), who bears it, inside or outside the red line.</summary>
public sealed record FeeListNoticeItem(string CounterpartId, string? Service, string? Code, string Name, long AmountFen, string Bearer, string Scope);

/// <summary>The events portals hear about (specs: "Progress callbacks to portals").</summary>
public enum PortalEventType { Accepted, DispatchReceipt, Overdue, CommitmentReceipt, ApprovalDecided, ServiceConnected, CaseClosed, FeeListIssued, BookingSettled, BookingConflict }

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
    public static readonly string FeeListIssued = WireName.Of(PortalEventType.FeeListIssued);
    public static readonly string BookingSettled = WireName.Of(PortalEventType.BookingSettled);
    public static readonly string BookingConflict = WireName.Of(PortalEventType.BookingConflict);
}
