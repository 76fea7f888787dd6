namespace Gateway.Contracts.Cases;

/// <summary>外线工程: the utility's works outside the planning red line for one service.</summary>
public sealed class OuterWork
{
    public ServiceType Service { get; set; }
    public decimal? LengthM { get; set; }
    public decimal? DiameterDn { get; set; }
    public decimal? OuterDiameterMm { get; set; }
    public int? Holes { get; set; }
    public decimal? GreenM2 { get; set; }
    public decimal? RoadCrossingM { get; set; }
    public bool? EnterpriseInvested { get; set; }
    public bool? Hazardous { get; set; }
    public List<SpecialZone> SpecialZones { get; set; } = [];
    /// <summary>Road built within 5 years or overhauled within 3 years.</summary>
    public bool? RecentRoad { get; set; }
    public bool? SmallAttached { get; set; }
}
