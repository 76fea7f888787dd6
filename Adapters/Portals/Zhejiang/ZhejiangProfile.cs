using AutoMapper;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;

namespace Gateway.Adapters.Portals.Zhejiang;

/// <summary>Zhejiang wire shape → canonical application. Runs only on a validated push.</summary>
public sealed class ZhejiangProfile : Profile
{
    public ZhejiangProfile()
    {
        CreateMap<ZhejiangApplication, HookupApplication>()
            .ForMember(d => d.Portal, o => o.MapFrom(_ => PortalIds.Zhejiang))
            .ForMember(d => d.PortalApplicationNo, o => o.MapFrom(s => s.ApplyNo))
            .ForMember(d => d.AdminCode, o => o.MapFrom(s => s.AreaCode))
            .ForMember(d => d.Zone, o => o.MapFrom(s => s.ZoneCode))
            .ForMember(d => d.SubmittedAt, o => o.MapFrom(s => BeijingTime.Parse(s.SubmitTime!)))
            .ForMember(d => d.SurveyDate, o => o.MapFrom(s => ParseDate(s.SurveyDate)))
            .ForMember(d => d.DistanceToMainM, o => o.Ignore())
            .ForMember(d => d.Water, o => o.MapFrom(s => Demand(s, ServiceType.Water)))
            .ForMember(d => d.Power, o => o.MapFrom(s => Demand(s, ServiceType.Power)))
            .ForMember(d => d.Gas, o => o.MapFrom(s => Demand(s, ServiceType.Gas)))
            .ForMember(d => d.Network, o => o.MapFrom(s => Demand(s, ServiceType.Network)))
            .ForMember(d => d.Heating, o => o.MapFrom(s => Demand(s, ServiceType.Heating)))
            .ForMember(d => d.OuterWorks, o => o.MapFrom(s => s.OuterWorks ?? new List<ZhejiangOuterWork>()));

        CreateMap<ZhejiangProject, ProjectInfo>();
        CreateMap<ZhejiangApplicant, Applicant>()
            .ForMember(d => d.Phone, o => o.MapFrom(s => s.Mobile));

        CreateMap<ZhejiangDemand, WaterDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Biz!)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => ParseAll<UsageNature>(s.Usage)));
        CreateMap<ZhejiangDemand, PowerDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Biz!)));
        CreateMap<ZhejiangDemand, GasDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Biz!)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => ParseAll<UsageNature>(s.Usage)))
            .ForMember(d => d.Pressure, o => o.MapFrom(s => ParseOptional<GasPressure>(s.Pressure)));
        CreateMap<ZhejiangDemand, NetworkDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Biz!)))
            .ForMember(d => d.Kinds, o => o.MapFrom(s => ParseAll<NetworkKind>(s.Kinds)))
            .ForMember(d => d.Carriers, o => o.MapFrom(s => ParseAll<Carrier>(s.Carriers)));
        CreateMap<ZhejiangDemand, HeatingDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Biz!)))
            .ForMember(d => d.AreaM2, o => o.Ignore());

        CreateMap<ZhejiangOuterWork, OuterWork>()
            .ForMember(d => d.Service, o => o.MapFrom(s => WireName.Parse<ServiceType>(s.Type!)))
            .ForMember(d => d.SpecialZones, o => o.MapFrom(s => ParseAll<SpecialZone>(s.SpecialZones)))
            .ForMember(d => d.SmallAttached, o => o.Ignore());
    }

    private static ZhejiangDemand? Demand(ZhejiangApplication s, ServiceType type) =>
        s.Demands?.FirstOrDefault(d => WireName.TryParse<ServiceType>(d.Type, out var t) && t == type);

    private static DateOnly? ParseDate(string? value) =>
        BeijingTime.TryParseDate(value, out var date) ? date : null;

    private static List<T> ParseAll<T>(List<string>? values) where T : struct, Enum =>
        (values ?? []).Select(WireName.Parse<T>).Distinct().ToList();

    private static T? ParseOptional<T>(string? value) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null : WireName.Parse<T>(value);
}
