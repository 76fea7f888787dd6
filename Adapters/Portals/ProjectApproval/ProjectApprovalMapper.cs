using System.Xml;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Riok.Mapperly.Abstractions;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// SubmitHookupDemand → canonical application (Mapperly: generated at compile time; an unmapped canonical member
/// is a build error). Runs only on a validated demand.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProjectApprovalMapper
{
    [MapValue(nameof(HookupApplication.Portal), Gateway.Contracts.Portals.PortalIds.ProjectApproval)]
    [MapProperty(nameof(ProjectApprovalDemand.DemandNo), nameof(HookupApplication.PortalApplicationNo))]
    [MapProperty(nameof(ProjectApprovalDemand.RegionCode), nameof(HookupApplication.AdminCode))]
    [MapProperty(nameof(ProjectApprovalDemand.ZoneCode), nameof(HookupApplication.Zone), Use = nameof(OrNull))]
    // The agreement's demand carries no submit time. Without one the canonical value stays at its default
    // rather than "now", so that a repeated push hashes the same and is recognised as a duplicate.
    [MapProperty(nameof(ProjectApprovalDemand.SubmitTime), nameof(HookupApplication.SubmittedAt), Use = nameof(SubmittedAt))]
    [MapProperty(nameof(ProjectApprovalDemand.SurveyDate), nameof(HookupApplication.SurveyDate), Use = nameof(OptionalDate))]
    [MapProperty(nameof(ProjectApprovalDemand.DistanceToMainM), nameof(HookupApplication.DistanceToMainM), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalDemand.Enterprise), nameof(HookupApplication.Applicant))]
    [MapPropertyFromSource(nameof(HookupApplication.Project), Use = nameof(ToProject))]
    [MapProperty(nameof(ProjectApprovalDemand.Water), nameof(HookupApplication.Water), Use = nameof(ToWater))]
    [MapProperty(nameof(ProjectApprovalDemand.Power), nameof(HookupApplication.Power), Use = nameof(ToPower))]
    [MapProperty(nameof(ProjectApprovalDemand.Gas), nameof(HookupApplication.Gas), Use = nameof(ToGas))]
    [MapProperty(nameof(ProjectApprovalDemand.Network), nameof(HookupApplication.Network), Use = nameof(ToNetwork))]
    [MapProperty(nameof(ProjectApprovalDemand.Heating), nameof(HookupApplication.Heating), Use = nameof(ToHeating))]
    [MapProperty(nameof(ProjectApprovalDemand.Stage), nameof(HookupApplication.Stage), Use = nameof(StageOf))]
    public static partial HookupApplication ToCanonical(ProjectApprovalDemand source);

    private static partial Applicant ToApplicant(ProjectApprovalEnterprise source);

    [MapProperty(nameof(ProjectApprovalDemand.ProjectCode), nameof(ProjectInfo.Code))]
    [MapProperty(nameof(ProjectApprovalDemand.ProjectName), nameof(ProjectInfo.Name))]
    [MapProperty(nameof(ProjectApprovalDemand.SiteAddress), nameof(ProjectInfo.Address))]
    [MapProperty(nameof(ProjectApprovalDemand.PermitNo), nameof(ProjectInfo.PermitNo), Use = nameof(OrNull))]
    private static partial ProjectInfo ToProject(ProjectApprovalDemand source);

    [MapProperty(nameof(ProjectApprovalServiceDemand.Business), nameof(WaterDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.DailyTons), nameof(WaterDemand.DailyTons), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Usage), nameof(WaterDemand.Natures), Use = nameof(Natures))]
    private static partial WaterDemand? ToWater(ProjectApprovalServiceDemand? source);

    [MapProperty(nameof(ProjectApprovalServiceDemand.Business), nameof(PowerDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.CapacityKva), nameof(PowerDemand.CapacityKva), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.VoltageKv), nameof(PowerDemand.VoltageKv), Use = nameof(Number))]
    private static partial PowerDemand? ToPower(ProjectApprovalServiceDemand? source);

    [MapProperty(nameof(ProjectApprovalServiceDemand.Business), nameof(GasDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.DailyM3), nameof(GasDemand.DailyM3), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Usage), nameof(GasDemand.Natures), Use = nameof(Natures))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Pressure), nameof(GasDemand.Pressure), Use = nameof(Pressure))]
    private static partial GasDemand? ToGas(ProjectApprovalServiceDemand? source);

    [MapProperty(nameof(ProjectApprovalServiceDemand.Business), nameof(NetworkDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Kinds), nameof(NetworkDemand.Kinds), Use = nameof(Kinds))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Users), nameof(NetworkDemand.Users), Use = nameof(Integer))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.BandwidthMbps), nameof(NetworkDemand.BandwidthMbps), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.Carriers), nameof(NetworkDemand.Carriers), Use = nameof(Carriers))]
    private static partial NetworkDemand? ToNetwork(ProjectApprovalServiceDemand? source);

    [MapProperty(nameof(ProjectApprovalServiceDemand.Business), nameof(HeatingDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(ProjectApprovalServiceDemand.AreaM2), nameof(HeatingDemand.AreaM2), Use = nameof(Number))]
    private static partial HeatingDemand? ToHeating(ProjectApprovalServiceDemand? source);

    [MapProperty(nameof(ProjectApprovalOuterWork.Service), nameof(OuterWork.Service), Use = nameof(Service))]
    [MapProperty(nameof(ProjectApprovalOuterWork.LengthM), nameof(OuterWork.LengthM), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalOuterWork.DiameterDn), nameof(OuterWork.DiameterDn), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalOuterWork.OuterDiameterMm), nameof(OuterWork.OuterDiameterMm), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalOuterWork.Holes), nameof(OuterWork.Holes), Use = nameof(Integer))]
    [MapProperty(nameof(ProjectApprovalOuterWork.GreenM2), nameof(OuterWork.GreenM2), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalOuterWork.RoadCrossingM), nameof(OuterWork.RoadCrossingM), Use = nameof(Number))]
    [MapProperty(nameof(ProjectApprovalOuterWork.EnterpriseInvested), nameof(OuterWork.EnterpriseInvested), Use = nameof(Flag))]
    [MapProperty(nameof(ProjectApprovalOuterWork.Hazardous), nameof(OuterWork.Hazardous), Use = nameof(Flag))]
    [MapProperty(nameof(ProjectApprovalOuterWork.SpecialZones), nameof(OuterWork.SpecialZones), Use = nameof(Zones))]
    [MapProperty(nameof(ProjectApprovalOuterWork.RecentRoad), nameof(OuterWork.RecentRoad), Use = nameof(Flag))]
    [MapProperty(nameof(ProjectApprovalOuterWork.SmallAttached), nameof(OuterWork.SmallAttached), Use = nameof(Flag))]
    private static partial OuterWork ToOuterWork(ProjectApprovalOuterWork source);

    private static DateTimeOffset SubmittedAt(string? value) => Blank(value) ? default : BeijingTime.Parse(value!);
    private static DateOnly? OptionalDate(string? value) => BeijingTime.TryParseDate(value, out var date) ? date : null;
    private static string? OrNull(string? value) => Blank(value) ? null : value;
    private static BusinessType Business(string? value) => WireName.Parse<BusinessType>(value!);
    private static ProjectStage? StageOf(string? value) => WireName.Parse<ProjectStage>(value!);
    private static ServiceType Service(string? value) => WireName.Parse<ServiceType>(value!);
    private static GasPressure? Pressure(string? value) => Blank(value) ? null : WireName.Parse<GasPressure>(value!);
    private static decimal? Number(string? value) => WireNumber.Decimal(value);
    private static int? Integer(string? value) => WireNumber.Integer(value);
    private static bool? Flag(string? value) => Blank(value) ? null : XmlConvert.ToBoolean(value!.Trim());
    private static List<UsageNature> Natures(string? value) => Words<UsageNature>(value);
    private static List<NetworkKind> Kinds(string? value) => Words<NetworkKind>(value);
    private static List<Carrier> Carriers(string? value) => Words<Carrier>(value);
    private static List<SpecialZone> Zones(string? value) => Words<SpecialZone>(value);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(WireName.Parse<T>).Distinct().ToList();
}
