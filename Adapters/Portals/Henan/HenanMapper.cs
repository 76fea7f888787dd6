using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Riok.Mapperly.Abstractions;

namespace Gateway.Adapters.Portals.Henan;

/// <summary>
/// Henan BZSQ → canonical application (Mapperly: generated at compile time; an unmapped canonical member is a
/// build error). Runs only on a validated push.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class HenanMapper
{
    [MapperIgnoreTarget(nameof(HookupApplication.Stage))] // only the project-approval platform names a stage
    [MapValue(nameof(HookupApplication.Portal), Gateway.Contracts.Portals.PortalIds.Henan)]
    [MapProperty(nameof(HenanApplication.Sqbh), nameof(HookupApplication.PortalApplicationNo))]
    [MapProperty(nameof(HenanApplication.Xzqhdm), nameof(HookupApplication.AdminCode))]
    [MapperIgnoreTarget(nameof(HookupApplication.Zone))]
    [MapProperty(nameof(HenanApplication.Tjsj), nameof(HookupApplication.SubmittedAt), Use = nameof(SubmittedAt))]
    [MapProperty(nameof(HenanApplication.Yykcsj), nameof(HookupApplication.SurveyDate), Use = nameof(OptionalDate))]
    [MapperIgnoreTarget(nameof(HookupApplication.DistanceToMainM))]
    [MapPropertyFromSource(nameof(HookupApplication.Applicant), Use = nameof(ToApplicant))]
    [MapPropertyFromSource(nameof(HookupApplication.Project), Use = nameof(ToProject))]
    [MapPropertyFromSource(nameof(HookupApplication.Water), Use = nameof(WaterOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Power), Use = nameof(PowerOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Gas), Use = nameof(GasOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Network), Use = nameof(NetworkOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Heating), Use = nameof(HeatingOf))]
    public static partial HookupApplication ToCanonical(HenanApplication source);

    [MapProperty(nameof(HenanApplication.Sqdw), nameof(Applicant.Name))]
    [MapProperty(nameof(HenanApplication.Tyshxydm), nameof(Applicant.Uscc))]
    [MapProperty(nameof(HenanApplication.Lxr), nameof(Applicant.Contact))]
    [MapProperty(nameof(HenanApplication.Lxdh), nameof(Applicant.Phone))]
    private static partial Applicant ToApplicant(HenanApplication source);

    [MapProperty(nameof(HenanApplication.Xmdm), nameof(ProjectInfo.Code))]
    [MapProperty(nameof(HenanApplication.Xmmc), nameof(ProjectInfo.Name))]
    [MapProperty(nameof(HenanApplication.Sqdz), nameof(ProjectInfo.Address))]
    [MapperIgnoreTarget(nameof(ProjectInfo.PermitNo))]
    private static partial ProjectInfo ToProject(HenanApplication source);

    [MapProperty(nameof(HenanService.Ywlx), nameof(WaterDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HenanService.Xql), nameof(WaterDemand.DailyTons), Use = nameof(Number))]
    [MapProperty(nameof(HenanService.Xz), nameof(WaterDemand.Natures), Use = nameof(Natures))]
    private static partial WaterDemand ToWater(HenanService source);

    [MapProperty(nameof(HenanService.Ywlx), nameof(PowerDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HenanService.Rl), nameof(PowerDemand.CapacityKva), Use = nameof(Number))]
    [MapProperty(nameof(HenanService.Dydj), nameof(PowerDemand.VoltageKv), Use = nameof(Number))]
    private static partial PowerDemand ToPower(HenanService source);

    [MapProperty(nameof(HenanService.Ywlx), nameof(GasDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HenanService.Xql), nameof(GasDemand.DailyM3), Use = nameof(Number))]
    [MapProperty(nameof(HenanService.Xz), nameof(GasDemand.Natures), Use = nameof(Natures))]
    [MapProperty(nameof(HenanService.Yljb), nameof(GasDemand.Pressure), Use = nameof(Pressure))]
    private static partial GasDemand ToGas(HenanService source);

    [MapProperty(nameof(HenanService.Ywlx), nameof(NetworkDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HenanService.Lx), nameof(NetworkDemand.Kinds), Use = nameof(Kinds))]
    [MapProperty(nameof(HenanService.Yhs), nameof(NetworkDemand.Users), Use = nameof(Integer))]
    [MapProperty(nameof(HenanService.Dk), nameof(NetworkDemand.BandwidthMbps), Use = nameof(Number))]
    [MapProperty(nameof(HenanService.Yys), nameof(NetworkDemand.Carriers), Use = nameof(Carriers))]
    private static partial NetworkDemand ToNetwork(HenanService source);

    [MapProperty(nameof(HenanService.Ywlx), nameof(HeatingDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HenanService.Mj), nameof(HeatingDemand.AreaM2), Use = nameof(Number))]
    private static partial HeatingDemand ToHeating(HenanService source);

    [MapProperty(nameof(HenanOuterWork.Lb), nameof(OuterWork.Service), Use = nameof(Service))]
    [MapProperty(nameof(HenanOuterWork.Cd), nameof(OuterWork.LengthM), Use = nameof(Number))]
    [MapProperty(nameof(HenanOuterWork.Gj), nameof(OuterWork.DiameterDn), Use = nameof(Number))]
    [MapProperty(nameof(HenanOuterWork.Gwj), nameof(OuterWork.OuterDiameterMm), Use = nameof(Number))]
    [MapProperty(nameof(HenanOuterWork.Ks), nameof(OuterWork.Holes), Use = nameof(Integer))]
    [MapProperty(nameof(HenanOuterWork.Ldmj), nameof(OuterWork.GreenM2), Use = nameof(Number))]
    [MapProperty(nameof(HenanOuterWork.Cydl), nameof(OuterWork.RoadCrossingM), Use = nameof(Number))]
    [MapProperty(nameof(HenanOuterWork.Qytz), nameof(OuterWork.EnterpriseInvested), Use = nameof(YesNo))]
    [MapProperty(nameof(HenanOuterWork.Wxp), nameof(OuterWork.Hazardous), Use = nameof(YesNo))]
    [MapProperty(nameof(HenanOuterWork.Fsxs), nameof(OuterWork.SmallAttached), Use = nameof(YesNo))]
    // The Henan form has no special-zone or recent-road items.
    [MapperIgnoreTarget(nameof(OuterWork.SpecialZones))]
    [MapperIgnoreTarget(nameof(OuterWork.RecentRoad))]
    private static partial OuterWork ToOuterWork(HenanOuterWork source);

    private static WaterDemand? WaterOf(HenanApplication s) => Item(s, ServiceType.Water) is { } i ? ToWater(i) : null;
    private static PowerDemand? PowerOf(HenanApplication s) => Item(s, ServiceType.Power) is { } i ? ToPower(i) : null;
    private static GasDemand? GasOf(HenanApplication s) => Item(s, ServiceType.Gas) is { } i ? ToGas(i) : null;
    private static NetworkDemand? NetworkOf(HenanApplication s) => Item(s, ServiceType.Network) is { } i ? ToNetwork(i) : null;
    private static HeatingDemand? HeatingOf(HenanApplication s) => Item(s, ServiceType.Heating) is { } i ? ToHeating(i) : null;

    private static HenanService? Item(HenanApplication s, ServiceType service) =>
        s.Services.FirstOrDefault(x => HenanServiceCodes.ServiceOf(x.Lb) == service);

    private static DateTimeOffset SubmittedAt(string? value) => BeijingTime.Parse(value!);
    private static DateOnly? OptionalDate(string? value) => BeijingTime.TryParseDate(value, out var date) ? date : null;
    private static BusinessType Business(string? value) => ChineseTerms.Parse<BusinessType>(value!);
    private static ServiceType Service(string? value) => HenanServiceCodes.ServiceOf(value)!.Value;
    private static GasPressure? Pressure(string? value) => string.IsNullOrWhiteSpace(value) ? null : ChineseTerms.Parse<GasPressure>(value);
    private static decimal? Number(string? value) => WireNumber.Decimal(value);
    private static int? Integer(string? value) => WireNumber.Integer(value);
    private static bool? YesNo(string? value) => ChineseTerms.TryParseYesNo(value, out var flag) ? flag : null;
    private static List<UsageNature> Natures(string? value) => Words<UsageNature>(value);
    private static List<NetworkKind> Kinds(string? value) => Words<NetworkKind>(value);
    private static List<Carrier> Carriers(string? value) => Words<Carrier>(value);

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(ChineseTerms.Parse<T>).Distinct().ToList();
}
