using Gateway.Application.Configuration;
using Gateway.Application.Outbox;

namespace Gateway.Messaging;

/// <summary>
/// One queue per counterpart, so a slow or failing utility never holds up another's work orders. The optional
/// <c>Gateway:Bus:QueuePrefix</c> separates deployments that share one broker (staging and production, or test runs).
/// </summary>
public sealed class DispatchQueues(GatewaySettings settings)
{
    public string NameFor(string counterpartId) => $"{settings.BusQueuePrefix}dispatch-{counterpartId}";

    /// <summary>Portal progress callbacks share one queue: they are small and independent of any counterpart.</summary>
    public string PortalCallbacks => $"{settings.BusQueuePrefix}portal-callbacks";

    public Uri PortalCallbacksAddress => Address(PortalCallbacks);

    /// <summary>
    /// Where to send. On RabbitMQ this is the queue's exchange (the receive endpoint binds its quorum queue to it);
    /// a <c>queue:</c> address would make the sender declare the queue itself, as a classic queue, and clash.
    /// </summary>
    public Uri AddressFor(string counterpartId) => Address(NameFor(counterpartId));

    private Uri Address(string queue) => new(settings.Transport == TransportKind.RabbitMq ? $"exchange:{queue}" : $"queue:{queue}");
}
