using System.CommandLine;

namespace Gateway.Host.Cli;

/// <summary>
/// Operator verbs (specs/operations.md, "Operator CLI"). They talk to a running gateway over HTTP; they never
/// open the store themselves.
/// </summary>
public static class GatewayCli
{
    private static readonly string[] Verbs = ["push", "cases", "failed", "sla"];

    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.Contains(args[0]) || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Option<string>("--url")
        {
            Description = "Base URL of the running gateway",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GATEWAY_URL") ?? "http://127.0.0.1:5080",
            Recursive = true,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of tables", Recursive = true };

        var root = new RootCommand("Hookup Gateway operator CLI (without a verb: serve)");
        root.Options.Add(url);
        root.Options.Add(json);
        root.Subcommands.Add(PushCommand.Create(url));
        root.Subcommands.Add(CasesCommand.Create(url, json));
        return await root.Parse(args).InvokeAsync();
    }
}
