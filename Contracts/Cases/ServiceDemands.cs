namespace Gateway.Contracts.Cases;

public sealed class WaterDemand
{
    public BusinessType Business { get; set; }
    public decimal? DailyTons { get; set; }
    public List<UsageNature> Natures { get; set; } = [];
}

public sealed class PowerDemand
{
    public BusinessType Business { get; set; }
    /// <summary>kVA; a form that gives kW is taken 1:1 (Ninghe's "千伏安（千瓦）").</summary>
    public decimal? CapacityKva { get; set; }
    public decimal? VoltageKv { get; set; }
}

public sealed class GasDemand
{
    public BusinessType Business { get; set; }
    public decimal? DailyM3 { get; set; }
    public List<UsageNature> Natures { get; set; } = [];
    public GasPressure? Pressure { get; set; }
}

public sealed class NetworkDemand
{
    public BusinessType Business { get; set; }
    public List<NetworkKind> Kinds { get; set; } = [];
    public int? Users { get; set; }
    public decimal? BandwidthMbps { get; set; }
    /// <summary>Carriers asked for; empty means all three.</summary>
    public List<Carrier> Carriers { get; set; } = [];
}

public sealed class HeatingDemand
{
    public BusinessType Business { get; set; }
    public decimal? AreaM2 { get; set; }
}
