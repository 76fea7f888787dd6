using System.Diagnostics;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Issue 16, done-when 2: two instances on a three-node RabbitMQ cluster (every node given in Gateway:Bus:ClusterNodes,
/// quorum queues with a member on each node). A node the instances are not connected to stops and comes back, then the
/// node they are connected to; the gateway reconnects by itself, keeps delivering while a node is down, and every work
/// order reaches its counterpart once.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class BrokerClusterTests(ITestOutputHelper output)
{
    private const int Applications = 160;
    private const int Part = Applications / 4;

    [Fact]
    public async Task On_a_three_node_cluster_the_gateway_rides_out_each_node_stopping_in_turn_and_nothing_is_lost_or_duplicated()
    {
        var cluster = RabbitMqCluster.FromEnvironment();
        var log = new PhaseLog(output, "RabbitMQ cluster");
        await using var deployment = await MultiInstanceDeployment.CreateAsync([$"--Gateway:Bus:ClusterNodes={cluster.Nodes}"], cluster.Uri,
            readyTimeout: TimeSpan.FromSeconds(180));
        // One after the other: the first declares the ~50 quorum queues (each a Raft group on three nodes), the second finds them.
        try
        {
            await deployment.StartAsync("A");
            await deployment.StartAsync("B");
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"an instance did not start on the cluster; cluster status:{Environment.NewLine}{await cluster.StatusAsync()}", ex);
        }
        var members = await cluster.QuorumMembersAsync(1, deployment.QueuePrefix);
        Assert.True(members.Count > 0, "the gateway declared no quorum queue on the cluster");
        Assert.All(members, m => Assert.True(m.Value == 3, $"{m.Key} has {m.Value} members, not one on each of the 3 nodes"));
        var connected = (await cluster.ConnectionsByNodeAsync(1)).Keys.Order().ToList();
        var idle = Enumerable.Range(1, 3).Except(connected).ToList();
        Assert.True(connected.Count > 0 && idle.Count > 0, $"instances connected to nodes [{string.Join(", ", connected)}]: no node to stop first");
        log.Mark($"both instances ready; {members.Count} quorum queues, each with a member on all 3 nodes; instances connected to node {string.Join(", ", connected)}");

        var pusher = new ZhejiangPusher(() => deployment.Instances);
        var applications = ZhejiangPusher.NewApplications(Applications);
        var accepted = (await pusher.PushAllAsync(applications.Take(Part).ToList())).ToList();
        var recoveries = new List<string>();
        var part = 1;
        foreach (var node in new[] { idle[0], connected[0] })
        {
            var sinceStop = Stopwatch.StartNew();
            await cluster.StopAsync(node);
            log.Mark($"node {node} stopped ({(connected.Contains(node) ? "the instances' node" : "a node no instance is connected to")})");
            try
            {
                accepted.AddRange(await pusher.PushAllAsync(applications.Skip(part++ * Part).Take(Part).ToList()));
                // While the node is still down: the gateway delivers on the other two.
                await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, accepted.Sum(a => a.Dispatches.Count), TimeSpan.FromSeconds(120));
                recoveries.Add($"node {node} down: all {accepted.Sum(a => a.Dispatches.Count)} work orders acknowledged {sinceStop.Elapsed.TotalSeconds:0.0}s after the stop");
                log.Mark(recoveries[^1]);
            }
            finally
            {
                await cluster.StartAsync(node);
                log.Mark($"node {node} started again");
            }
        }
        var reconnected = await cluster.ConnectionsByNodeAsync(idle[0]);
        accepted.AddRange(await pusher.PushAllAsync(applications.Skip(part * Part).ToList()));
        var workOrders = accepted.Sum(a => a.Dispatches.Count);
        await DeliveryAssertions.WaitUntilAllAcknowledgedAsync(deployment, workOrders, TimeSpan.FromSeconds(120));
        log.Mark($"{accepted.Count} applications accepted, all dispatches acknowledged; connections now on node {string.Join(", ", reconnected.Keys.Order())}");
        await DeliveryAssertions.WaitUntilOutboxDrainedAsync(deployment, TimeSpan.FromSeconds(90));

        Assert.Equal(0, pusher.Retries);
        Assert.DoesNotContain(connected[0], reconnected.Keys);
        await DeliveryAssertions.AssertEachWorkOrderDeliveredOnceAsync(deployment, accepted, sentOnlyOnce: false);
        log.Mark($"figures: pushed {Applications}, accepted {accepted.Count}, work orders {workOrders} (each created once), " +
                 $"repeats answered 409 {deployment.Fakes.Values.Sum(f => f.Received.Count(r => r.Answer.Status == 409))}, " +
                 $"time to recover: {string.Join("; ", recoveries)}");
    }
}
