using System.Diagnostics;
using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Application.Telemetry;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Application.Instances;
using Gateway.Routing.Lifecycle;
using MassTransit;

namespace Gateway.Messaging;

/// <summary>
/// Publishes what the intake committed to the outbox. Rows are claimed with a short lease (and
/// <c>SKIP LOCKED</c> on PostgreSQL), published with the row id as message id, then marked. A crash between
/// publish and mark re-publishes the same message id later; consumers are idempotent by dispatch state. Claims name this
/// instance: a peer takes them over as soon as this instance stops beating, and they are renewed while a publish waits.
/// </summary>
public sealed class OutboxRelay(
    IOutboxStore store, IParkedRowStore parked,
    IInstanceStore instances,
    GatewayInstance instance,
    ISendEndpointProvider sendEndpoints,
    DispatchQueues queues,
    OutboxSignal signal,
    GatewaySettings settings,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                if (published > 0) continue; // more may be waiting
                await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox relay failed; retrying in {Delay}", settings.OutboxPollInterval);
                await Task.Delay(settings.OutboxPollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> rows, publishes them all at once (the broker confirms them in a pipeline
    /// rather than one round trip each) and marks the published ones in one statement. A row whose publish failed
    /// is released and published again on the next pass.
    /// </summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await store.ClaimOutboxAsync(instance.Id, BatchSize, now.ToUnixTimeMilliseconds(), (now + Lease).ToUnixTimeMilliseconds(), cancellationToken);
        if (rows.Count == 0) return 0;
        var claimed = rows.Select(r => r.MessageId).ToList();
        (string MessageId, Exception? Error)[] outcomes;
        await using (LeaseRenewal.Start(Lease, c => instances.RenewOutboxClaimsAsync(claimed, (clock.GetUtcNow() + Lease).ToUnixTimeMilliseconds(), c),
                         logger, $"{claimed.Count} outbox messages"))
            outcomes = await Task.WhenAll(rows.Select(async row =>
            {
                try
                {
                    await PublishAsync(row, cancellationToken);
                    return (row.MessageId, Error: (Exception?)null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return (row.MessageId, Error: ex);
                }
            }));
        // A row that can never be published (malformed payload, unknown type) is parked and marked done, so it is not
        // claimed again on every pass; the others go on.
        foreach (var (messageId, malformed) in outcomes.Where(o => IsMalformed(o.Error)))
        {
            logger.LogError("Outbox message {MessageId} cannot be published and is parked: {Problem}", messageId, malformed!.Message);
            await parked.ParkAsync(new ParkedRow
            {
                Kind = ParkedRowKind.OutboxMessage, RowId = messageId, Reason = ParkedReason.MalformedPayload, Detail = malformed.Message,
                ParkedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken);
        }
        outcomes = outcomes.Select(o => IsMalformed(o.Error) ? (o.MessageId, null) : o).ToArray();
        var published = outcomes.Where(o => o.Error is null).Select(o => o.MessageId).ToList();
        await store.MarkOutboxPublishedAsync(published, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        // A failed publish (broker node lost mid-batch) is tried again on the next pass, not after the claim runs out.
        await instances.ReleaseOutboxClaimsAsync(outcomes.Where(o => o.Error is not null).Select(o => o.MessageId).ToList(), cancellationToken);
        if (outcomes.FirstOrDefault(o => o.Error is not null).Error is { } error)
            throw new InvalidOperationException($"{rows.Count - published.Count} of {rows.Count} outbox messages were not published", error);
        return rows.Count;
    }

    private const int BatchSize = 200;

    private static bool IsMalformed(Exception? error) => error is JsonException or FormatException or InvalidDataException;

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var messageId = Guid.Parse(row.MessageId);
        switch (row.MessageType)
        {
            case nameof(SendDispatch):
                var message = JsonSerializer.Deserialize<SendDispatch>(row.Payload, GatewayJson.Options)
                              ?? throw new InvalidDataException($"outbox row {row.MessageId} has an empty payload");
                using (var activity = GatewayTracing.StartContinuing("gateway.outbox.publish", ActivityKind.Producer, message.TraceParent))
                {
                    activity?.SetTag("gateway.dispatch_id", message.DispatchId);
                    activity?.SetTag("gateway.counterpart", message.CounterpartId);
                    var endpoint = await sendEndpoints.GetSendEndpoint(queues.AddressFor(message.CounterpartId));
                    await endpoint.Send(message, context => context.MessageId = messageId, cancellationToken);
                }
                break;
            case nameof(NotifyPortal):
                var notify = JsonSerializer.Deserialize<NotifyPortal>(row.Payload, GatewayJson.Options)
                             ?? throw new InvalidDataException($"outbox row {row.MessageId} has an empty payload");
                var callbacks = await sendEndpoints.GetSendEndpoint(queues.PortalCallbacksAddress);
                await callbacks.Send(notify, context => context.MessageId = messageId, cancellationToken);
                break;
            default:
                throw new InvalidDataException($"outbox row {row.MessageId} has unknown message type {row.MessageType}");
        }
    }
}
