using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>Issue 6, done-when 2: two gateway processes share one PostgreSQL and one RabbitMQ.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const int Applications = 500;

    [Fact]
    public async Task Two_instances_split_500_applications_and_every_work_order_reaches_its_counterpart_exactly_once()
    {
        var log = new PhaseLog(output);
        await using var deployment = await MultiInstanceDeployment.CreateAsync();
        // Started together: both migrate the same empty database at once.
        await Task.WhenAll(deployment.StartAsync("A"), deployment.StartAsync("B"));
        log.Mark("both instances ready");
        var pusher = new ZhejiangPusher(() => deployment.Instances);

        var accepted = await pusher.PushAllAsync(ZhejiangPusher.NewApplications(Applications));

        log.Mark($"{accepted.Count} applications accepted");
        Assert.Equal(0, pusher.Retries);
        Assert.Equal(Applications / 2, accepted.Count(a => a.AcceptedBy == "A"));
        Assert.Equal(Applications / 2, accepted.Count(a => a.AcceptedBy == "B"));
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(120));
        log.Mark("all dispatches acknowledged");
        await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: true);
        await DeliveryAssertions.AssertEveryInstanceSeesAllCasesAsync(deployment, Applications);
    }
}
