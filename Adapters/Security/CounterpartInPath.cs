using Gateway.Routing.Regions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Adapters.Security;

/// <summary>
/// A counterpart reporting as itself: the route value <paramref name="routeValue"/> names the counterpart, which must
/// exist (404), be the signed caller (403) and be of the kind the route serves (409).
/// </summary>
public sealed class CounterpartInPath(string routeValue, CounterpartKind kind) : CallerRule
{
    public override string Allowed => $"the {kind.ToString().ToLowerInvariant()} named by {{{routeValue}}}, as itself";

    public override CallerRefusal? Check(string caller, HttpContext http)
    {
        var named = http.Request.RouteValues[routeValue] as string ?? "";
        var counterpart = http.RequestServices.GetRequiredService<RegionCatalog>().FindCounterpart(named);
        if (counterpart is null)
            return new(StatusCodes.Status404NotFound, "COUNTERPART_NOT_FOUND", "对接方不存在", $"没有编号为 {named} 的对接方");
        if (caller != named)
            return new(StatusCodes.Status403Forbidden, "CALLER_MISMATCH", "无权代其他对接方报告", $"访问密钥 {caller} 不能以 {named} 的名义调用");
        if (counterpart.Kind != kind)
            return new(StatusCodes.Status409Conflict, "WRONG_COUNTERPART_KIND", "接口与对接方类型不符",
                kind == CounterpartKind.Utility ? "办理进度由公用企业报告；部门请使用 decisions 接口" : "审批结论由部门报告；公用企业请使用 events 接口");
        return null;
    }
}
