namespace Gateway.Routing.Regions;

/// <summary>The JSON shape of a region file, before validation turns it into a <see cref="RegionPolicy"/>.</summary>
internal sealed class RegionFile
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Plan { get; set; }
    public List<string>? AdminCodes { get; set; }
    public List<string>? AdminCodePrefixes { get; set; }
    public List<string>? Portals { get; set; }
    public List<string>? Services { get; set; }
    public bool ZoneRequired { get; set; }
    public List<ZoneEntry>? Zones { get; set; }
    public List<OfficePeriodEntry>? OfficeHours { get; set; }
    public LimitsEntry? Limits { get; set; }
    public List<CounterpartEntry>? Counterparts { get; set; }
    public Dictionary<string, decimal>? Sla { get; set; }
    /// <summary>The plan clause each SLA (and the distance bands) comes from, by step key.</summary>
    public Dictionary<string, string>? SlaSources { get; set; }
    /// <summary>Steps whose clock runs only while the application materials are complete (Puyang's approval).</summary>
    public List<string>? SlaPausedForMaterials { get; set; }
    /// <summary>The title of the commitment receipt this region issues (《…告知承诺回执》).</summary>
    public string? CommitmentReceiptTitle { get; set; }
    public List<DistanceBandEntry>? WorkOrderDueByDistance { get; set; }
    public OuterWorksSection? OuterWorks { get; set; }
    public List<CostsSection>? Costs { get; set; }
    public FeeListSection? FeeList { get; set; }
    public BookingSection? Booking { get; set; }
    public IntentSection? Intent { get; set; }
    public RatingsSection? Ratings { get; set; }

    internal sealed class ZoneEntry { public string? Code { get; set; } public string? Name { get; set; } }
    internal sealed class OfficePeriodEntry { public string? Start { get; set; } public string? End { get; set; } }
    internal sealed class LimitsEntry { public decimal? PowerMaxVoltageKv { get; set; } }
    internal sealed class DistanceBandEntry { public decimal? UpToM { get; set; } public decimal? WorkingDays { get; set; } }
    internal sealed class CounterpartEntry { public string? Id { get; set; } public string? Role { get; set; } public string? Name { get; set; } }
}
