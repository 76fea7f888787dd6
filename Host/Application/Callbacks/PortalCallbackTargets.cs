using Gateway.Application.Configuration;

namespace Gateway.Application.Callbacks;

/// <summary>
/// The portals whose callbacks are sent: those with <c>Gateway:Portals:&lt;id&gt;:CallbackUrl</c>. Another portal's
/// callbacks are written RECORDED (kept, visible, not sent) with no outbox message: a message would only be consumed to
/// mark them so (docs/lifecycle.md "Portal callbacks"; docs/performance.md).
/// </summary>
public sealed class PortalCallbackTargets
{
    private readonly HashSet<string>? _withUrl;

    private PortalCallbackTargets(HashSet<string>? withUrl) => _withUrl = withUrl;

    /// <summary>From the bound options, once at start.</summary>
    public PortalCallbackTargets(GatewayOptions options)
        : this(options.Portals.Where(p => !string.IsNullOrWhiteSpace(p.Value.CallbackUrl)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal)) { }

    /// <summary>Every callback gets a message (a store used outside a configured host).</summary>
    public static readonly PortalCallbackTargets Everyone = new((HashSet<string>?)null);

    public bool Sends(string portal) => _withUrl?.Contains(portal) ?? true;
}
