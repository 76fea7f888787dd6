using System.Diagnostics;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>Issue 6, done-when 4: RabbitMQ stops mid-run and comes back.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private const int Applications = 240;
    private static readonly TimeSpan MinimumOutage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Intake_keeps_answering_while_RabbitMQ_is_down_and_everything_is_delivered_once_it_is_back()
    {
        var broker = RabbitMqNode.FromEnvironment();
        var log = new PhaseLog(output);
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        await deployment.StartAsync("A");
        await deployment.StartAsync("B");
        log.Mark("both instances ready");
        await AssertReadyAsync(deployment, broker: "Healthy");
        var pusher = new ZhejiangPusher(() => deployment.Instances);
        var applications = ZhejiangPusher.NewApplications(Applications);
        var third = Applications / 3;

        var accepted = (await pusher.PushAllAsync(applications.Take(third).ToList())).ToList();
        IReadOnlyList<AcceptedApplication> duringOutage;
        long unpublishedDuringOutage;
        var outage = Stopwatch.StartNew();
        await broker.StopAsync();
        log.Mark($"{accepted.Count} applications accepted; RabbitMQ stopped");
        try
        {
            duringOutage = await pusher.PushAllAsync(applications.Skip(third).Take(third).ToList());
            if (outage.Elapsed < MinimumOutage) await Task.Delay(MinimumOutage - outage.Elapsed);
            unpublishedDuringOutage = await UnpublishedOutboxAsync(deployment);
            log.Mark($"{duringOutage.Count} applications accepted while RabbitMQ is down; {unpublishedDuringOutage} outbox messages waiting");
            Assert.Empty(await AcknowledgedAsync(deployment, duringOutage));
            // Still ready (200): intake works and the outbox holds the messages; the broker check says Degraded.
            await AssertReadyAsync(deployment, broker: "Degraded");
        }
        finally
        {
            await broker.StartAsync();
            log.Mark("RabbitMQ started again");
        }
        accepted.AddRange(duringOutage);
        accepted.AddRange(await pusher.PushAllAsync(applications.Skip(2 * third).ToList()));

        Assert.Equal(0, pusher.Retries);
        Assert.True(unpublishedDuringOutage >= duringOutage.Sum(a => a.Dispatches.Count),
            $"only {unpublishedDuringOutage} outbox messages waited during the outage for {duringOutage.Sum(a => a.Dispatches.Count)} new dispatches");
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(120));
        log.Mark($"{accepted.Count} applications accepted, all dispatches acknowledged");
        await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: true);
    }

    /// <summary>/health/ready answers 200 on every instance, with the store Healthy and the broker as given.</summary>
    private static async Task AssertReadyAsync(MultiInstanceDeployment deployment, string broker)
    {
        foreach (var instance in deployment.Instances)
        {
            using var response = await instance.Http.GetAsync("/health/ready");
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, $"{instance.Name}: /health/ready answered {(int)response.StatusCode}: {body.ToJsonString()}");
            Assert.Equal("Healthy", (string?)body["checks"]!["store"]!["status"]);
            Assert.Equal(broker, (string?)body["checks"]!["broker"]!["status"]);
        }
    }

    private static async Task<long> UnpublishedOutboxAsync(MultiInstanceDeployment deployment)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
    }

    /// <summary>Dispatches of these applications that a counterpart acknowledged: none can be while no message can move.</summary>
    private static async Task<IReadOnlyList<string>> AcknowledgedAsync(MultiInstanceDeployment deployment, IReadOnlyList<AcceptedApplication> applications)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var ids = applications.SelectMany(a => a.Dispatches).Select(d => d.DispatchId).ToArray();
        return (await db.QueryAsync<string>("SELECT dispatch_id FROM dispatches WHERE status = 'ACKNOWLEDGED' AND dispatch_id = ANY(@ids)", new { ids })).ToList();
    }
}
