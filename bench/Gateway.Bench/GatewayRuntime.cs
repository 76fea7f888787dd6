using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Gateway.Bench;

/// <summary>The gateway's runtime counters (<c>GET /api/admin/runtime</c>): JIT time, and the GC's collections and pauses.</summary>
public sealed record GatewayRuntime(double JitMs, IReadOnlyList<int> Collections, double GcPauseMs)
{
    public static async Task<GatewayRuntime> ReadAsync(Uri gateway, string adminToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var view = JsonNode.Parse(await http.GetStringAsync("/api/admin/runtime"))!;
        return new GatewayRuntime((double)view["jitCompilationMilliseconds"]!,
            view["gcCollections"]!.AsArray().Select(n => (int)n!).ToList(), (double)view["gcPauseMilliseconds"]!);
    }

    /// <summary>What the GC did between <paramref name="start"/> and this reading.</summary>
    public GcDuringRun GcSince(GatewayRuntime start) =>
        new(Collections.Zip(start.Collections, (now, then) => now - then).ToList(), Math.Round(GcPauseMs - start.GcPauseMs));
}

/// <summary>The gateway's collections per generation (0, 1, 2) and its total GC pause over the measured run.</summary>
public sealed record GcDuringRun(IReadOnlyList<int> Collections, double PauseMs);
