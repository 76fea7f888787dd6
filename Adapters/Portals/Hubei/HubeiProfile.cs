using AutoMapper;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary>Hubei form (read by field name) → canonical application. Runs only on a validated push.</summary>
public sealed class HubeiProfile : Profile
{
    public HubeiProfile()
    {
        CreateMap<HubeiForm, HookupApplication>()
            .ForMember(d => d.Portal, o => o.MapFrom(_ => PortalIds.Hubei))
            .ForMember(d => d.PortalApplicationNo, o => o.MapFrom(s => s.SubmitId))
            .ForMember(d => d.AdminCode, o => o.MapFrom(s => s.RegionCode))
            .ForMember(d => d.Zone, o => o.Ignore())
            .ForMember(d => d.SubmittedAt, o => o.MapFrom(s => BeijingTime.Parse(s.SubmitTime!)))
            .ForMember(d => d.SurveyDate, o => o.MapFrom(s => SurveyDate(s.Yykc)))
            .ForMember(d => d.DistanceToMainM, o => o.MapFrom(s => HubeiQuantity.Read(s.Zgwjl, HubeiQuantity.Metres)))
            .ForMember(d => d.Applicant, o => o.MapFrom(s => s))
            .ForMember(d => d.Project, o => o.MapFrom(s => s))
            .ForMember(d => d.Water, o => o.MapFrom(s => s.Requested.Contains(ServiceType.Water) ? s : null))
            .ForMember(d => d.Power, o => o.MapFrom(s => s.Requested.Contains(ServiceType.Power) ? s : null))
            .ForMember(d => d.Gas, o => o.MapFrom(s => s.Requested.Contains(ServiceType.Gas) ? s : null))
            .ForMember(d => d.Network, o => o.MapFrom(s => s.Requested.Contains(ServiceType.Network) ? s : null))
            // The form has no heating section (the validator refuses a heating request).
            .ForMember(d => d.Heating, o => o.Ignore())
            .ForMember(d => d.OuterWorks, o => o.Ignore());

        CreateMap<HubeiForm, Applicant>()
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Sqdw))
            .ForMember(d => d.Uscc, o => o.MapFrom(s => s.Xydm!.Trim()))
            .ForMember(d => d.Contact, o => o.MapFrom(s => s.Lxr))
            .ForMember(d => d.Phone, o => o.MapFrom(s => s.Lxdh!.Trim()));
        CreateMap<HubeiForm, ProjectInfo>()
            .ForMember(d => d.Code, o => o.MapFrom(s => s.Xmdm!.Trim()))
            // Optional on the form (the one-form it models has no project name): empty when not given.
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Xmmc ?? ""))
            .ForMember(d => d.Address, o => o.MapFrom(s => s.Sqdz))
            .ForMember(d => d.PermitNo, o => o.Ignore());

        CreateMap<HubeiForm, WaterDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.YsYwlx!)))
            .ForMember(d => d.DailyTons, o => o.MapFrom(s => HubeiQuantity.Read(s.YsXq, HubeiQuantity.DailyTons)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.YsXz)));
        CreateMap<HubeiForm, PowerDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.YdYwlx!)))
            .ForMember(d => d.CapacityKva, o => o.MapFrom(s => HubeiQuantity.Read(s.YdRl, HubeiQuantity.Capacity)))
            .ForMember(d => d.VoltageKv, o => o.MapFrom(s => HubeiQuantity.Read(s.YdDy, HubeiQuantity.Voltage)));
        CreateMap<HubeiForm, GasDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.YqYwlx!)))
            .ForMember(d => d.DailyM3, o => o.MapFrom(s => HubeiQuantity.Read(s.YqXq, HubeiQuantity.DailyM3)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.YqXz)))
            .ForMember(d => d.Pressure, o => o.Ignore());
        CreateMap<HubeiForm, NetworkDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.YwYwlx!)))
            .ForMember(d => d.Kinds, o => o.MapFrom(s => Words<NetworkKind>(s.YwXq)))
            .ForMember(d => d.Users, o => o.MapFrom(s => (int?)HubeiQuantity.Read(s.YwYhs, HubeiQuantity.Users)))
            .ForMember(d => d.BandwidthMbps, o => o.MapFrom(s => HubeiQuantity.Read(s.YwDk, HubeiQuantity.Bandwidth)))
            .ForMember(d => d.Carriers, o => o.MapFrom(s => Words<Carrier>(s.YwYys)));
    }

    private static DateOnly? SurveyDate(string? typed) => BeijingTime.TryParseFormDate(typed, out var date) ? date : null;

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(ChineseTerms.Parse<T>).Distinct().ToList();
}
