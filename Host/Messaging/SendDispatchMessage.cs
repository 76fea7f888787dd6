using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Contracts.Messages;
using Gateway.Host.Store;

namespace Gateway.Host.Messaging;

/// <summary>The outbox row that asks for one dispatch to be sent; a fresh message id each time it is written.</summary>
public static class SendDispatchMessage
{
    public static OutboxRow For(DispatchRow dispatch, long now) => new()
    {
        MessageId = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now)).ToString(),
        MessageType = nameof(SendDispatch),
        Payload = JsonSerializer.Serialize(new SendDispatch(dispatch.DispatchId, dispatch.CaseId, dispatch.CounterpartId, dispatch.Kind, Telemetry.GatewayTracing.CurrentTraceParent()), GatewayJson.Options),
        CreatedAt = now,
    };
}
