using System.Globalization;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Costs;

/// <summary>Decides the cost bearer of each requested service from the region's cost rules (TARIFF when none applies).</summary>
public static class CostBearerDecider
{
    public static IReadOnlyList<CostDecision> Decide(HookupApplication application, RegionPolicy region) =>
        application.RequestedServices().Select(s => DecideOne(application, s, region)).ToList();

    private static CostDecision DecideOne(HookupApplication application, ServiceType service, RegionPolicy region)
    {
        var rule = region.CostRules.FirstOrDefault(r => r.Services.Contains(service));
        if (rule is null)
            return new CostDecision(service, CostBearer.Tariff, "按供水、供电、供气、通信企业收费标准（由企业报价，网关不计算）");
        if (rule.Bearer is { } fixedBearer)
            return new CostDecision(service, fixedBearer, rule.Note ?? $"{region.Name}方案：{WireName.Of(service)} 由 {WireName.Of(fixedBearer)} 承担");

        var kw = application.Power?.CapacityKva;
        if (kw is null)
            return new CostDecision(service, CostBearer.Tariff, "未提供用电容量，无法按容量确定承担方，暂按收费标准");
        var band = rule.CapacityBands.FirstOrDefault(b => kw <= b.UpToKw);
        var text = kw.Value.ToString("0.##", CultureInfo.InvariantCulture);
        return band is not null
            ? new CostDecision(service, band.Bearer, $"用电容量 {text} kW ≤ {band.UpToKw.ToString("0.##", CultureInfo.InvariantCulture)} kW：{WireName.Of(band.Bearer)}")
            : new CostDecision(service, rule.Above!.Value, $"用电容量 {text} kW 超过 {rule.CapacityBands[^1].UpToKw.ToString("0.##", CultureInfo.InvariantCulture)} kW：{WireName.Of(rule.Above!.Value)}");
    }
}
