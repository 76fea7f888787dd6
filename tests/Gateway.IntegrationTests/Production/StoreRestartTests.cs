using System.Diagnostics;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Issue 16, done-when 2: PostgreSQL is restarted (<c>pg_ctl stop -m fast</c>, then <c>start</c>) while two instances take a stream of
/// applications. While the store is down intake answers 503 with Retry-After (never 500), /health/ready says so, no case
/// is stored in part, and afterwards everything is delivered: each work order created once.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class StoreRestartTests(ITestOutputHelper output)
{
    private const int Applications = 240;

    [Fact]
    public async Task While_PostgreSQL_restarts_intake_answers_503_with_Retry_After_ready_says_so_and_everything_continues_afterwards()
    {
        var postgres = ControlScript.FromEnvironment("GATEWAY_TEST_POSTGRES_CTL");
        var log = new PhaseLog(output, "PostgreSQL restart");
        var clock = Stopwatch.StartNew();
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        await Task.WhenAll(deployment.StartAsync("A"), deployment.StartAsync("B"));
        log.Mark("both instances ready");
        var pusher = new ZhejiangPusher(() => deployment.Instances) { HonourUnavailable = true };
        var applications = ZhejiangPusher.NewApplications(Applications);

        IReadOnlyList<AcceptedApplication> accepted;
        TimeSpan restartedAt, restartTook;
        await using (var readiness = ReadinessWatch.Start(() => deployment.Instances, clock))
        {
            var pushing = pusher.PushAllAsync(applications);
            await WaitUntilAsync(() => pusher.Accepted >= Applications / 3, pushing);
            restartedAt = clock.Elapsed;
            // Stopped until a push has met it down (at most 10 s), then started: a bare `restart` is down for well under a
            // second, and the gateway rides out much of that (a batch that fails on a connection the restart cut is written
            // again on its own), so whether any push met the store down was left to chance.
            await postgres.RunAsync("stop");
            var downSince = Stopwatch.StartNew();
            while (pusher.Unavailable == 0 && downSince.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
            // Its port, as scripts/test-services.sh started it (`restart` reuses the options; `start` needs them again).
            await postgres.RunAsync("-o", $"-p {new NpgsqlConnectionStringBuilder(deployment.StoreConnectionString).Port}", "start");
            restartTook = clock.Elapsed - restartedAt;
            // This test process's own pooled connections were cut too: drop them, or the next test's first query fails (57P01).
            NpgsqlConnection.ClearAllPools();
            log.Mark($"PostgreSQL restarted (pg_ctl stop -m fast, start: down {restartTook.TotalSeconds:0.0}s) with {pusher.Accepted} applications accepted");
            accepted = await pushing;
            log.Mark($"{accepted.Count} applications accepted; {pusher.Unavailable} pushes answered 503 with Retry-After and retried; " +
                     $"/health/ready not ready {readiness.NotReadyAnswers} times, last {(readiness.LastNotReady - restartedAt)?.TotalSeconds:0.0}s after the restart began");
            Assert.True(readiness.NotReadyAnswers > 0, "no instance ever reported the store down on /health/ready");
            // Ready again on every instance: many rounds of the watch without a not-ready answer.
            var readyDeadline = clock.Elapsed + TimeSpan.FromSeconds(15);
            while (clock.Elapsed - readiness.LastNotReady < TimeSpan.FromSeconds(1) && clock.Elapsed < readyDeadline) await Task.Delay(100);
            Assert.True(clock.Elapsed - readiness.LastNotReady >= TimeSpan.FromSeconds(1), "an instance still reports not ready");
            output.WriteLine($"not-ready answer: {readiness.Sample}");
            Assert.Contains("store", readiness.Sample);
            var readyAgain = readiness.LastNotReady!.Value - restartedAt;
            Assert.True(pusher.Unavailable > 0, "no push met the store down: the restart proved nothing about intake");

            var dispatches = accepted.Sum(a => a.Dispatches.Count);
            await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, dispatches, TimeSpan.FromSeconds(150));
            var allAcknowledged = clock.Elapsed - restartedAt;
            log.Mark("all dispatches acknowledged");
            await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));
            await AssertNoCaseStoredInPartAsync(deployment);
            await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: false);
            await DeliveryAssertions.AssertEveryInstanceSeesAllCasesAsync(deployment, Applications);
            log.Mark($"figures: pushed {Applications}, accepted {accepted.Count} (503 + Retry-After {pusher.Unavailable}, 500 none), " +
                     $"work orders {dispatches} (each created once), repeats answered 409 {deployment.Fakes.Values.Sum(f => f.Received.Count(r => r.Answer.Status == 409))}, " +
                     $"time to recover: PostgreSQL down {restartTook.TotalSeconds:0.0}s, ready again {readyAgain.TotalSeconds:0.0}s, " +
                     $"every work order acknowledged {allAcknowledged.TotalSeconds:0.0}s after the restart began");
        }
    }

    /// <summary>Every stored case has its dispatches, its ACCEPTED timeline entry and its policy: the intake transaction is all or nothing.</summary>
    private static async Task AssertNoCaseStoredInPartAsync(MultiInstanceDeployment deployment)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var partial = (await db.QueryAsync<string>("""
            SELECT c.case_id FROM cases c
            WHERE NOT EXISTS (SELECT 1 FROM dispatches d WHERE d.case_id = c.case_id)
               OR NOT EXISTS (SELECT 1 FROM timeline t WHERE t.case_id = c.case_id AND t.type = 'ACCEPTED')
               OR NOT EXISTS (SELECT 1 FROM case_policies p WHERE p.case_id = c.case_id)
            """)).ToList();
        Assert.True(partial.Count == 0, $"{partial.Count} cases stored in part: {string.Join(", ", partial.Take(10))}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task pushing)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (pushing.IsFaulted) await pushing;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the push run made no progress within 60s");
            await Task.Delay(20);
        }
    }
}
