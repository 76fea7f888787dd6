using System.Globalization;

namespace Gateway.Bench;

public enum BenchProfile { Embedded, Prod }

/// <summary>Command line of the load driver (see ./bench.sh).</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<BenchProfile> Profiles { get; init; } = [BenchProfile.Embedded];
    /// <summary>How long to push; the run also stops after <see cref="Count"/> applications if set.</summary>
    public int Seconds { get; init; } = 20;
    public int? Count { get; init; }
    /// <summary>Applications per second; 0 = flat out with <see cref="Concurrency"/> pushers.</summary>
    public double Rate { get; init; }
    public int Concurrency { get; init; } = 32;
    /// <summary>Load at the same rate before the measured run, so that JIT tier-up and pools have settled.</summary>
    public int WarmupSeconds { get; init; } = 120;
    /// <summary>How long to wait after the last push for every dispatch to be acknowledged.</summary>
    public int DrainSeconds { get; init; } = 120;
    public string RepoRoot { get; init; } = "";
    public string GatewayDll { get; init; } = "";
    /// <summary>The config folder handed to the gateway (regions, calendars, samples); another build's own for a before/after.</summary>
    public string ConfigDir { get; init; } = "";
    public string ResultsDir { get; init; } = "";
    public string Label { get; init; } = "";
    /// <summary>Extra <c>--Key=value</c> settings handed to the gateway (tuning experiments).</summary>
    public IReadOnlyList<string> GatewayArgs { get; init; } = [];
    public bool SkipBaseline { get; init; }
    /// <summary>Finished cases written into the PostgreSQL store before the run (prod only; see <see cref="StorePrefill"/>).</summary>
    public int Prefill { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { RepoRoot = FindRepoRoot() };
        var gatewayArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "embedded": o = o with { Profiles = [BenchProfile.Embedded] }; break;
                case "prod": o = o with { Profiles = [BenchProfile.Prod] }; break;
                case "both": o = o with { Profiles = [BenchProfile.Embedded, BenchProfile.Prod] }; break;
                case "--seconds": o = o with { Seconds = NextInt() }; break;
                case "--count": o = o with { Count = NextInt() }; break;
                case "--rate": o = o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--concurrency": o = o with { Concurrency = NextInt() }; break;
                case "--warmup-seconds": o = o with { WarmupSeconds = NextInt() }; break;
                case "--drain-seconds": o = o with { DrainSeconds = NextInt() }; break;
                case "--gateway": o = o with { GatewayDll = Path.GetFullPath(Next()) }; break;
                case "--config": o = o with { ConfigDir = Path.GetFullPath(Next()) }; break;
                case "--results": o = o with { ResultsDir = Path.GetFullPath(Next()) }; break;
                case "--label": o = o with { Label = Next() }; break;
                case "--no-baseline": o = o with { SkipBaseline = true }; break;
                case "--prefill": o = o with { Prefill = NextInt() }; break;
                case "--gateway-arg": gatewayArgs.Add(Next()); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}' (expected embedded|prod|both, --seconds N, --count N, --rate R, --concurrency C, --warmup-seconds N, --drain-seconds N, --gateway DLL, --config DIR, --results DIR, --label L, --gateway-arg --Key=value, --no-baseline, --prefill N)");
            }
        }
        if (o.Seconds is < 1 or > 3600) throw new ArgumentException("--seconds must be 1..3600");
        if (o.WarmupSeconds is < 0 or > 600) throw new ArgumentException("--warmup-seconds must be 0..600");
        if (o.Concurrency is < 1 or > 1024) throw new ArgumentException("--concurrency must be 1..1024");
        if (o.Rate is < 0 or > 100_000) throw new ArgumentException("--rate must be 0..100000");
        if (o.Prefill is < 0 or > 10_000_000) throw new ArgumentException("--prefill must be 0..10000000");
        if (o.Prefill > 0 && o.Profiles.Contains(BenchProfile.Embedded)) throw new ArgumentException("--prefill needs the prod profile alone (it fills PostgreSQL)");
        return o with
        {
            GatewayArgs = gatewayArgs,
            GatewayDll = o.GatewayDll.Length > 0 ? o.GatewayDll : Path.Combine(o.RepoRoot, "Host", "bin", "Release", "net10.0", "Gateway.Host.dll"),
            ConfigDir = o.ConfigDir.Length > 0 ? o.ConfigDir : Path.Combine(o.RepoRoot, "config"),
            ResultsDir = o.ResultsDir.Length > 0 ? o.ResultsDir : Path.Combine(o.RepoRoot, "bench", "results"),
        };
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Gateway.sln)");
    }
}
