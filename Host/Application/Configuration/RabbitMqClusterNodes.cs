using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gateway.Application.Configuration;

/// <summary>
/// <c>Gateway:Bus:ClusterNodes</c>: every node of a RabbitMQ cluster as <c>host:port</c>, comma-separated. The bus connects to
/// the first that answers and, when that node goes away, reconnects to another by itself. User, password and virtual host
/// still come from <c>ConnectionStrings:RabbitMq</c>.
/// </summary>
public static class RabbitMqClusterNodes
{
    public static IReadOnlyList<string> Read(IConfigurationSection gateway, TransportKind transport, List<string> problems)
    {
        var raw = gateway["Bus:ClusterNodes"];
        if (string.IsNullOrWhiteSpace(raw)) return [];
        if (transport != TransportKind.RabbitMq)
        {
            problems.Add("Gateway:Bus:ClusterNodes: set, but Gateway:Transport is not RabbitMq");
            return [];
        }
        var nodes = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var node in nodes)
        {
            var colon = node.LastIndexOf(':');
            if (colon <= 0 || Uri.CheckHostName(node[..colon]) == UriHostNameType.Unknown
                || !int.TryParse(node[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                problems.Add($"Gateway:Bus:ClusterNodes: '{node}' is not host:port");
        }
        return nodes;
    }
}
