using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Riok.Mapperly.Abstractions;

namespace Gateway.Adapters.Portals.Zhejiang;

/// <summary>
/// Zhejiang wire shape → canonical application (Mapperly: generated at compile time; an unmapped canonical member
/// is a build error). Runs only on a validated push.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ZhejiangMapper
{
    [MapperIgnoreTarget(nameof(HookupApplication.Stage))] // only the project-approval platform names a stage
    [MapValue(nameof(HookupApplication.Portal), Gateway.Contracts.Portals.PortalIds.Zhejiang)]
    [MapProperty(nameof(ZhejiangApplication.ApplyNo), nameof(HookupApplication.PortalApplicationNo))]
    [MapProperty(nameof(ZhejiangApplication.AreaCode), nameof(HookupApplication.AdminCode))]
    [MapProperty(nameof(ZhejiangApplication.ZoneCode), nameof(HookupApplication.Zone))]
    [MapProperty(nameof(ZhejiangApplication.SubmitTime), nameof(HookupApplication.SubmittedAt), Use = nameof(SubmittedAt))]
    [MapProperty(nameof(ZhejiangApplication.SurveyDate), nameof(HookupApplication.SurveyDate), Use = nameof(OptionalDate))]
    [MapperIgnoreTarget(nameof(HookupApplication.DistanceToMainM))]
    [MapPropertyFromSource(nameof(HookupApplication.Water), Use = nameof(WaterOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Power), Use = nameof(PowerOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Gas), Use = nameof(GasOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Network), Use = nameof(NetworkOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Heating), Use = nameof(HeatingOf))]
    public static partial HookupApplication ToCanonical(ZhejiangApplication source);

    private static partial ProjectInfo ToProject(ZhejiangProject source);

    [MapProperty(nameof(ZhejiangApplicant.Mobile), nameof(Applicant.Phone))]
    private static partial Applicant ToApplicant(ZhejiangApplicant source);

    [MapProperty(nameof(ZhejiangDemand.Biz), nameof(WaterDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ZhejiangDemand.Usage), nameof(WaterDemand.Natures), Use = nameof(Natures))]
    private static partial WaterDemand ToWater(ZhejiangDemand source);

    [MapProperty(nameof(ZhejiangDemand.Biz), nameof(PowerDemand.Business), Use = nameof(Business))]
    private static partial PowerDemand ToPower(ZhejiangDemand source);

    [MapProperty(nameof(ZhejiangDemand.Biz), nameof(GasDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ZhejiangDemand.Usage), nameof(GasDemand.Natures), Use = nameof(Natures))]
    [MapProperty(nameof(ZhejiangDemand.Pressure), nameof(GasDemand.Pressure), Use = nameof(Pressure))]
    private static partial GasDemand ToGas(ZhejiangDemand source);

    [MapProperty(nameof(ZhejiangDemand.Biz), nameof(NetworkDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ZhejiangDemand.Kinds), nameof(NetworkDemand.Kinds), Use = nameof(Kinds))]
    [MapProperty(nameof(ZhejiangDemand.Carriers), nameof(NetworkDemand.Carriers), Use = nameof(Carriers))]
    private static partial NetworkDemand ToNetwork(ZhejiangDemand source);

    [MapProperty(nameof(ZhejiangDemand.Biz), nameof(HeatingDemand.Business), Use = nameof(Business))]
    [MapperIgnoreTarget(nameof(HeatingDemand.AreaM2))]
    private static partial HeatingDemand ToHeating(ZhejiangDemand source);

    [MapProperty(nameof(ZhejiangOuterWork.Type), nameof(OuterWork.Service), Use = nameof(Service))]
    [MapProperty(nameof(ZhejiangOuterWork.SpecialZones), nameof(OuterWork.SpecialZones), Use = nameof(Zones))]
    [MapperIgnoreTarget(nameof(OuterWork.SmallAttached))]
    private static partial OuterWork ToOuterWork(ZhejiangOuterWork source);

    private static WaterDemand? WaterOf(ZhejiangApplication s) => Demand(s, ServiceType.Water) is { } d ? ToWater(d) : null;
    private static PowerDemand? PowerOf(ZhejiangApplication s) => Demand(s, ServiceType.Power) is { } d ? ToPower(d) : null;
    private static GasDemand? GasOf(ZhejiangApplication s) => Demand(s, ServiceType.Gas) is { } d ? ToGas(d) : null;
    private static NetworkDemand? NetworkOf(ZhejiangApplication s) => Demand(s, ServiceType.Network) is { } d ? ToNetwork(d) : null;
    private static HeatingDemand? HeatingOf(ZhejiangApplication s) => Demand(s, ServiceType.Heating) is { } d ? ToHeating(d) : null;

    private static ZhejiangDemand? Demand(ZhejiangApplication s, ServiceType type) =>
        s.Demands?.FirstOrDefault(d => WireName.TryParse<ServiceType>(d.Type, out var t) && t == type);

    private static DateTimeOffset SubmittedAt(string? value) => BeijingTime.Parse(value!);
    private static DateOnly? OptionalDate(string? value) => BeijingTime.TryParseDate(value, out var date) ? date : null;
    private static BusinessType Business(string? value) => WireName.Parse<BusinessType>(value!);
    private static ServiceType Service(string? value) => WireName.Parse<ServiceType>(value!);
    private static GasPressure? Pressure(string? value) => string.IsNullOrWhiteSpace(value) ? null : WireName.Parse<GasPressure>(value);
    private static List<UsageNature> Natures(List<string>? values) => ParseAll<UsageNature>(values);
    private static List<NetworkKind> Kinds(List<string>? values) => ParseAll<NetworkKind>(values);
    private static List<Carrier> Carriers(List<string>? values) => ParseAll<Carrier>(values);
    private static List<SpecialZone> Zones(List<string>? values) => ParseAll<SpecialZone>(values);

    private static List<T> ParseAll<T>(List<string>? values) where T : struct, Enum =>
        (values ?? []).Select(WireName.Parse<T>).Distinct().ToList();
}
