using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>Issue 6, done-when 3: one of two instances is SIGKILLed mid-run and started again.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class InstanceCrashTests(ITestOutputHelper output)
{
    private const int Applications = 300;
    private const int BeforeRestart = 180;

    [Fact]
    public async Task An_instance_killed_mid_run_and_restarted_loses_no_case_sends_no_work_order_twice_and_keeps_every_deadline()
    {
        var log = new PhaseLog(output);
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        await deployment.StartAsync("A");
        await deployment.StartAsync("B");
        log.Mark("both instances ready");
        var pusher = new ZhejiangPusher(() => deployment.Instances);
        var applications = ZhejiangPusher.NewApplications(Applications);
        var pushing = pusher.PushAllAsync(applications.Take(BeforeRestart).ToList());

        await WaitUntilAsync(() => pusher.Accepted >= BeforeRestart / 3, pushing);
        deployment["B"].Crash();
        var acceptedAtCrash = pusher.Accepted;
        var openAtCrash = await OpenDispatchesAsync(deployment);
        log.Mark($"B killed with {acceptedAtCrash} applications accepted and {openAtCrash} dispatches open");
        // A alone takes the rest of the first part; then B comes back on the same store and queues and takes its share.
        var accepted = (await pushing).ToList();
        await deployment.StartAsync("B");
        log.Mark($"B restarted with {pusher.Accepted} applications accepted");
        var afterRestart = await pusher.PushAllAsync(applications.Skip(BeforeRestart).ToList());
        accepted.AddRange(afterRestart);
        log.Mark($"{accepted.Count} applications accepted, {pusher.Retries} pushes retried on the other instance");

        Assert.True(openAtCrash > 0, "no dispatch was in flight when B was killed, so the crash proved nothing");
        Assert.Contains(afterRestart, a => a.AcceptedBy == "B");
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(150));
        log.Mark("all dispatches acknowledged");
        await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));
        // Work orders B was sending when it died are sent again under the same key: the counterpart answers 409.
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: false);
        log.Mark($"{deployment.Fakes.Values.Sum(f => f.Received.Count(r => r.Answer.Status == 409))} re-sends answered 409");
        await DeliveryAssertions.AssertEveryInstanceSeesAllCasesAsync(deployment, Applications);
    }

    private static async Task<long> OpenDispatchesAsync(MultiInstanceDeployment deployment)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dispatches WHERE status <> 'ACKNOWLEDGED'");
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
