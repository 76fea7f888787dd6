namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// The SubmitHookupDemand payload as sent (docs/portals.md, <c>project-approval</c>): element text kept as
/// text, so the validator can name every unreadable value by its element path before anything is converted.
/// </summary>
public sealed class ProjectApprovalDemand
{
    public string? DemandNo { get; set; }
    public string? RegionCode { get; set; }
    /// <summary>Not in the agreement's example: Keqiao routes by service zone, so the platform names it there.</summary>
    public string? ZoneCode { get; set; }
    public string? Stage { get; set; }
    /// <summary>Optional: when the housing bureau submitted the form (xs:dateTime, Beijing time without an offset).</summary>
    public string? SubmitTime { get; set; }
    public string? ProjectCode { get; set; }
    public string? ProjectName { get; set; }
    public string? PermitNo { get; set; }
    public string? SiteAddress { get; set; }
    public ProjectApprovalEnterprise? Enterprise { get; set; }
    public string? FilledBy { get; set; }
    /// <summary>Optional: the survey appointment (xs:date).</summary>
    public string? SurveyDate { get; set; }
    public ProjectApprovalServiceDemand? Water { get; set; }
    public ProjectApprovalServiceDemand? Power { get; set; }
    public ProjectApprovalServiceDemand? Gas { get; set; }
    public ProjectApprovalServiceDemand? Network { get; set; }
    public ProjectApprovalServiceDemand? Heating { get; set; }
    public string? DistanceToMainM { get; set; }
    public List<ProjectApprovalOuterWork> OuterWorks { get; set; } = [];

    /// <summary>Single-valued elements the message repeats (only the first of each was read).</summary>
    public List<string> Repeated { get; set; } = [];
}

public sealed class ProjectApprovalEnterprise
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
}

/// <summary>One of Water, Power, Gas, Network, Heating; each carries only the children its service needs.</summary>
public sealed class ProjectApprovalServiceDemand
{
    public string? Business { get; set; }
    public string? DailyTons { get; set; }
    public string? Usage { get; set; }
    public string? CapacityKva { get; set; }
    public string? VoltageKv { get; set; }
    public string? DailyM3 { get; set; }
    public string? Pressure { get; set; }
    public string? Kinds { get; set; }
    public string? Users { get; set; }
    public string? BandwidthMbps { get; set; }
    public string? Carriers { get; set; }
    public string? AreaM2 { get; set; }
}

public sealed class ProjectApprovalOuterWork
{
    public string? Service { get; set; }
    public string? LengthM { get; set; }
    public string? DiameterDn { get; set; }
    public string? OuterDiameterMm { get; set; }
    public string? Holes { get; set; }
    public string? GreenM2 { get; set; }
    public string? RoadCrossingM { get; set; }
    public string? EnterpriseInvested { get; set; }
    public string? Hazardous { get; set; }
    public string? SpecialZones { get; set; }
    public string? RecentRoad { get; set; }
    public string? SmallAttached { get; set; }
}
