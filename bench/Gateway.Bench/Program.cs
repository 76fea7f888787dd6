using Gateway.Bench;

// ./bench.sh [embedded|prod|both] --seconds N [--rate R | --concurrency C] [--count N] [--warmup-seconds N]
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    return 2;
}

var command = "./bench.sh " + string.Join(' ', args);
var results = new List<ProfileResult>();
foreach (var profile in options.Profiles)
{
    var result = await ProfileRun.RunAsync(profile, options, command);
    results.Add(result);
    // A run whose warm-up had not settled is kept for inspection, named as such, and never reported (see WarmupCheck).
    var label = BenchReport.Refusal(result) is null ? options.Label : string.Join('-', new[] { options.Label, "unsettled" }.Where(l => l.Length > 0));
    Console.WriteLine($"[{profile}] wrote {BenchReport.Write(result, options.ResultsDir, label)}");
}
Console.WriteLine();
var refusals = results.Select(BenchReport.Refusal).OfType<string>().ToList();
var reported = results.Where(r => BenchReport.Refusal(r) is null).ToList();
if (reported.Count > 0) Console.WriteLine(BenchReport.Table(reported));
foreach (var refusal in refusals) Console.WriteLine(refusal);
if (results.Any(r => r.Accepted == 0 || r.CasesCompleted < r.Accepted)) return 1;
return refusals.Count > 0 ? 3 : 0;
