using System.Xml;
using AutoMapper;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>SubmitHookupDemand → canonical application. Runs only on a validated demand.</summary>
public sealed class ProjectApprovalProfile : Profile
{
    public ProjectApprovalProfile()
    {
        CreateMap<ProjectApprovalDemand, HookupApplication>()
            .ForMember(d => d.Portal, o => o.MapFrom(_ => PortalIds.ProjectApproval))
            .ForMember(d => d.PortalApplicationNo, o => o.MapFrom(s => s.DemandNo))
            .ForMember(d => d.AdminCode, o => o.MapFrom(s => s.RegionCode))
            .ForMember(d => d.Zone, o => o.MapFrom(s => Blank(s.ZoneCode) ? null : s.ZoneCode))
            // The agreement's demand carries no submit time. Without one the canonical value stays at its default
            // rather than "now", so that a repeated push hashes the same and is recognised as a duplicate.
            .ForMember(d => d.SubmittedAt, o => o.MapFrom(s => Blank(s.SubmitTime) ? default : BeijingTime.Parse(s.SubmitTime!)))
            .ForMember(d => d.SurveyDate, o => o.MapFrom(s => SurveyDate(s.SurveyDate)))
            .ForMember(d => d.DistanceToMainM, o => o.MapFrom(s => WireNumber.Decimal(s.DistanceToMainM)))
            .ForMember(d => d.Applicant, o => o.MapFrom(s => s.Enterprise))
            .ForMember(d => d.Project, o => o.MapFrom(s => s))
            .ForMember(d => d.Water, o => o.MapFrom(s => s.Water))
            .ForMember(d => d.Power, o => o.MapFrom(s => s.Power))
            .ForMember(d => d.Gas, o => o.MapFrom(s => s.Gas))
            .ForMember(d => d.Network, o => o.MapFrom(s => s.Network))
            .ForMember(d => d.Heating, o => o.MapFrom(s => s.Heating))
            .ForMember(d => d.OuterWorks, o => o.MapFrom(s => s.OuterWorks));

        CreateMap<ProjectApprovalEnterprise, Applicant>();
        CreateMap<ProjectApprovalDemand, ProjectInfo>()
            .ForMember(d => d.Code, o => o.MapFrom(s => s.ProjectCode))
            .ForMember(d => d.Name, o => o.MapFrom(s => s.ProjectName))
            .ForMember(d => d.Address, o => o.MapFrom(s => s.SiteAddress))
            .ForMember(d => d.PermitNo, o => o.MapFrom(s => Blank(s.PermitNo) ? null : s.PermitNo));

        CreateMap<ProjectApprovalServiceDemand, WaterDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Business!)))
            .ForMember(d => d.DailyTons, o => o.MapFrom(s => WireNumber.Decimal(s.DailyTons)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.Usage)));
        CreateMap<ProjectApprovalServiceDemand, PowerDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Business!)))
            .ForMember(d => d.CapacityKva, o => o.MapFrom(s => WireNumber.Decimal(s.CapacityKva)))
            .ForMember(d => d.VoltageKv, o => o.MapFrom(s => WireNumber.Decimal(s.VoltageKv)));
        CreateMap<ProjectApprovalServiceDemand, GasDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Business!)))
            .ForMember(d => d.DailyM3, o => o.MapFrom(s => WireNumber.Decimal(s.DailyM3)))
            .ForMember(d => d.Natures, o => o.MapFrom(s => Words<UsageNature>(s.Usage)))
            .ForMember(d => d.Pressure, o => o.MapFrom(s => Blank(s.Pressure) ? (GasPressure?)null : WireName.Parse<GasPressure>(s.Pressure!)));
        CreateMap<ProjectApprovalServiceDemand, NetworkDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Business!)))
            .ForMember(d => d.Kinds, o => o.MapFrom(s => Words<NetworkKind>(s.Kinds)))
            .ForMember(d => d.Users, o => o.MapFrom(s => WireNumber.Integer(s.Users)))
            .ForMember(d => d.BandwidthMbps, o => o.MapFrom(s => WireNumber.Decimal(s.BandwidthMbps)))
            .ForMember(d => d.Carriers, o => o.MapFrom(s => Words<Carrier>(s.Carriers)));
        CreateMap<ProjectApprovalServiceDemand, HeatingDemand>()
            .ForMember(d => d.Business, o => o.MapFrom(s => WireName.Parse<BusinessType>(s.Business!)))
            .ForMember(d => d.AreaM2, o => o.MapFrom(s => WireNumber.Decimal(s.AreaM2)));

        CreateMap<ProjectApprovalOuterWork, OuterWork>()
            .ForMember(d => d.Service, o => o.MapFrom(s => WireName.Parse<ServiceType>(s.Service!)))
            .ForMember(d => d.LengthM, o => o.MapFrom(s => WireNumber.Decimal(s.LengthM)))
            .ForMember(d => d.DiameterDn, o => o.MapFrom(s => WireNumber.Decimal(s.DiameterDn)))
            .ForMember(d => d.OuterDiameterMm, o => o.MapFrom(s => WireNumber.Decimal(s.OuterDiameterMm)))
            .ForMember(d => d.Holes, o => o.MapFrom(s => WireNumber.Integer(s.Holes)))
            .ForMember(d => d.GreenM2, o => o.MapFrom(s => WireNumber.Decimal(s.GreenM2)))
            .ForMember(d => d.RoadCrossingM, o => o.MapFrom(s => WireNumber.Decimal(s.RoadCrossingM)))
            .ForMember(d => d.EnterpriseInvested, o => o.MapFrom(s => Flag(s.EnterpriseInvested)))
            .ForMember(d => d.Hazardous, o => o.MapFrom(s => Flag(s.Hazardous)))
            .ForMember(d => d.SpecialZones, o => o.MapFrom(s => Words<SpecialZone>(s.SpecialZones)))
            .ForMember(d => d.RecentRoad, o => o.MapFrom(s => Flag(s.RecentRoad)))
            .ForMember(d => d.SmallAttached, o => o.MapFrom(s => Flag(s.SmallAttached)));
    }

    private static DateOnly? SurveyDate(string? value) => BeijingTime.TryParseDate(value, out var date) ? date : null;

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool? Flag(string? value) => Blank(value) ? null : XmlConvert.ToBoolean(value!.Trim());

    private static List<T> Words<T>(string? value) where T : struct, Enum =>
        WireList.Split(value).Select(WireName.Parse<T>).Distinct().ToList();
}
