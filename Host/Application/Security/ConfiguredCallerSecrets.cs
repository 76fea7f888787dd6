using Gateway.Adapters.Security;
using Gateway.Application.Configuration;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;

using Microsoft.Extensions.Options;

namespace Gateway.Application.Security;

/// <summary>
/// Inbound secrets: <c>Gateway:Callers:&lt;accessKey&gt;:Secret</c> for every portal and counterpart id; the
/// embedded profile falls back to <c>dev-only-secret-&lt;accessKey&gt;</c> so a newcomer can try it at once.
/// </summary>
public sealed class ConfiguredCallerSecrets(IOptions<GatewayOptions> options, RegionCatalog regions, GatewaySettings settings) : ICallerSecrets
{
    public bool TryGetSecret(string accessKey, out string secret)
    {
        secret = "";
        if (!PortalIds.All.Contains(accessKey) && regions.FindCounterpart(accessKey) is null) return false;
        secret = ConfiguredSecret.Of(options.Value.Callers.GetValueOrDefault(accessKey)?.Secret, accessKey, settings) ?? "";
        return secret.Length > 0;
    }
}
