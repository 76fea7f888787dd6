using Microsoft.Extensions.Configuration;

namespace Gateway.Application.Configuration;

/// <summary>
/// Where the gateway's settings come from, in order (later wins): <c>ASPNETCORE_*</c> variables, <c>appsettings.json</c>
/// and <c>appsettings.{environment}.json</c> under the config directory, environment variables, command-line
/// <c>--Key=value</c>. One place, so the server and the <c>migrate</c> verb read exactly the same configuration.
/// </summary>
public static class GatewayConfigurationSources
{
    public static void Apply(IConfigurationBuilder configuration, string configDirectory, string environmentName, string[] args)
    {
        configuration.Sources.Clear();
        configuration
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddJsonFile(Path.Combine(configDirectory, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(configDirectory, $"appsettings.{environmentName}.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
    }

    /// <summary>The environment name as ASP.NET Core resolves it when no <c>--environment</c> is given.</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : "Production";
}
