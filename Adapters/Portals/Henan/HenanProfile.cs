using AutoMapper;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;

namespace Gateway.Adapters.Portals.Henan;

/// <summary>Henan BZSQ → canonical application. Runs only on a validated push.</summary>
public sealed class HenanProfile : Profile
{
    public HenanProfile()
    {
        CreateMap<HenanApplication, HookupApplication>()
            .ForMember(d => d.Portal, o => o.MapFrom(_ => PortalIds.Henan))
            .ForMember(d => d.PortalApplicationNo, o => o.MapFrom(s => s.Sqbh))
            .ForMember(d => d.AdminCode, o => o.MapFrom(s => s.Xzqhdm))
            .ForMember(d => d.Zone, o => o.Ignore())
            .ForMember(d => d.SubmittedAt, o => o.MapFrom(s => BeijingTime.Parse(s.Tjsj!)))
            .ForMember(d => d.SurveyDate, o => o.MapFrom(s => SurveyDate(s.Yykcsj)))
            .ForMember(d => d.DistanceToMainM, o => o.Ignore())
            .ForMember(d => d.Applicant, o => o.MapFrom(s => s))
            .ForMember(d => d.Project, o => o.MapFrom(s => s))
            .ForMember(d => d.Water, o => o.MapFrom(s => Item(s, ServiceType.Water)))
            .ForMember(d => d.Power, o => o.MapFrom(s => Item(s, ServiceType.Power)))
            .ForMember(d => d.Gas, o => o.MapFrom(s => Item(s, ServiceType.Gas)))
            .ForMember(d => d.Network, o => o.MapFrom(s => Item(s, ServiceType.Network)))
            .ForMember(d => d.Heating, o => o.MapFrom(s => Item(s, ServiceType.Heating)))
            .ForMember(d => d.OuterWorks, o => o.MapFrom(s => s.OuterWorks));

        CreateMap<HenanApplication, Applicant>()
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Sqdw))
            .ForMember(d => d.Uscc, o => o.MapFrom(s => s.Tyshxydm))
            .ForMember(d => d.Contact, o => o.MapFrom(s => s.Lxr))
            .ForMember(d => d.Phone, o => o.MapFrom(s => s.Lxdh));
        CreateMap<HenanApplication, ProjectInfo>()
            .ForMember(d => d.Code, o => o.MapFrom(s => s.Xmdm))
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Xmmc))
            .ForMember(d => d.Address, o => o.MapFrom(s => s.Sqdz))
            .ForMember(d => d.PermitNo, o => o.Ignore());

        CreateMap<HenanService, WaterDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.Ywlx!)))
            .ForMember(d => d.DailyTons, o => o.MapFrom(s => WireNumber.Decimal(s.Xql)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.Xz)));
        CreateMap<HenanService, PowerDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.Ywlx!)))
            .ForMember(d => d.CapacityKva, o => o.MapFrom(s => WireNumber.Decimal(s.Rl)))
            .ForMember(d => d.VoltageKv, o => o.MapFrom(s => WireNumber.Decimal(s.Dydj)));
        CreateMap<HenanService, GasDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.Ywlx!)))
            .ForMember(d => d.DailyM3, o => o.MapFrom(s => WireNumber.Decimal(s.Xql)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.Xz)))
            .ForMember(d => d.Pressure, o => o.MapFrom(s => string.IsNullOrWhiteSpace(s.Yljb) ? (GasPressure?)null : ChineseTerms.Parse<GasPressure>(s.Yljb)));
        CreateMap<HenanService, NetworkDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.Ywlx!)))
            .ForMember(d => d.Kinds, o => o.MapFrom(s => Words<NetworkKind>(s.Lx)))
            .ForMember(d => d.Users, o => o.MapFrom(s => WireNumber.Integer(s.Yhs)))
            .ForMember(d => d.BandwidthMbps, o => o.MapFrom(s => WireNumber.Decimal(s.Dk)))
            .ForMember(d => d.Carriers, o => o.MapFrom(s => Words<Carrier>(s.Yys)));
        CreateMap<HenanService, HeatingDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => ChineseTerms.Parse<BusinessType>(s.Ywlx!)))
            .ForMember(d => d.AreaM2, o => o.MapFrom(s => WireNumber.Decimal(s.Mj)));

        CreateMap<HenanOuterWork, OuterWork>()
            .ForMember(d => d.Service, o => o.MapFrom(s => HenanServiceCodes.ServiceOf(s.Lb)!.Value))
            .ForMember(d => d.LengthM, o => o.MapFrom(s => WireNumber.Decimal(s.Cd)))
            .ForMember(d => d.DiameterDn, o => o.MapFrom(s => WireNumber.Decimal(s.Gj)))
            .ForMember(d => d.OuterDiameterMm, o => o.MapFrom(s => WireNumber.Decimal(s.Gwj)))
            .ForMember(d => d.Holes, o => o.MapFrom(s => WireNumber.Integer(s.Ks)))
            .ForMember(d => d.GreenM2, o => o.MapFrom(s => WireNumber.Decimal(s.Ldmj)))
            .ForMember(d => d.RoadCrossingM, o => o.MapFrom(s => WireNumber.Decimal(s.Cydl)))
            .ForMember(d => d.EnterpriseInvested, o => o.MapFrom(s => YesNo(s.Qytz)))
            .ForMember(d => d.Hazardous, o => o.MapFrom(s => YesNo(s.Wxp)))
            // The Henan form has no special-zone, recent-road or small-facility items.
            .ForMember(d => d.SpecialZones, o => o.Ignore())
            .ForMember(d => d.RecentRoad, o => o.Ignore())
            .ForMember(d => d.SmallAttached, o => o.Ignore());
    }

    private static HenanService? Item(HenanApplication s, ServiceType service) =>
        s.Services.FirstOrDefault(x => HenanServiceCodes.ServiceOf(x.Lb) == service);

    private static DateOnly? SurveyDate(string? value) => BeijingTime.TryParseDate(value, out var date) ? date : null;

    private static bool? YesNo(string? value) => ChineseTerms.TryParseYesNo(value, out var flag) ? flag : null;

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(ChineseTerms.Parse<T>).Distinct().ToList();
}
