using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>
/// An intent as stored: one per project (region + project code). Its planning notices are dispatches whose <c>case_id</c> is
/// the intent id, its timeline entries likewise; <see cref="CaseId"/> is set once it became a case.
/// </summary>
public sealed class IntentRow
{
    /// <summary>Intent ids start with this; case ids start with their region id, so the two never meet.</summary>
    public const string IdPrefix = "INT-";

    public static bool IsIntentId(string id) => id.StartsWith(IdPrefix, StringComparison.Ordinal);

    public string IntentId { get; set; } = "";
    public string Region { get; set; } = "";
    public string ProjectCode { get; set; } = "";
    public string Portal { get; set; } = "";
    public string PortalApplicationNo { get; set; } = "";
    public ProjectStage Stage { get; set; }
    public string StageName { get => WireName.Of(Stage); set => Stage = WireName.Parse<ProjectStage>(value); }
    public IntentStatus Status { get; set; }
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<IntentStatus>(value); }
    public string ContentHash { get; set; } = "";
    public string ApplicationJson { get; set; } = "";
    public long RegisteredAt { get; set; }
    public long UpdatedAt { get; set; }
    public string? CaseId { get; set; }
    /// <summary>Set on read when personal data in the application did not open (as for a case row).</summary>
    public string? Unreadable { get; set; }
}
