using Gateway.Adapters.Security;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// A portal pushes with its own access key (security.md: access key = portal id). A correctly signed call from
/// another caller is refused 403, so one portal cannot file applications under another portal's numbering.
/// </summary>
public static class PortalCaller
{
    public const string NotAllowedCode = CallerRefusal.NotAllowedCode;

    /// <summary>The caller declaration of <paramref name="portal"/>'s application route.</summary>
    public static CallerRule Only(string portal) =>
        new OnlyCaller(portal, "调用方无权使用该接口", caller => $"访问密钥 {caller} 不能推送 {portal} 的申请");
}
