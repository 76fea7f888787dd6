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

    /// <summary>
    /// The configured listen addresses that are not loopback: a host other than <c>localhost</c>, 127.0.0.0/8 or ::1
    /// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, a LAN address), and a <c>*_PORTS</c> setting (it binds every interface) when
    /// neither <c>urls</c> nor <c>Kestrel:Endpoints</c> names an address, as Kestrel itself decides.
    /// </summary>
    public static IReadOnlyList<string> NonLoopback(IConfiguration configuration)
    {
        var found = new List<string>();
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        // Kestrel's order: its endpoints beat urls, and urls beat *_PORTS (container images set ASPNETCORE_HTTP_PORTS=8080
        // by default); so ports count only when nothing else names an address.
        if (urls.Length == 0 && endpoints.Count == 0)
            foreach (var key in new[] { "http_ports", "https_ports" })
                if (!string.IsNullOrWhiteSpace(configuration[key])) found.Add($"{key}={configuration[key]} (every interface)");
        found.AddRange((endpoints.Count > 0 ? endpoints : urls.AsEnumerable()).Where(u => !IsLoopback(u)));
        return found;
    }

    private static bool IsLoopback(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':', '/')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
    }
}
