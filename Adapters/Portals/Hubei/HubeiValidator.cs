using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;
using static Gateway.Adapters.Portals.Hubei.HubeiFieldNames;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary>Every check on a Hubei form push, reported with the form's own field names (<c>xydm</c>, <c>ys_xq</c> …).</summary>
public sealed class HubeiValidator(RegionCatalog regions)
{
    public FieldErrors Validate(HubeiForm form)
    {
        var e = new FieldErrors();
        if (form.FormCode is not null && form.FormCode != ExpectedFormCode)
            e.Add(FormCode, ErrorCodes.InvalidValue, $"表单编码“{form.FormCode}”不是水电气网联动报装表单（{ExpectedFormCode}）");
        e.ApplicationNo(SubmitId, form.SubmitId, "提交编号");
        var region = e.Region(RegionCode, form.RegionCode, "行政区划代码", regions, PortalIds.Hubei);
        if (e.Required(SubmitTime, form.SubmitTime, "提交时间") && !BeijingTime.TryParse(form.SubmitTime, out _))
            e.Add(SubmitTime, ErrorCodes.InvalidFormat, "提交时间应为 yyyy/MM/dd HH:mm:ss（北京时间）");
        if (!form.HasFields)
        {
            e.Add(Fields, ErrorCodes.Required, "表单字段列表不能为空");
            return e;
        }

        e.Required(Sqdw, form.Sqdw, "申请单位");
        e.Uscc(Xydm, form.Xydm?.Trim());
        e.ProjectCode(Xmdm, form.Xmdm?.Trim(), region is null ? null : region.OwnsAdminCode);
        e.Required(Sqdz, form.Sqdz, "申请地址");
        e.Required(Lxr, form.Lxr, "联系人");
        e.Phone(Lxdh, form.Lxdh?.Trim());
        if (!string.IsNullOrWhiteSpace(form.Yykc) && !BeijingTime.TryParseFormDate(form.Yykc, out _))
            e.Add(Yykc, ErrorCodes.InvalidFormat, "预约踏勘时间应为日期，如 2026年11月26日、2026-11-26 或 2026/11/26");
        Quantity(e, Zgwjl, form.Zgwjl, HubeiQuantity.Metres, "距主管网距离", mustBePositive: false);

        ValidateServices(form, region, e);
        return e;
    }

    private static void ValidateServices(HubeiForm form, RegionPolicy? region, FieldErrors e)
    {
        var (requested, unknown) = HubeiServices.Read(form.Bzsx);
        foreach (var word in unknown)
            e.Add(Bzsx, ErrorCodes.InvalidValue, $"联合报装事项“{word}”无效，可选：{HubeiServices.Choices}");
        if (requested.Count == 0 && unknown.Count == 0)
            e.Add(Bzsx, ErrorCodes.NoServiceRequested, "至少需要勾选一项联合报装事项");

        if (requested.Contains(ServiceType.Water))
        {
            e.ServiceOffered(Bzsx, ServiceType.Water, region, "用水报装");
            Business(e, YsYwlx, form.YsYwlx, ServiceType.Water, "用水业务类型");
            Quantity(e, YsXq, form.YsXq, HubeiQuantity.DailyTons, "用水需求");
            e.ChineseEnumList<UsageNature>(YsXz, form.YsXz, "用水性质");
        }
        if (requested.Contains(ServiceType.Power))
        {
            e.ServiceOffered(Bzsx, ServiceType.Power, region, "用电报装");
            Business(e, YdYwlx, form.YdYwlx, ServiceType.Power, "用电业务类型");
            Quantity(e, YdRl, form.YdRl, HubeiQuantity.Capacity, "用电容量");
            e.VoltageInScope(YdDy, Quantity(e, YdDy, form.YdDy, HubeiQuantity.Voltage, "电压等级"), region);
        }
        if (requested.Contains(ServiceType.Gas))
        {
            e.ServiceOffered(Bzsx, ServiceType.Gas, region, "用气报装");
            Business(e, YqYwlx, form.YqYwlx, ServiceType.Gas, "用气业务类型");
            Quantity(e, YqXq, form.YqXq, HubeiQuantity.DailyM3, "用气需求");
            e.ChineseEnumList<UsageNature>(YqXz, form.YqXz, "用气性质");
        }
        if (requested.Contains(ServiceType.Network))
        {
            e.ServiceOffered(Bzsx, ServiceType.Network, region, "用网报装");
            Business(e, YwYwlx, form.YwYwlx, ServiceType.Network, "用网业务类型");
            e.ChineseEnumList<NetworkKind>(YwXq, form.YwXq, "用网需求");
            if (Quantity(e, YwYhs, form.YwYhs, HubeiQuantity.Users, "用户数") is { } users && (users != decimal.Truncate(users) || users > int.MaxValue))
                e.Add(YwYhs, ErrorCodes.InvalidFormat, "用户数应为整数");
            Quantity(e, YwDk, form.YwDk, HubeiQuantity.Bandwidth, "需要带宽");
            e.ChineseEnumList<Carrier>(YwYys, form.YwYys, "用网性质（运营商）");
        }
        if (requested.Contains(ServiceType.Heating))
        {
            // The form has no heating section, so heating cannot be filed through it whatever the region.
            if (region is null || region.Services.Contains(ServiceType.Heating))
                e.Add(Bzsx, ErrorCodes.UnsupportedService, "湖北联动报装表单不含供暖报装");
            else e.ServiceOffered(Bzsx, ServiceType.Heating, region, "供暖报装");
        }
    }

    private static void Business(FieldErrors e, string field, string? value, ServiceType service, string label)
    {
        var biz = e.ChineseEnum<BusinessType>(field, value, label);
        if (biz is BusinessType.Greening or BusinessType.Temporary && service != ServiceType.Water)
            e.Add(field, ErrorCodes.InvalidValue, "绿化、临时用水业务仅适用于用水报装");
    }

    private static decimal? Quantity(FieldErrors e, string field, string? typed, HubeiQuantity.Units units, string label, bool mustBePositive = true)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (!HubeiQuantity.TryParse(typed, units, out var value))
        {
            e.Add(field, ErrorCodes.InvalidFormat, $"{label}应为数字（单位：{units.Description}），收到“{typed.Trim()}”");
            return null;
        }
        if (mustBePositive) e.Positive(field, value, label);
        else e.NotNegative(field, value, label);
        return value;
    }
}
