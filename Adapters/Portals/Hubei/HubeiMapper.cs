using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Riok.Mapperly.Abstractions;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary>
/// Hubei form (read by field name) → canonical application (Mapperly: generated at compile time; an unmapped
/// canonical member is a build error). Runs only on a validated push.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class HubeiMapper
{
    [MapperIgnoreTarget(nameof(HookupApplication.Stage))] // only the project-approval platform names a stage
    [MapValue(nameof(HookupApplication.Portal), Gateway.Contracts.Portals.PortalIds.Hubei)]
    [MapProperty(nameof(HubeiForm.SubmitId), nameof(HookupApplication.PortalApplicationNo))]
    [MapProperty(nameof(HubeiForm.RegionCode), nameof(HookupApplication.AdminCode))]
    [MapperIgnoreTarget(nameof(HookupApplication.Zone))]
    [MapProperty(nameof(HubeiForm.SubmitTime), nameof(HookupApplication.SubmittedAt), Use = nameof(SubmittedAt))]
    [MapProperty(nameof(HubeiForm.Yykc), nameof(HookupApplication.SurveyDate), Use = nameof(OptionalDate))]
    [MapProperty(nameof(HubeiForm.Zgwjl), nameof(HookupApplication.DistanceToMainM), Use = nameof(Metres))]
    [MapPropertyFromSource(nameof(HookupApplication.Applicant), Use = nameof(ToApplicant))]
    [MapPropertyFromSource(nameof(HookupApplication.Project), Use = nameof(ToProject))]
    [MapPropertyFromSource(nameof(HookupApplication.Water), Use = nameof(WaterOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Power), Use = nameof(PowerOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Gas), Use = nameof(GasOf))]
    [MapPropertyFromSource(nameof(HookupApplication.Network), Use = nameof(NetworkOf))]
    // The form has no heating section (the validator refuses a heating request) and no outer-works items.
    [MapperIgnoreTarget(nameof(HookupApplication.Heating))]
    [MapperIgnoreTarget(nameof(HookupApplication.OuterWorks))]
    public static partial HookupApplication ToCanonical(HubeiForm source);

    [MapProperty(nameof(HubeiForm.Sqdw), nameof(Applicant.Name))]
    [MapProperty(nameof(HubeiForm.Xydm), nameof(Applicant.Uscc), Use = nameof(Trimmed))]
    [MapProperty(nameof(HubeiForm.Lxr), nameof(Applicant.Contact))]
    [MapProperty(nameof(HubeiForm.Lxdh), nameof(Applicant.Phone), Use = nameof(Trimmed))]
    private static partial Applicant ToApplicant(HubeiForm source);

    [MapProperty(nameof(HubeiForm.Xmdm), nameof(ProjectInfo.Code), Use = nameof(Trimmed))]
    // Optional on the form (the one-form it models has no project name): empty when not given.
    [MapProperty(nameof(HubeiForm.Xmmc), nameof(ProjectInfo.Name), Use = nameof(OrEmpty))]
    [MapProperty(nameof(HubeiForm.Sqdz), nameof(ProjectInfo.Address))]
    [MapperIgnoreTarget(nameof(ProjectInfo.PermitNo))]
    private static partial ProjectInfo ToProject(HubeiForm source);

    [MapProperty(nameof(HubeiForm.YsYwlx), nameof(WaterDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HubeiForm.YsXq), nameof(WaterDemand.DailyTons), Use = nameof(DailyTons))]
    [MapProperty(nameof(HubeiForm.YsXz), nameof(WaterDemand.Natures), Use = nameof(Natures))]
    private static partial WaterDemand ToWater(HubeiForm source);

    [MapProperty(nameof(HubeiForm.YdYwlx), nameof(PowerDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HubeiForm.YdRl), nameof(PowerDemand.CapacityKva), Use = nameof(Capacity))]
    [MapProperty(nameof(HubeiForm.YdDy), nameof(PowerDemand.VoltageKv), Use = nameof(Voltage))]
    private static partial PowerDemand ToPower(HubeiForm source);

    [MapProperty(nameof(HubeiForm.YqYwlx), nameof(GasDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HubeiForm.YqXq), nameof(GasDemand.DailyM3), Use = nameof(DailyM3))]
    [MapProperty(nameof(HubeiForm.YqXz), nameof(GasDemand.Natures), Use = nameof(Natures))]
    [MapperIgnoreTarget(nameof(GasDemand.Pressure))]
    private static partial GasDemand ToGas(HubeiForm source);

    [MapProperty(nameof(HubeiForm.YwYwlx), nameof(NetworkDemand.Business), Use = nameof(Business))]
    [MapProperty(nameof(HubeiForm.YwXq), nameof(NetworkDemand.Kinds), Use = nameof(Kinds))]
    [MapProperty(nameof(HubeiForm.YwYhs), nameof(NetworkDemand.Users), Use = nameof(Users))]
    [MapProperty(nameof(HubeiForm.YwDk), nameof(NetworkDemand.BandwidthMbps), Use = nameof(Bandwidth))]
    [MapProperty(nameof(HubeiForm.YwYys), nameof(NetworkDemand.Carriers), Use = nameof(Carriers))]
    private static partial NetworkDemand ToNetwork(HubeiForm source);

    private static WaterDemand? WaterOf(HubeiForm s) => s.Requested.Contains(ServiceType.Water) ? ToWater(s) : null;
    private static PowerDemand? PowerOf(HubeiForm s) => s.Requested.Contains(ServiceType.Power) ? ToPower(s) : null;
    private static GasDemand? GasOf(HubeiForm s) => s.Requested.Contains(ServiceType.Gas) ? ToGas(s) : null;
    private static NetworkDemand? NetworkOf(HubeiForm s) => s.Requested.Contains(ServiceType.Network) ? ToNetwork(s) : null;

    private static DateTimeOffset SubmittedAt(string? value) => BeijingTime.Parse(value!);
    private static DateOnly? OptionalDate(string? typed) => BeijingTime.TryParseFormDate(typed, out var date) ? date : null;
    private static string Trimmed(string? value) => value!.Trim();
    private static string OrEmpty(string? value) => value ?? "";
    private static BusinessType Business(string? value) => ChineseTerms.Parse<BusinessType>(value!);
    private static decimal? Metres(string? value) => HubeiQuantity.Read(value, HubeiQuantity.Metres);
    private static decimal? DailyTons(string? value) => HubeiQuantity.Read(value, HubeiQuantity.DailyTons);
    private static decimal? DailyM3(string? value) => HubeiQuantity.Read(value, HubeiQuantity.DailyM3);
    private static decimal? Capacity(string? value) => HubeiQuantity.Read(value, HubeiQuantity.Capacity);
    private static decimal? Voltage(string? value) => HubeiQuantity.Read(value, HubeiQuantity.Voltage);
    private static decimal? Bandwidth(string? value) => HubeiQuantity.Read(value, HubeiQuantity.Bandwidth);
    private static int? Users(string? value) => (int?)HubeiQuantity.Read(value, HubeiQuantity.Users);
    private static List<UsageNature> Natures(string? value) => Words<UsageNature>(value);
    private static List<NetworkKind> Kinds(string? value) => Words<NetworkKind>(value);
    private static List<Carrier> Carriers(string? value) => Words<Carrier>(value);

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(ChineseTerms.Parse<T>).Distinct().ToList();
}
