using System.Text.Json;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Callbacks;
using Gateway.Application.Callbacks;
using Gateway.Application.Configuration;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;
using MassTransit;

using Gateway.Contracts.Lifecycle;

using Microsoft.Extensions.Options;

namespace Gateway.Messaging;

/// <summary>
/// Delivers one recorded portal callback. Without <c>Gateway:Portals:&lt;id&gt;:CallbackUrl</c> it stays RECORDED
/// (visible, not sent); a failure after the retry budget is FAILED and re-queued later by the deadline sweeper,
/// so a portal is told until it acknowledges with 2xx.
/// </summary>
public sealed class PortalCallbackConsumer(
    IPortalCallbackStore store, IParkedRowStore parked, PortalCallbackClient client, IOptions<GatewayOptions> options, GatewaySettings settings, TimeProvider clock,
    ILogger<PortalCallbackConsumer> logger) : IConsumer<NotifyPortal>
{
    public async Task Consume(ConsumeContext<NotifyPortal> context)
    {
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // The message names the portal (the callback's own): without a callback URL the row is only marked, in one
        // statement (a callback already SENT or RECORDED is left as it is). Rare: such a portal's callbacks are written
        // RECORDED with no message (PortalCallbackTargets); this is a message written before its URL was removed.
        var portal = options.Value.Portals.GetValueOrDefault(context.Message.Portal);
        var url = portal?.CallbackUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            await store.MarkPortalCallbackAsync(context.Message.EventId, CallbackStatus.Recorded, now, null, ct);
            return;
        }
        var callback = await store.GetPortalCallbackAsync(context.Message.EventId, ct);
        if (callback is null || callback.Status is CallbackStatus.Sent or CallbackStatus.Recorded) return;
        var secret = ConfiguredSecret.Of(portal?.Secret, callback.Portal, settings);
        if (secret is null)
        {
            await store.MarkPortalCallbackAsync(callback.EventId, CallbackStatus.Failed, now, $"Gateway:Portals:{callback.Portal}:Secret is not configured", ct);
            return;
        }

        var endpoint = new CounterpartEndpoint($"portal-{callback.Portal}", new Uri(url), CounterpartProtocol.Rest, secret, Sandbox: false,
            ResilienceSettings.Default with { MaxAttempts = 3 });
        PortalEvent? portalEvent;
        try { portalEvent = JsonSerializer.Deserialize<PortalEvent>(callback.Payload, GatewayJson.Options); }
        catch (JsonException) { portalEvent = null; }
        if (portalEvent is null)
        {
            // Never sendable: park it (the sweeper's retries skip parked callbacks) instead of failing for ever.
            logger.LogError("Callback {EventId} to portal {Portal} has a malformed payload; parked", callback.EventId, callback.Portal);
            await parked.ParkAsync(new ParkedRow
            {
                Kind = ParkedRowKind.PortalCallback, RowId = callback.EventId, CaseId = callback.CaseId, Reason = ParkedReason.MalformedPayload,
                Detail = "the stored callback payload is not a portal event", ParkedAt = now,
            }, ct);
            await store.MarkPortalCallbackAsync(callback.EventId, CallbackStatus.Failed, now, "malformed payload (parked)", ct);
            return;
        }
        var (delivered, error) = await client.SendAsync(callback.Portal, endpoint, portalEvent, ct);
        await store.MarkPortalCallbackAsync(callback.EventId, delivered ? CallbackStatus.Sent : CallbackStatus.Failed, clock.GetUtcNow().ToUnixTimeMilliseconds(), error, ct);
        if (!delivered)
            logger.LogWarning("Callback {EventId} ({Event}) to portal {Portal} failed: {Error}; it will be retried", callback.EventId, callback.Event, callback.Portal, error);
    }
}
