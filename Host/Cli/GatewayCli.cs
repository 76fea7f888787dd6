using System.CommandLine;

namespace Gateway.Cli;

/// <summary>
/// Operator verbs (docs/operations.md, "Operator CLI"). They talk to a running gateway over HTTP; they never
/// open the store themselves, except <c>migrate</c>, which applies the schema before any instance runs.
/// Exit codes: 0 done, 1 the gateway (or store) refused, 2 usage, 3 gateway unreachable.
/// </summary>
public static class GatewayCli
{
    private static readonly string[] Verbs = ["push", "cases", "failed", "sla", "migrate"];

    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.Contains(args[0]) || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CliOptions();
        var root = new RootCommand("Hookup Gateway operator CLI (without a verb: serve)");
        root.Options.Add(options.Url);
        root.Options.Add(options.Token);
        root.Options.Add(options.TokenFile);
        root.Options.Add(options.Json);
        root.Subcommands.Add(PushCommand.Create(options.Url));
        root.Subcommands.Add(CasesCommand.Create(options));
        root.Subcommands.Add(FailedCommand.Create(options));
        root.Subcommands.Add(SlaCommand.Create(options));
        root.Subcommands.Add(MigrateCommand.Create(options.Json));
        return await root.Parse(args).InvokeAsync();
    }
}
