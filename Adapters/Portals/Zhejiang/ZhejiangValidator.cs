using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;

namespace Gateway.Adapters.Portals.Zhejiang;

/// <summary>Every check on a Zhejiang push, reported with the portal's own field paths.</summary>
public sealed class ZhejiangValidator(RegionCatalog regions)
{
    public FieldErrors Validate(ZhejiangApplication app)
    {
        var e = new FieldErrors();
        e.ApplicationNo("applyNo", app.ApplyNo, "申请编号");

        RegionPolicy? region = null;
        if (e.Required("areaCode", app.AreaCode, "行政区划代码"))
        {
            region = regions.ResolveByAdminCode(app.AreaCode);
            if (region is null || !region.Portals.Contains(PortalIds.Zhejiang))
            {
                e.Add("areaCode", ErrorCodes.UnknownRegion, $"行政区划代码 {app.AreaCode} 不在本系统受理范围内");
                region = null;
            }
        }

        if (region is not null && (region.ZoneRequired || app.ZoneCode is not null))
        {
            if (e.Required("zoneCode", app.ZoneCode, "服务片区") && !region.HasZone(app.ZoneCode))
                e.Add("zoneCode", ErrorCodes.InvalidValue,
                    $"服务片区“{app.ZoneCode}”无效，可选：{string.Join("、", region.Zones.Select(z => z.Code))}");
        }

        if (e.Required("submitTime", app.SubmitTime, "提交时间") && !BeijingTime.TryParse(app.SubmitTime, out _))
            e.Add("submitTime", ErrorCodes.InvalidFormat, "提交时间应为 ISO-8601 时间，如 2026-11-23T09:30:00+08:00");

        if (app.Project is null) e.Add("project", ErrorCodes.Required, "项目信息不能为空");
        else
        {
            e.ProjectCode("project.code", app.Project.Code, region is null ? null : region.OwnsAdminCode);
            e.Required("project.name", app.Project.Name, "项目名称");
            e.Required("project.address", app.Project.Address, "项目地址");
        }

        if (app.Applicant is null) e.Add("applicant", ErrorCodes.Required, "申请单位信息不能为空");
        else
        {
            e.Required("applicant.name", app.Applicant.Name, "申请单位名称");
            e.Uscc("applicant.uscc", app.Applicant.Uscc);
            e.Required("applicant.contact", app.Applicant.Contact, "联系人");
            e.Phone("applicant.mobile", app.Applicant.Mobile);
        }

        if (app.SurveyDate is not null && !BeijingTime.TryParseDate(app.SurveyDate, out _))
            e.Add("surveyDate", ErrorCodes.InvalidFormat, "预约踏勘日期应为 yyyy-MM-dd");

        var requested = ValidateDemands(app, region, e);
        ValidateOuterWorks(app, requested, e);
        return e;
    }

    private static HashSet<ServiceType> ValidateDemands(ZhejiangApplication app, RegionPolicy? region, FieldErrors e)
    {
        var requested = new HashSet<ServiceType>();
        if (app.Demands is not { Count: > 0 })
        {
            e.Add("demands", ErrorCodes.NoServiceRequested, "至少需要申请一项报装服务");
            return requested;
        }

        for (var i = 0; i < app.Demands.Count; i++)
        {
            var d = app.Demands[i];
            var at = $"demands[{i}]";
            var service = e.Enum<ServiceType>($"{at}.type", d.Type, "报装类型");
            if (service is null) continue;
            if (!requested.Add(service.Value))
                e.Add($"{at}.type", ErrorCodes.DuplicateService, $"报装类型 {d.Type} 重复申请");
            if (region is not null && !region.Services.Contains(service.Value))
                e.Add($"{at}.type", ErrorCodes.UnsupportedService, $"{region.Name}不受理 {d.Type} 报装");

            var biz = e.Enum<BusinessType>($"{at}.biz", d.Biz, "业务类型");
            if (biz is BusinessType.Greening or BusinessType.Temporary && service != ServiceType.Water)
                e.Add($"{at}.biz", ErrorCodes.InvalidValue, "绿化、临时用水业务仅适用于用水报装");

            switch (service)
            {
                case ServiceType.Water:
                    e.Positive($"{at}.dailyTons", d.DailyTons, "日用水量");
                    e.EnumList<UsageNature>($"{at}.usage", d.Usage, "用水性质");
                    break;
                case ServiceType.Power:
                    e.Positive($"{at}.capacityKva", d.CapacityKva, "用电容量");
                    e.Positive($"{at}.voltageKv", d.VoltageKv, "电压等级");
                    if (region?.PowerMaxVoltageKv is { } max && d.VoltageKv > max)
                        e.Add($"{at}.voltageKv", ErrorCodes.OutOfScope, $"{region.Name}联合报装受理 {max} kV 及以下用电，{d.VoltageKv} kV 请走专项流程");
                    break;
                case ServiceType.Gas:
                    e.Positive($"{at}.dailyM3", d.DailyM3, "日用气量");
                    e.EnumList<UsageNature>($"{at}.usage", d.Usage, "用气性质");
                    e.Enum<GasPressure>($"{at}.pressure", d.Pressure, "压力级制", required: false);
                    break;
                case ServiceType.Network:
                    e.EnumList<NetworkKind>($"{at}.kinds", d.Kinds, "用网需求");
                    e.Positive($"{at}.users", d.Users, "用户数");
                    e.Positive($"{at}.bandwidthMbps", d.BandwidthMbps, "带宽");
                    e.EnumList<Carrier>($"{at}.carriers", d.Carriers, "运营商");
                    break;
            }
        }
        return requested;
    }

    private static void ValidateOuterWorks(ZhejiangApplication app, HashSet<ServiceType> requested, FieldErrors e)
    {
        if (app.OuterWorks is null) return;
        for (var i = 0; i < app.OuterWorks.Count; i++)
        {
            var w = app.OuterWorks[i];
            var at = $"outerWorks[{i}]";
            var service = e.Enum<ServiceType>($"{at}.type", w.Type, "外线工程类型");
            if (service is not null && !requested.Contains(service.Value))
                e.Add($"{at}.type", ErrorCodes.ServiceNotRequested, $"外线工程 {w.Type} 没有对应的报装申请");
            e.NotNegative($"{at}.lengthM", w.LengthM, "外线长度");
            e.NotNegative($"{at}.diameterDn", w.DiameterDn, "管径");
            e.NotNegative($"{at}.outerDiameterMm", w.OuterDiameterMm, "管外径");
            e.NotNegative($"{at}.holes", w.Holes, "孔数");
            e.NotNegative($"{at}.greenM2", w.GreenM2, "占用绿地面积");
            e.NotNegative($"{at}.roadCrossingM", w.RoadCrossingM, "穿越道路长度");
            e.EnumList<SpecialZone>($"{at}.specialZones", w.SpecialZones, "特殊区域");
        }
    }
}
