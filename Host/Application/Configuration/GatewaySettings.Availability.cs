namespace Gateway.Application.Configuration;

/// <summary>Settings for running several instances against one store and a broker cluster (docs/operations.md).</summary>
public sealed partial record GatewaySettings
{
    public InstanceOptions Instances { get; init; } = InstanceOptions.Default;

    /// <summary>RabbitMQ cluster nodes (<c>host:port</c>); empty for a single broker named by the connection string.</summary>
    public IReadOnlyList<string> RabbitMqClusterNodes { get; init; } = [];
}
