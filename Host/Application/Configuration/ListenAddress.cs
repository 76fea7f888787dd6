using Microsoft.Extensions.Configuration;

namespace Gateway.Application.Configuration;

/// <summary>
/// The listen address: whatever the standard sources name (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, a <c>Urls</c> key,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, <c>Kestrel:Endpoints</c>), else the loopback default. The default is
/// applied in code, not in appsettings.json, because a file key would beat the <c>ASPNETCORE_</c> variables that
/// containers set (they are read first, so later sources win).
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5080";

    public static bool NoneConfigured(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"])
        && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"])
        && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
