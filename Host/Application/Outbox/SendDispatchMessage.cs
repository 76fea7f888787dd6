using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;

using Gateway.Contracts;

namespace Gateway.Application.Outbox;

/// <summary>The outbox row that asks for one dispatch to be sent; a fresh message id each time it is written.</summary>
public static class SendDispatchMessage
{
    public static OutboxRow For(DispatchRow dispatch, long now) => new()
    {
        MessageId = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now)).ToString(),
        MessageType = nameof(SendDispatch),
        Payload = JsonSerializer.Serialize(new SendDispatch(dispatch.DispatchId, dispatch.CaseId, dispatch.CounterpartId, WireName.Of(dispatch.Kind), Telemetry.GatewayTracing.CurrentTraceParent()), GatewayJson.Options),
        CreatedAt = now,
    };
}
