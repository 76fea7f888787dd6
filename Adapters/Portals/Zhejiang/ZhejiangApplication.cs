namespace Gateway.Adapters.Portals.Zhejiang;

/// <summary>The wire shape of 浙江省"一件事"系统's push (docs/portals.md, <c>zhejiang</c>). Names are the portal's own.</summary>
public sealed class ZhejiangApplication
{
    public string? ApplyNo { get; set; }
    public string? AreaCode { get; set; }
    public string? ZoneCode { get; set; }
    public string? SubmitTime { get; set; }
    public ZhejiangProject? Project { get; set; }
    public ZhejiangApplicant? Applicant { get; set; }
    public string? SurveyDate { get; set; }
    public List<ZhejiangDemand>? Demands { get; set; }
    public List<ZhejiangOuterWork>? OuterWorks { get; set; }
}

public sealed class ZhejiangProject
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? PermitNo { get; set; }
}

public sealed class ZhejiangApplicant
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? Contact { get; set; }
    public string? Mobile { get; set; }
}

public sealed class ZhejiangDemand
{
    public string? Type { get; set; }
    public string? Biz { get; set; }
    public decimal? DailyTons { get; set; }
    public List<string>? Usage { get; set; }
    public decimal? CapacityKva { get; set; }
    public decimal? VoltageKv { get; set; }
    public decimal? DailyM3 { get; set; }
    public string? Pressure { get; set; }
    public List<string>? Kinds { get; set; }
    public int? Users { get; set; }
    public decimal? BandwidthMbps { get; set; }
    public List<string>? Carriers { get; set; }
}

public sealed class ZhejiangOuterWork
{
    public string? Type { get; set; }
    public decimal? LengthM { get; set; }
    public decimal? DiameterDn { get; set; }
    public decimal? OuterDiameterMm { get; set; }
    public int? Holes { get; set; }
    public decimal? GreenM2 { get; set; }
    public decimal? RoadCrossingM { get; set; }
    public bool? EnterpriseInvested { get; set; }
    public bool? Hazardous { get; set; }
    public List<string>? SpecialZones { get; set; }
    public bool? RecentRoad { get; set; }
}
