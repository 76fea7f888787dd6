using Dapper;
using Npgsql;

namespace Gateway.IntegrationTests.Production;

/// <summary>Issue 6, done-when 3: one of two instances is SIGKILLed mid-run and started again.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class InstanceCrashTests
{
    private const int Applications = 500;

    [Fact]
    public async Task An_instance_killed_mid_run_and_restarted_loses_no_case_sends_no_work_order_twice_and_keeps_every_deadline()
    {
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        await deployment.StartAsync("A");
        await deployment.StartAsync("B");
        var pusher = new ZhejiangPusher(() => deployment.Instances);
        var pushing = pusher.PushAllAsync(ZhejiangPusher.NewApplications(Applications));

        await WaitUntilAsync(() => pusher.Accepted >= Applications / 4, pushing);
        deployment["B"].Crash();
        var acceptedAtCrash = pusher.Accepted;
        var openAtCrash = await OpenDispatchesAsync(deployment);
        // A alone carries on for a while, then B comes back on the same store and queues.
        await WaitUntilAsync(() => pusher.Accepted >= acceptedAtCrash + Applications / 5, pushing);
        await deployment.StartAsync("B");
        var accepted = await pushing;

        Assert.True(acceptedAtCrash < Applications / 2, $"the crash came too late to be mid-run: {acceptedAtCrash} already accepted");
        Assert.True(openAtCrash > 0, "no dispatch was in flight when B was killed, so the crash proved nothing");
        Assert.Contains(accepted, a => a.AcceptedBy == "B");
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(150));
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted);
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
