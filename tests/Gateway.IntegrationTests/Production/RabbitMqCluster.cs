namespace Gateway.IntegrationTests.Production;

/// <summary>
/// The three-node RabbitMQ cluster ./test.sh starts (scripts/test-rabbitmq-cluster.sh): its AMQP URI (node 1), every
/// node's address, and rabbitmqctl per node. <c>stop_app</c> closes a node's connections and AMQP port and takes its
/// quorum-queue members down; <c>start_app</c> brings it back into the cluster.
/// </summary>
public sealed class RabbitMqCluster
{
    private readonly ControlScript _ctl;

    private RabbitMqCluster(string uri, string nodes, ControlScript ctl)
    {
        Uri = uri;
        Nodes = nodes;
        _ctl = ctl;
    }

    public string Uri { get; }
    /// <summary><c>host:port</c> of every node, comma-separated, as <c>Gateway:Bus:ClusterNodes</c> takes them.</summary>
    public string Nodes { get; }

    public static RabbitMqCluster FromEnvironment() => new(
        Require("GATEWAY_TEST_RABBITMQ_CLUSTER"), Require("GATEWAY_TEST_RABBITMQ_CLUSTER_NODES"),
        ControlScript.FromEnvironment("GATEWAY_TEST_RABBITMQ_CLUSTER_CTL"));

    private static string Require(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{variable} is not set: run ./test.sh, which starts a three-node RabbitMQ cluster for this test");

    public Task StopAsync(int node) => _ctl.RunAsync(node.ToString(System.Globalization.CultureInfo.InvariantCulture), "stop_app");

    public async Task StartAsync(int node)
    {
        var n = node.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _ctl.RunAsync(n, "start_app");
        await _ctl.RunAsync(n, "await_startup", "--timeout", "60");
    }

    /// <summary>rabbitmqctl cluster_status as node 1 sees it, for a failure message.</summary>
    public async Task<string> StatusAsync()
    {
        try { return await _ctl.RunAsync("1", "cluster_status"); }
        catch (Exception ex) { return ex.Message; }
    }

    /// <summary>Client connections per node (1-3), asked of a running node: the AMQP port a connection came in on names its node.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ConnectionsByNodeAsync(int askNode)
    {
        var ports = Nodes.Split(',').Select(n => n[(n.LastIndexOf(':') + 1)..]).ToList();
        var text = await _ctl.RunAsync(askNode.ToString(System.Globalization.CultureInfo.InvariantCulture), "list_connections", "port", "--silent");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(port => ports.IndexOf(port) + 1).Where(i => i > 0).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Quorum queues whose name starts with <paramref name="prefix"/>, with how many members each has.</summary>
    public async Task<IReadOnlyDictionary<string, int>> QuorumMembersAsync(int askNode, string prefix)
    {
        var text = await _ctl.RunAsync(askNode.ToString(System.Globalization.CultureInfo.InvariantCulture), "list_queues", "name", "type", "members", "--silent");
        var members = new Dictionary<string, int>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = line.Split('\t');
            if (columns.Length < 3 || !columns[0].StartsWith(prefix, StringComparison.Ordinal) || columns[1] != "quorum") continue;
            members[columns[0]] = columns[2].Split(',').Count(m => m.Contains('@'));
        }
        return members;
    }
}
