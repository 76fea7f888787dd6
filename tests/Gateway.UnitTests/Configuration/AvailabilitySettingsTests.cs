using Gateway.Application.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gateway.UnitTests.Configuration;

/// <summary>Startup validation of Gateway:Instances:* and Gateway:Bus:ClusterNodes: each bad value is named.</summary>
public sealed class AvailabilitySettingsTests
{
    private static IConfigurationSection Gateway(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Gateway:" + v.Key, v.Value))).Build()
            .GetSection("Gateway");

    [Fact]
    public void Defaults_are_a_one_second_heartbeat_and_five_seconds_to_stale()
    {
        var problems = new List<string>();
        Assert.Equal(InstanceOptions.Default, InstanceOptions.Read(Gateway(), problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("1000", "2999", "at least three heartbeats")]
    [InlineData("50", "5000", "HeartbeatMilliseconds: '50'")]
    [InlineData("1000", "five", "StaleMilliseconds: 'five'")]
    public void Bad_instance_settings_are_named(string heartbeat, string stale, string expected)
    {
        var problems = new List<string>();
        InstanceOptions.Read(Gateway(("Instances:HeartbeatMilliseconds", heartbeat), ("Instances:StaleMilliseconds", stale)), problems);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_nodes_are_host_port_pairs_for_RabbitMq_only()
    {
        var problems = new List<string>();
        Assert.Equal(["127.0.0.1:5672", "mq-b.internal:5673"],
            RabbitMqClusterNodes.Read(Gateway(("Bus:ClusterNodes", "127.0.0.1:5672, mq-b.internal:5673")), TransportKind.RabbitMq, problems));
        Assert.Empty(problems);

        RabbitMqClusterNodes.Read(Gateway(("Bus:ClusterNodes", "mq-a,mq-b:99999")), TransportKind.RabbitMq, problems);
        Assert.Equal(2, problems.Count);
        RabbitMqClusterNodes.Read(Gateway(("Bus:ClusterNodes", "mq-a:5672")), TransportKind.InMemory, problems);
        Assert.Contains(problems, p => p.Contains("not RabbitMq", StringComparison.Ordinal));
    }
}
