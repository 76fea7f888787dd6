using System.Text.Json.Nodes;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Spectre.Console;

namespace Gateway.Cli;

/// <summary>
/// A live display of a bulk replay until the batch settles: how many messages were replayed, failed again, and are
/// still being sent. It polls the failed-message list; a replay that fails again is PENDING once more.
/// </summary>
public static class ReplayProgress
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Ids of the pending messages a replay of this counterpart (and reason) will take.</summary>
    public static async Task<HashSet<string>> PendingIdsAsync(AdminApiClient api, string counterpartId, string? reason, CancellationToken ct)
    {
        var query = $"/api/admin/failed-messages?status={WireName.Of(FailedMessageStatus.Pending)}&pageSize=500&counterpartId={Uri.EscapeDataString(counterpartId)}";
        if (reason is not null) query += $"&reason={Uri.EscapeDataString(reason)}";
        var reply = await api.GetAsync(query, ct);
        return reply.Ok ? reply.Json!["items"]!.AsArray().Select(m => (string)m!["id"]!).ToHashSet() : [];
    }

    /// <returns>0 when every message was replayed, 1 when some failed again or had not settled within <paramref name="wait"/>.</returns>
    public static async Task<int> FollowAsync(AdminApiClient api, string counterpartId, HashSet<string> ids, TimeSpan wait, CancellationToken ct)
    {
        (int Replayed, int Failed, int Remaining) counts = (0, 0, ids.Count);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async display =>
            {
                var task = display.AddTask(Describe(counts), maxValue: Math.Max(1, ids.Count));
                // Elapsed time on the monotonic clock: how long to follow the batch, not what day it is.
                var started = TimeProvider.System.GetTimestamp();
                while (counts.Remaining > 0 && TimeProvider.System.GetElapsedTime(started) < wait)
                {
                    await Task.Delay(Poll, ct);
                    counts = await CountAsync(api, counterpartId, ids, ct) ?? counts;
                    task.Value = counts.Replayed + counts.Failed;
                    task.Description = Describe(counts);
                }
                task.StopTask();
            });
        AnsiConsole.MarkupLine(Markup.Escape($"replayed {counts.Replayed}, failed again {counts.Failed}, still sending {counts.Remaining}"));
        return counts.Failed == 0 && counts.Remaining == 0 ? 0 : 1;
    }

    private static string Describe((int Replayed, int Failed, int Remaining) c) =>
        $"[green]replayed {c.Replayed}[/] · [red]failed {c.Failed}[/] · remaining {c.Remaining}";

    private static async Task<(int, int, int)?> CountAsync(AdminApiClient api, string counterpartId, HashSet<string> ids, CancellationToken ct)
    {
        var reply = await api.GetAsync($"/api/admin/failed-messages?pageSize=500&counterpartId={Uri.EscapeDataString(counterpartId)}", ct);
        if (!reply.Ok) return null;
        int replayed = 0, failed = 0, remaining = 0;
        foreach (var m in reply.Json!["items"]!.AsArray().OfType<JsonObject>().Where(m => ids.Contains((string)m["id"]!)))
            switch (WireName.TryParse<FailedMessageStatus>((string?)m["status"], out var status) ? status : FailedMessageStatus.Replaying)
            {
                case FailedMessageStatus.Replayed: replayed++; break;
                case FailedMessageStatus.Pending or FailedMessageStatus.Discarded: failed++; break;
                default: remaining++; break;
            }
        return (replayed, failed, remaining);
    }
}
