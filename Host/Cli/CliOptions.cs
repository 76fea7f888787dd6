using System.CommandLine;

namespace Gateway.Cli;

/// <summary>Options every admin verb shares: where the gateway is, the token, and table or JSON output.</summary>
public sealed class CliOptions
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = "Base URL of the running gateway (default $GATEWAY_URL, else http://127.0.0.1:5080)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GATEWAY_URL") ?? "http://127.0.0.1:5080",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Admin bearer token (default $GATEWAY_TOKEN)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GATEWAY_TOKEN"),
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for scripts instead of tables", Recursive = true };
}
