using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// A portal pushes with its own access key (security.md: access key = portal id). A correctly signed call from
/// another caller is refused 403, so one portal cannot file applications under another portal's numbering.
/// </summary>
public static class PortalCaller
{
    public const string NotAllowedCode = "CALLER_NOT_ALLOWED";

    /// <summary>A 403 problem when the verified caller is not <paramref name="portal"/>, else null.</summary>
    public static IResult? RefuseUnless(HttpContext http, string portal)
    {
        var caller = SignedRequestFilter.CallerOf(http);
        return caller == portal
            ? null
            : Problems.Result(StatusCodes.Status403Forbidden, NotAllowedCode, "调用方无权使用该接口",
                $"访问密钥 {caller} 不能推送 {portal} 的申请");
    }
}
