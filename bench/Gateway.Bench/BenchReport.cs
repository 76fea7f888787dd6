using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Bench;

/// <summary>The printed table (Markdown, so it pastes into docs/performance.md) and the JSON result files.</summary>
public static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write(ProfileResult result, string resultsDir, string label)
    {
        Directory.CreateDirectory(resultsDir);
        var name = $"{result.StartedAt:yyyy-MM-dd}-{result.Profile}{(label.Length > 0 ? "-" + label : "")}.json";
        var path = Path.Combine(resultsDir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(result, Json));
        return path;
    }

    private static string PerCase(ProfileResult r, long? count) =>
        count is { } n && r.CasesCompleted > 0 ? (n / (double)r.CasesCompleted).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>Why a run is not reported: its warm-up had not settled (see <see cref="WarmupCheck"/>).</summary>
    public static string? Refusal(ProfileResult r) => r.Warmup switch
    {
        { HalvesAgree: false } w =>
            $"{r.Profile}: NOT REPORTED, the warm-up had not settled: gateway CPU per case {w.FirstHalfMsPerCase:0.00} ms in the first half of the run, " +
            $"{w.SecondHalfMsPerCase:0.00} ms in the second (more than {WarmupCheck.Tolerance:0.0}x); run again with a longer --warmup-seconds",
        { JitDone: false } w =>
            $"{r.Profile}: NOT REPORTED, the warm-up had not settled: the gateway's JIT compiled for {w.JitMs:0} ms during the run, " +
            $"{w.JitShare:P1} of its CPU (more than {WarmupCheck.MaxJitShare:P0}: tier-up still running); run again with a longer --warmup-seconds",
        _ => null,
    };

    public static string Table(IReadOnlyList<ProfileResult> results)
    {
        static string F(double v) => v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        var m = results[0].Machine;
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores, {m.CpuModel}, {m.RamGiB} GiB RAM; {m.Os}; {m.Runtime}");
        sb.AppendLine();
        sb.AppendLine("| profile | mode | accepted | errors | cases/s | work orders/s | intake p50/p90/p99/max ms | receipt→all acked p50/p99 ms | CPU s gateway / driver+ERPs / postgres / rabbitmq | CPU ms per case gateway / postgres / rabbitmq | statements / commits per case | gateway CPU ms per case, 1st / 2nd half; JIT during the run |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var c = r.CpuSeconds;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Profile}{(r.Prefilled > 0 ? $" ({r.Prefilled} cases prefilled)" : "")} | {r.Mode}, {F(r.PushSeconds)} s | {r.Accepted} ({r.CasesDispatchedInStore} DISPATCHED in store) | {r.Errors} | {F(r.CasesPerSecond)} | {F(r.WorkOrdersPerSecond)} | " +
                $"{F(r.IntakeMs.P50)} / {F(r.IntakeMs.P90)} / {F(r.IntakeMs.P99)} / {F(r.IntakeMs.Max)} | {F(r.ReceiptToAllAcknowledgedMs.P50)} / {F(r.ReceiptToAllAcknowledgedMs.P99)} | " +
                $"{F(c.GetValueOrDefault("gateway"))} / {F(c.GetValueOrDefault("driver+fake-erps"))} / {F(c.GetValueOrDefault("postgres"))} / {F(c.GetValueOrDefault("rabbitmq"))} | " +
                $"{F(r.CpuMsPerCase("gateway"))} / {F(r.CpuMsPerCase("postgres"))} / {F(r.CpuMsPerCase("rabbitmq"))} | " +
                $"{PerCase(r, r.Statements?.Statements)} / {PerCase(r, r.Statements?.Commits)} | " +
                $"{(r.Warmup is { } w ? $"{F(w.FirstHalfMsPerCase)} / {F(w.SecondHalfMsPerCase)}; JIT {w.JitMs:0} ms ({w.JitShare:P1})" : "–")} |");
        }
        var withBaselines = results.Where(r => r.Baselines.Count > 0).ToList();
        if (withBaselines.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| profile | baseline (1 KiB messages, same broker) | messages | msg/s | gateway work orders/s ÷ baseline msg/s |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var r in withBaselines)
                foreach (var b in r.Baselines)
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"| {r.Profile} | {b.Name} | {b.Messages} | {F(b.MessagesPerSecond)} | {(b.MessagesPerSecond > 0 ? (r.WorkOrdersPerSecond / b.MessagesPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "–")} |");
        }
        foreach (var r in results.Where(r => r.ErrorSamples.Count > 0))
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Profile} errors (first {r.ErrorSamples.Count}):");
            foreach (var e in r.ErrorSamples) sb.AppendLine("  " + e);
        }
        return sb.ToString();
    }
}
