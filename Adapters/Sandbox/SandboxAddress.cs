using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.Adapters.Sandbox;

/// <summary>The host's own loopback address, where the sandbox counterparts listen (known only once Kestrel has bound).</summary>
public sealed class SandboxAddress(IServer server)
{
    public Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the host has no listening address yet; the sandbox is unreachable");
        var uri = new UriBuilder(first.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
