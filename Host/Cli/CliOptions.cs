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
        Description = "Admin bearer token (prefer --token-file or $GATEWAY_TOKEN / $GATEWAY_TOKEN_FILE: argv is visible to other users)",
        Recursive = true,
    };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "File whose first line is the admin bearer token",
        Recursive = true,
    };

    /// <summary>--token, else --token-file, else $GATEWAY_TOKEN, else the file named by $GATEWAY_TOKEN_FILE.</summary>
    public string? TokenOf(System.CommandLine.ParseResult parse) =>
        CliSecret.Resolve(parse.GetValue(Token), parse.GetValue(TokenFile), "GATEWAY_TOKEN");

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for scripts instead of tables", Recursive = true };
}
