using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;

namespace Gateway.Adapters.Portals.Henan;

/// <summary>
/// Every check on a Henan push, reported with element paths as the agreement writes them:
/// <c>BZSQ/TYSHXYDM</c>, <c>BZSQ/BZSX/SX[@LB='YD']/RL</c>.
/// </summary>
public sealed class HenanValidator(RegionCatalog regions)
{
    private const string Root = HenanXmlReader.Root;

    public FieldErrors Validate(HenanApplication app)
    {
        var e = new FieldErrors();
        foreach (var path in app.Repeated) e.Add(path, ErrorCodes.InvalidFormat, $"元素 {path} 只能出现一次");

        e.ApplicationNo($"{Root}/SQBH", app.Sqbh, "申请编号");
        var region = e.Region($"{Root}/XZQHDM", app.Xzqhdm, "行政区划代码", regions, PortalIds.Henan);
        if (e.Required($"{Root}/TJSJ", app.Tjsj, "提交时间") && !BeijingTime.TryParse(app.Tjsj, out _))
            e.Add($"{Root}/TJSJ", ErrorCodes.InvalidFormat, "提交时间应为 yyyy-MM-dd HH:mm:ss（北京时间）");

        e.ProjectCode($"{Root}/XMDM", app.Xmdm, region is null ? null : region.OwnsAdminCode);
        e.Required($"{Root}/XMMC", app.Xmmc, "项目名称");
        e.Required($"{Root}/SQDW", app.Sqdw, "申请单位");
        e.Uscc($"{Root}/TYSHXYDM", app.Tyshxydm);
        e.Required($"{Root}/LXR", app.Lxr, "联系人");
        e.Phone($"{Root}/LXDH", app.Lxdh);
        e.Required($"{Root}/SQDZ", app.Sqdz, "申请地址");
        e.IsoDate($"{Root}/YYKCSJ", app.Yykcsj, "预约勘察时间");

        var requested = ValidateServices(app, region, e);
        ValidateOuterWorks(app, requested, e);
        return e;
    }

    private static HashSet<ServiceType> ValidateServices(HenanApplication app, RegionPolicy? region, FieldErrors e)
    {
        var requested = new HashSet<ServiceType>();
        if (app.Services.Count == 0)
        {
            e.Add($"{Root}/BZSX", ErrorCodes.NoServiceRequested, "至少需要申请一项报装事项（BZSX/SX）");
            return requested;
        }

        foreach (var sx in app.Services)
        {
            var at = sx.Path;
            var service = ServiceCode(e, at, sx.Lb, "报装事项类别");
            if (service is null) continue;
            var label = HenanServiceCodes.LabelOf(service.Value);
            if (!requested.Add(service.Value))
                e.Add($"{at}/@LB", ErrorCodes.DuplicateService, $"{label}重复申请");
            e.ServiceOffered(at, service.Value, region, label);

            var biz = e.ChineseEnum<BusinessType>($"{at}/YWLX", sx.Ywlx, "业务类型");
            if (biz is BusinessType.Greening or BusinessType.Temporary && service != ServiceType.Water)
                e.Add($"{at}/YWLX", ErrorCodes.InvalidValue, "绿化、临时用水业务仅适用于用水报装");

            switch (service)
            {
                case ServiceType.Water:
                    e.PositiveNumber($"{at}/XQL", sx.Xql, "用水需求量");
                    e.ChineseEnumList<UsageNature>($"{at}/XZ", sx.Xz, "用水性质");
                    break;
                case ServiceType.Power:
                    e.PositiveNumber($"{at}/RL", sx.Rl, "用电容量");
                    e.VoltageInScope($"{at}/DYDJ", e.PositiveNumber($"{at}/DYDJ", sx.Dydj, "电压等级"), region);
                    break;
                case ServiceType.Gas:
                    e.PositiveNumber($"{at}/XQL", sx.Xql, "用气需求量");
                    e.ChineseEnumList<UsageNature>($"{at}/XZ", sx.Xz, "用气性质");
                    e.ChineseEnum<GasPressure>($"{at}/YLJB", sx.Yljb, "压力级别", required: false);
                    break;
                case ServiceType.Network:
                    e.ChineseEnumList<NetworkKind>($"{at}/LX", sx.Lx, "用网类型");
                    e.PositiveInteger($"{at}/YHS", sx.Yhs, "用户数");
                    e.PositiveNumber($"{at}/DK", sx.Dk, "带宽");
                    e.ChineseEnumList<Carrier>($"{at}/YYS", sx.Yys, "运营商");
                    break;
                case ServiceType.Heating:
                    e.PositiveNumber($"{at}/MJ", sx.Mj, "供暖面积");
                    break;
            }
        }
        return requested;
    }

    private static void ValidateOuterWorks(HenanApplication app, HashSet<ServiceType> requested, FieldErrors e)
    {
        foreach (var gc in app.OuterWorks)
        {
            var at = gc.Path;
            var service = ServiceCode(e, at, gc.Lb, "外线工程类别");
            if (service is not null && !requested.Contains(service.Value))
                e.Add($"{at}/@LB", ErrorCodes.ServiceNotRequested, $"外线工程 {gc.Lb} 没有对应的报装事项");
            e.NotNegativeNumber($"{at}/GJ", gc.Gj, "管径");
            e.NotNegativeNumber($"{at}/CD", gc.Cd, "长度");
            e.NotNegativeNumber($"{at}/LDMJ", gc.Ldmj, "占用绿地面积");
            e.NotNegativeNumber($"{at}/CYDL", gc.Cydl, "穿越道路长度");
            e.YesNo($"{at}/QYTZ", gc.Qytz, "企业投资");
            e.YesNo($"{at}/WXP", gc.Wxp, "涉及危险品");
            e.NotNegativeNumber($"{at}/GWJ", gc.Gwj, "管外径");
            e.NotNegativeInteger($"{at}/KS", gc.Ks, "孔数");
            e.YesNo($"{at}/FSXS", gc.Fsxs, "附属小型设施");
        }
    }

    private static ServiceType? ServiceCode(FieldErrors e, string at, string? lb, string label)
    {
        if (!e.Required($"{at}/@LB", lb, label)) return null;
        var service = HenanServiceCodes.ServiceOf(lb);
        if (service is null)
            e.Add($"{at}/@LB", ErrorCodes.InvalidValue,
                $"{label}“{lb}”无效，可选：{string.Join("、", HenanServiceCodes.All.Select(c => c.Code))}");
        return service;
    }
}
