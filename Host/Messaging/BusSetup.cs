using System.Globalization;
using Gateway.Application.Callbacks;
using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Routing.Regions;
using MassTransit;

using Microsoft.Extensions.Options;

namespace Gateway.Messaging;

/// <summary>
/// MassTransit wiring: in-memory (embedded) or RabbitMQ (production), one receive endpoint per counterpart
/// with its own prefetch and concurrency (<c>Gateway:Counterparts:&lt;id&gt;:Prefetch</c> / <c>:ConcurrencyLimit</c>,
/// defaults under <c>Gateway:CounterpartDefaults</c>). On RabbitMQ the queues are durable quorum queues and
/// every publish waits for the broker's confirm.
/// </summary>
public static class BusSetup
{
    public static IServiceCollection AddGatewayBus(this IServiceCollection services, GatewaySettings settings, RegionCatalog regions)
    {
        var queues = new DispatchQueues(settings);
        services.AddSingleton(queues);
        services.AddSingleton<ParsedCaseDocuments>();
        // Receive endpoints (and so the queue bindings) exist before the outbox relay starts sending.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<SendDispatchConsumer>();
            bus.AddConsumer<PortalCallbackConsumer>();
            if (settings.Transport == TransportKind.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(settings.RabbitMqConnectionString!), h =>
                    {
                        h.PublisherConfirmation = true;
                        // Every node of the cluster: when the connected node goes away the bus reconnects to another by itself.
                        if (settings.RabbitMqClusterNodes.Count > 0) h.UseCluster(c => { foreach (var node in settings.RabbitMqClusterNodes) c.Node(node); });
                    });
                    foreach (var counterpart in regions.Counterparts)
                        cfg.ReceiveEndpoint(queues.NameFor(counterpart.Id), e =>
                        {
                            e.SetQuorumQueue();
                            Configure(e, context, counterpart.Id);
                        });
                    cfg.ReceiveEndpoint(queues.PortalCallbacks, e =>
                    {
                        e.SetQuorumQueue();
                        ConfigureCallbacks(e, context);
                    });
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    // Within one process a message needs no envelope (sender host, type list, addresses): the body alone, its
                    // id and headers beside it, cost the embedded gateway 6–10 % less CPU per case (docs/performance.md,
                    // eleventh round). RabbitMQ keeps the envelope: instances of two versions may share its queues.
                    cfg.UseRawJsonSerializer(RawSerializerOptions.Default, isDefault: true);
                    foreach (var counterpart in regions.Counterparts)
                        cfg.ReceiveEndpoint(queues.NameFor(counterpart.Id), e => Configure(e, context, counterpart.Id));
                    cfg.ReceiveEndpoint(queues.PortalCallbacks, e => ConfigureCallbacks(e, context));
                });
            }
        });
        return services;
    }

    private static void ConfigureCallbacks(IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context)
    {
        endpoint.ConcurrentMessageLimit = 8;
        endpoint.UseMessageRetry(r => r.Intervals(500, 2000, 5000));
        endpoint.ConfigureConsumer<PortalCallbackConsumer>(context);
    }

    private static void Configure(IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context, string counterpartId)
    {
        var options = context.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var own = options.Counterparts.GetValueOrDefault(counterpartId);
        endpoint.PrefetchCount = own?.Prefetch ?? options.CounterpartDefaults.Prefetch ?? 16;
        endpoint.ConcurrentMessageLimit = own?.ConcurrencyLimit ?? options.CounterpartDefaults.ConcurrencyLimit ?? 4;
        // Store hiccups (not counterpart answers, which the consumer records itself) get a few quick retries
        // before the message goes to the endpoint's _error queue.
        endpoint.UseMessageRetry(r => r.Intervals(500, 2000, 5000));
        endpoint.ConfigureConsumer<SendDispatchConsumer>(context);
    }
}
