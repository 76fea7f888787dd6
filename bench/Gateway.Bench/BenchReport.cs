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

    public static string Table(IReadOnlyList<ProfileResult> results)
    {
        static string F(double v) => v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        var m = results[0].Machine;
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores, {m.CpuModel}, {m.RamGiB} GiB RAM; {m.Os}; {m.Runtime}");
        sb.AppendLine();
        sb.AppendLine("| profile | mode | accepted | errors | cases/s | work orders/s | intake p50/p90/p99/max ms | receipt→all acked p50/p99 ms | CPU s gateway / driver+ERPs / postgres / rabbitmq |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var c = r.CpuSeconds;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Profile} | {r.Mode}, {F(r.PushSeconds)} s | {r.Accepted} ({r.CasesDispatchedInStore} DISPATCHED in store) | {r.Errors} | {F(r.CasesPerSecond)} | {F(r.WorkOrdersPerSecond)} | " +
                $"{F(r.IntakeMs.P50)} / {F(r.IntakeMs.P90)} / {F(r.IntakeMs.P99)} / {F(r.IntakeMs.Max)} | {F(r.ReceiptToAllAcknowledgedMs.P50)} / {F(r.ReceiptToAllAcknowledgedMs.P99)} | " +
                $"{F(c.GetValueOrDefault("gateway"))} / {F(c.GetValueOrDefault("driver+fake-erps"))} / {F(c.GetValueOrDefault("postgres"))} / {F(c.GetValueOrDefault("rabbitmq"))} |");
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
