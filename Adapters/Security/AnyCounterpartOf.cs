using Gateway.Routing.Regions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Adapters.Security;

/// <summary>Any counterpart of one kind, reporting as itself (the SOAP department route names no counterpart in its path).</summary>
public sealed class AnyCounterpartOf(CounterpartKind kind) : CallerRule
{
    public override string Allowed => $"any {kind.ToString().ToLowerInvariant()}, as itself";

    public override CallerRefusal? Check(string caller, HttpContext http) =>
        http.RequestServices.GetRequiredService<RegionCatalog>().FindCounterpart(caller)?.Kind == kind
            ? null
            : CallerRefusal.NotAllowed("调用方无权使用该接口", kind == CounterpartKind.Department
                ? $"访问密钥 {caller} 不是部门对接方，无权报告审批结论"
                : $"访问密钥 {caller} 不是公用企业对接方，无权报告办理进度");
}
