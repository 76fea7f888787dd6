using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Counterparts;

/// <summary>
/// One service's demand as the agreements print it: in a work order's <c>demand</c> (without
/// <c>service</c>) and in the case view's <c>services[]</c>. Absent numbers are omitted, not zero.
/// </summary>
public sealed record DemandDocument(
    ServiceType? Service,
    BusinessType Business,
    decimal? DailyTons = null,
    decimal? CapacityKva = null,
    decimal? VoltageKv = null,
    decimal? DailyM3 = null,
    IReadOnlyList<UsageNature>? Natures = null,
    GasPressure? Pressure = null,
    IReadOnlyList<NetworkKind>? Kinds = null,
    int? Users = null,
    decimal? BandwidthMbps = null,
    IReadOnlyList<Carrier>? Carriers = null,
    decimal? AreaM2 = null)
{
    public static DemandDocument? Of(HookupApplication app, ServiceType service, bool withService) => service switch
    {
        ServiceType.Water when app.Water is { } w => new(withService ? service : null, w.Business,
            DailyTons: w.DailyTons, Natures: w.Natures),
        ServiceType.Power when app.Power is { } p => new(withService ? service : null, p.Business,
            CapacityKva: p.CapacityKva, VoltageKv: p.VoltageKv),
        ServiceType.Gas when app.Gas is { } g => new(withService ? service : null, g.Business,
            DailyM3: g.DailyM3, Natures: g.Natures, Pressure: g.Pressure),
        ServiceType.Network when app.Network is { } n => new(withService ? service : null, n.Business,
            Kinds: n.Kinds, Users: n.Users, BandwidthMbps: n.BandwidthMbps, Carriers: n.Carriers),
        ServiceType.Heating when app.Heating is { } h => new(withService ? service : null, h.Business, AreaM2: h.AreaM2),
        _ => null,
    };
}
