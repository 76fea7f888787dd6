using Gateway.Host.Configuration;

namespace Gateway.Host.Messaging;

/// <summary>
/// One queue per counterpart, so a slow or failing utility never holds up another's work orders. The optional
/// <c>Gateway:Bus:QueuePrefix</c> separates deployments that share one broker (staging and production, or test runs).
/// </summary>
public sealed class DispatchQueues(GatewaySettings settings)
{
    public string NameFor(string counterpartId) => $"{settings.BusQueuePrefix}dispatch-{counterpartId}";

    /// <summary>
    /// Where to send. On RabbitMQ this is the queue's exchange (the receive endpoint binds its quorum queue to it);
    /// a <c>queue:</c> address would make the sender declare the queue itself, as a classic queue, and clash.
    /// </summary>
    public Uri AddressFor(string counterpartId) =>
        new(settings.Transport == TransportKind.RabbitMq ? $"exchange:{NameFor(counterpartId)}" : $"queue:{NameFor(counterpartId)}");
}
