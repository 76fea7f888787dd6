using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Issue 16, done-when 3: every counterpart is slow — each try is answered just inside the per-try timeout, with a 503,
/// several times — so each send lasts well over two send leases. The holder is alive throughout: it renews its lease, its
/// heartbeat stays fresh, and the other instance never sends the same work order.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class SlowCounterpartTests(ITestOutputHelper output)
{
    private const int LeaseSeconds = 5;
    private const int SlowTries = 4; // the circuit breaker needs 5 failures before it may open: these stay below
    private static readonly TimeSpan TryDelay = TimeSpan.FromSeconds(3.5);

    [Fact]
    public async Task A_slow_counterpart_under_a_live_holder_is_never_taken_over_although_the_send_outlasts_the_lease()
    {
        var log = new PhaseLog(output, "slow counterpart");
        await using var deployment = await MultiInstanceDeployment.CreateAsync([
            $"--Gateway:Dispatch:LeaseSeconds={LeaseSeconds}",
            "--Gateway:Instances:HeartbeatMilliseconds=1000",
            "--Gateway:Instances:StaleMilliseconds=4000",
            "--Gateway:CounterpartDefaults:TimeoutSeconds=4",
            $"--Gateway:CounterpartDefaults:Retry:MaxAttempts={SlowTries + 1}",
        ]);
        foreach (var fake in deployment.Fakes.Values) fake.SlowFirstTries(SlowTries, TryDelay);
        await Task.WhenAll(deployment.StartAsync("A"), deployment.StartAsync("B"));
        log.Mark("both instances ready");

        var accepted = await new ZhejiangPusher(() => deployment.Instances).PushAllAsync(ZhejiangPusher.NewApplications(1));
        var dispatches = accepted.SelectMany(a => a.Dispatches).ToList();
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, dispatches.Count, TimeSpan.FromSeconds(90));
        log.Mark($"{dispatches.Count} dispatches acknowledged");

        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var stored = (await db.QueryAsync<(string DispatchId, long Attempts, long SentAt, long AcknowledgedAt, string? LeaseHolder)>(
            "SELECT dispatch_id, CAST(attempts AS BIGINT), sent_at, acknowledged_at, lease_holder FROM dispatches")).ToList();
        var timeline = (await db.QueryAsync<(string Type, string? DispatchId)>("SELECT type, dispatch_id FROM timeline")).ToList();
        var shortest = TimeSpan.FromMilliseconds(stored.Min(d => d.AcknowledgedAt - d.SentAt));
        log.Mark($"sends took {shortest.TotalSeconds:0.0}s to {TimeSpan.FromMilliseconds(stored.Max(d => d.AcknowledgedAt - d.SentAt)).TotalSeconds:0.0}s " +
                 $"against a {LeaseSeconds}s lease; holders: {string.Join(", ", stored.GroupBy(d => d.LeaseHolder).Select(g => $"{g.Count()} by {g.Key}"))}");

        Assert.True(shortest > TimeSpan.FromSeconds(2 * LeaseSeconds), $"a send took only {shortest.TotalSeconds:0.0}s: the lease never had to be renewed");
        foreach (var d in stored)
        {
            Assert.Equal(1, d.Attempts); // one DISPATCH_SENT: nobody took the send over
            Assert.Single(timeline, t => t.DispatchId == d.DispatchId && t.Type == "DISPATCH_SENT");
        }
        Assert.DoesNotContain(timeline, t => t.Type == "DISPATCH_REQUEUED");
        foreach (var fake in deployment.Fakes.Values)
            foreach (var key in dispatches.Where(d => d.CounterpartId == fake.Id).Select(d => d.DispatchId))
            {
                var answers = fake.Received.Where(r => r.Header("Idempotency-Key") == key).OrderBy(r => r.ReceivedAt).Select(r => r.Answer.Status).ToList();
                // The slow tries, then the work order created once; a second sender would show as a 409 or a sixth request.
                Assert.Equal([.. Enumerable.Repeat(503, SlowTries), 201], answers);
            }
        log.Mark($"figures: pushed 1, accepted {accepted.Count}, work orders {dispatches.Count}, each sent by one instance only " +
                 $"({SlowTries} slow 503s then one 201), taken over 0, re-queued 0");
    }
}
