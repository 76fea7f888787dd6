using System.Diagnostics;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Issue 6, done-when 3: one of two instances is SIGKILLed mid-run and started again. Issue 16, done-when 1: with the send
/// lease at its production 180 s, every work order open at the kill is acknowledged within 30 s of it — the survivor takes
/// over the dead instance's sends as soon as its heartbeat is stale — and reaches its counterpart once (2xx once, any
/// repeat a 409 under the same key).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class InstanceCrashTests(ITestOutputHelper output)
{
    private const int Applications = 300;
    private const int BeforeRestart = 180;
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_instance_killed_mid_run_and_restarted_loses_no_case_sends_no_work_order_twice_and_keeps_every_deadline()
    {
        var log = new PhaseLog(output, "SIGKILL");
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        await deployment.StartAsync("A");
        await deployment.StartAsync("B");
        log.Mark("both instances ready");
        var pusher = new ZhejiangPusher(() => deployment.Instances);
        var applications = ZhejiangPusher.NewApplications(Applications);
        var pushing = pusher.PushAllAsync(applications.Take(BeforeRestart).ToList());

        await WaitUntilAsync(() => pusher.Accepted >= BeforeRestart / 3, pushing);
        // Kill B while it holds a send: sends are quick, so a fixed moment can fall between the relay's batches.
        await WaitUntilSendingAsync(deployment, deployment["B"].Pid, TimeSpan.FromSeconds(20));
        deployment["B"].Crash();
        var sinceKill = Stopwatch.StartNew();
        var acceptedAtCrash = pusher.Accepted;
        var openAtCrash = await OpenDispatchesAsync(deployment);
        log.Mark($"B killed with {acceptedAtCrash} applications accepted and {openAtCrash.Count} dispatches open, " +
                 $"{openAtCrash.Count(d => d.Status == "SENT")} of them being sent ({string.Join(", ", openAtCrash.Where(d => d.Status == "SENT")
                     .GroupBy(d => d.LeaseHolder).Select(g => $"{g.Count()} by {g.Key}"))})");
        var takeover = WaitUntilAcknowledgedAsync(deployment, openAtCrash.Select(d => d.DispatchId).ToArray(), sinceKill);
        // A alone takes the rest of the first part; then B comes back on the same store and queues and takes its share.
        var accepted = (await pushing).ToList();
        var tookOver = await takeover;
        log.Mark($"all {openAtCrash.Count} dispatches open at the kill acknowledged {tookOver.TotalSeconds:0.0}s after it (limit {TakeoverLimit.TotalSeconds:0}s)");
        await deployment.StartAsync("B");
        log.Mark($"B restarted with {pusher.Accepted} applications accepted");
        var afterRestart = await pusher.PushAllAsync(applications.Skip(BeforeRestart).ToList());
        accepted.AddRange(afterRestart);
        log.Mark($"{accepted.Count} applications accepted, {pusher.Retries} pushes retried on the other instance");

        Assert.True(openAtCrash.Count(d => d.Status == "SENT") > 0, "no dispatch was being sent when B was killed, so the crash proved nothing");
        Assert.True(tookOver <= TakeoverLimit, $"the dispatches open at the kill took {tookOver.TotalSeconds:0.0}s to be acknowledged");
        Assert.Contains(afterRestart, a => a.AcceptedBy == "B");
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(150));
        log.Mark("all dispatches acknowledged");
        await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));
        // Work orders B was sending when it died are sent again under the same key: the counterpart answers 409.
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: false);
        await DeliveryAssertions.AssertEveryInstanceSeesAllCasesAsync(deployment, Applications);
        log.Mark($"figures: pushed {Applications}, accepted {accepted.Count}, work orders {accepted.Sum(a => a.Dispatches.Count)} " +
                 $"(each created once), repeats answered 409 {deployment.Fakes.Values.Sum(f => f.Received.Count(r => r.Answer.Status == 409))}, " +
                 $"time to recover {tookOver.TotalSeconds:0.0}s (all {openAtCrash.Count} dispatches open at the kill acknowledged; lease 180 s)");
    }

    private sealed record OpenDispatch(string DispatchId, string Status, string? LeaseHolder);

    /// <summary>Polls (briefly) until the instance of that process holds at least one send; returns regardless after <paramref name="limit"/>.</summary>
    private static async Task WaitUntilSendingAsync(MultiInstanceDeployment deployment, int pid, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        while (waited.Elapsed < limit
               && await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dispatches WHERE status = 'SENT' AND lease_holder LIKE @holder",
                   new { holder = $"%-{pid}-%" }) == 0)
            await Task.Delay(5);
    }

    private static async Task<IReadOnlyList<OpenDispatch>> OpenDispatchesAsync(MultiInstanceDeployment deployment)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        return (await db.QueryAsync<OpenDispatch>(
            "SELECT dispatch_id AS DispatchId, status AS Status, lease_holder AS LeaseHolder FROM dispatches WHERE status <> 'ACKNOWLEDGED'")).ToList();
    }

    /// <summary>Polls until every one of <paramref name="ids"/> is ACKNOWLEDGED; the time on <paramref name="sinceKill"/> then, or past the limit.</summary>
    private static async Task<TimeSpan> WaitUntilAcknowledgedAsync(MultiInstanceDeployment deployment, string[] ids, Stopwatch sinceKill)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        while (sinceKill.Elapsed <= TakeoverLimit + TimeSpan.FromSeconds(30))
        {
            var open = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dispatches WHERE dispatch_id = ANY(@ids) AND status <> 'ACKNOWLEDGED'", new { ids });
            if (open == 0) return sinceKill.Elapsed;
            await Task.Delay(200);
        }
        return sinceKill.Elapsed;
    }

    /// <summary>Waits for progress of the push run; fails at once if the run itself failed.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, Task pushing)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (pushing.IsFaulted) await pushing;
            Assert.True(DateTime.UtcNow < deadline, "the push run made no progress within 60s");
            await Task.Delay(20);
        }
    }
}
