using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>A case as stored: times are Unix milliseconds (UTC), so SQLite and PostgreSQL compare them the same way.</summary>
public sealed class CaseRow
{
    public string CaseId { get; set; } = "";
    public string Portal { get; set; } = "";
    public string PortalApplicationNo { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string Region { get; set; } = "";
    public string? Zone { get; set; }
    public CaseStatus Status { get; set; }
    /// <summary><see cref="Status"/> under its stored name (<see cref="WireName"/>): what the store reads and writes.</summary>
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<CaseStatus>(value); }
    public string ReceiptNo { get; set; } = "";
    public long AcceptedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string ApplicationJson { get; set; } = "";
    public string ReceiptJson { get; set; } = "";
    /// <summary>Set by the store when personal data in <see cref="ApplicationJson"/> did not open (which field, why; no value).</summary>
    public string? Unreadable { get; set; }

    /// <summary>The row with <paramref name="status"/>, as the store's write leaves it (a copy; this row is not changed).</summary>
    public CaseRow With(CaseStatus status, long now)
    {
        var after = (CaseRow)MemberwiseClone();
        after.Status = status;
        after.UpdatedAt = now;
        return after;
    }
}
