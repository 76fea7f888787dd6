using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// Every check on a SubmitHookupDemand, reported with element paths relative to it (<c>Enterprise/Uscc</c>,
/// <c>Water/@Business</c>, <c>OuterWork[2]/LengthM</c>). Enumerations are the schema's UPPER_SNAKE values.
/// </summary>
public sealed class ProjectApprovalValidator(RegionCatalog regions)
{
    private static readonly (string Element, ServiceType Service, string Label)[] ServiceElements =
    [
        ("Water", ServiceType.Water, "用水报装"), ("Power", ServiceType.Power, "用电报装"), ("Gas", ServiceType.Gas, "用气报装"),
        ("Network", ServiceType.Network, "用网报装"), ("Heating", ServiceType.Heating, "供暖报装"),
    ];

    public FieldErrors Validate(ProjectApprovalDemand demand)
    {
        var e = new FieldErrors();
        foreach (var element in demand.Repeated.Where(r => !ServiceElements.Any(s => s.Element == r)))
            e.Add(element, ErrorCodes.InvalidFormat, $"元素 {element} 只能出现一次");

        e.ApplicationNo("DemandNo", demand.DemandNo, "需求编号");
        var region = e.Region("RegionCode", demand.RegionCode, "行政区划代码", regions, PortalIds.ProjectApproval);
        e.Zone("ZoneCode", demand.ZoneCode, region);
        e.Enum<ProjectStage>("Stage", demand.Stage, "审批阶段");
        if (demand.SubmitTime is { Length: > 0 } && !BeijingTime.TryParse(demand.SubmitTime, out _))
            e.Add("SubmitTime", ErrorCodes.InvalidFormat, "提交时间应为 xs:dateTime，如 2026-11-23T09:30:00+08:00");

        e.ProjectCode("ProjectCode", demand.ProjectCode, region is null ? null : region.OwnsAdminCode);
        e.Required("ProjectName", demand.ProjectName, "项目名称");
        e.Required("SiteAddress", demand.SiteAddress, "项目地址");
        e.IsoDate("SurveyDate", demand.SurveyDate, "预约踏勘日期");
        e.NotNegativeNumber("DistanceToMainM", demand.DistanceToMainM, "距主管网距离");

        if (demand.Enterprise is not { } enterprise) e.Add("Enterprise", ErrorCodes.Required, "建设单位信息不能为空");
        else
        {
            e.Required("Enterprise/Name", enterprise.Name, "建设单位名称");
            e.Uscc("Enterprise/Uscc", enterprise.Uscc);
            e.Required("Enterprise/Contact", enterprise.Contact, "联系人");
            e.Phone("Enterprise/Phone", enterprise.Phone);
        }

        var requested = ValidateServices(demand, region, e);
        ValidateOuterWorks(demand, requested, e);
        return e;
    }

    private static HashSet<ServiceType> ValidateServices(ProjectApprovalDemand demand, RegionPolicy? region, FieldErrors e)
    {
        var requested = new HashSet<ServiceType>();
        foreach (var (element, service, label) in ServiceElements)
        {
            var d = ServiceOf(demand, service);
            if (d is null) continue;
            requested.Add(service);
            if (demand.Repeated.Contains(element)) e.Add(element, ErrorCodes.DuplicateService, $"{label}重复申请");
            e.ServiceOffered(element, service, region, label);

            var biz = e.Enum<BusinessType>($"{element}/@Business", d.Business, "业务类型");
            if (biz is BusinessType.Greening or BusinessType.Temporary && service != ServiceType.Water)
                e.Add($"{element}/@Business", ErrorCodes.InvalidValue, "绿化、临时用水业务仅适用于用水报装");

            switch (service)
            {
                case ServiceType.Water:
                    e.PositiveNumber("Water/DailyTons", d.DailyTons, "日用水量");
                    e.EnumWords<UsageNature>("Water/Usage", d.Usage, "用水性质");
                    break;
                case ServiceType.Power:
                    e.PositiveNumber("Power/CapacityKva", d.CapacityKva, "用电容量");
                    e.VoltageInScope("Power/VoltageKv", e.PositiveNumber("Power/VoltageKv", d.VoltageKv, "电压等级"), region);
                    break;
                case ServiceType.Gas:
                    e.PositiveNumber("Gas/DailyM3", d.DailyM3, "日用气量");
                    e.EnumWords<UsageNature>("Gas/Usage", d.Usage, "用气性质");
                    e.Enum<GasPressure>("Gas/Pressure", d.Pressure, "压力级制", required: false);
                    break;
                case ServiceType.Network:
                    e.EnumWords<NetworkKind>("Network/Kinds", d.Kinds, "用网需求");
                    e.PositiveInteger("Network/Users", d.Users, "用户数");
                    e.PositiveNumber("Network/BandwidthMbps", d.BandwidthMbps, "带宽");
                    e.EnumWords<Carrier>("Network/Carriers", d.Carriers, "运营商");
                    break;
                case ServiceType.Heating:
                    e.PositiveNumber("Heating/AreaM2", d.AreaM2, "供暖面积");
                    break;
            }
        }
        if (requested.Count == 0)
            e.Add("SubmitHookupDemand", ErrorCodes.NoServiceRequested, "至少需要申请一项报装服务（Water、Power、Gas、Network 或 Heating）");
        return requested;
    }

    private static void ValidateOuterWorks(ProjectApprovalDemand demand, HashSet<ServiceType> requested, FieldErrors e)
    {
        for (var i = 0; i < demand.OuterWorks.Count; i++)
        {
            var w = demand.OuterWorks[i];
            var at = $"OuterWork[{i + 1}]";
            var service = e.Enum<ServiceType>($"{at}/@Service", w.Service, "外线工程类型");
            if (service is not null && !requested.Contains(service.Value))
                e.Add($"{at}/@Service", ErrorCodes.ServiceNotRequested, $"外线工程 {w.Service} 没有对应的报装申请");
            e.NotNegativeNumber($"{at}/LengthM", w.LengthM, "外线长度");
            e.NotNegativeNumber($"{at}/DiameterDn", w.DiameterDn, "管径");
            e.NotNegativeNumber($"{at}/OuterDiameterMm", w.OuterDiameterMm, "管外径");
            e.NotNegativeInteger($"{at}/Holes", w.Holes, "孔数");
            e.NotNegativeNumber($"{at}/GreenM2", w.GreenM2, "占用绿地面积");
            e.NotNegativeNumber($"{at}/RoadCrossingM", w.RoadCrossingM, "穿越道路长度");
            e.XsBoolean($"{at}/EnterpriseInvested", w.EnterpriseInvested, "企业投资");
            e.XsBoolean($"{at}/Hazardous", w.Hazardous, "涉及危险品");
            e.EnumWords<SpecialZone>($"{at}/SpecialZones", w.SpecialZones, "特殊区域");
            e.XsBoolean($"{at}/RecentRoad", w.RecentRoad, "新建或大修道路");
            e.XsBoolean($"{at}/SmallAttached", w.SmallAttached, "附属小型设施");
        }
    }

    public static ProjectApprovalServiceDemand? ServiceOf(ProjectApprovalDemand demand, ServiceType service) => service switch
    {
        ServiceType.Water => demand.Water,
        ServiceType.Power => demand.Power,
        ServiceType.Gas => demand.Gas,
        ServiceType.Network => demand.Network,
        ServiceType.Heating => demand.Heating,
        _ => null,
    };
}
