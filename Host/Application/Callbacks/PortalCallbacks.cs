using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Callbacks;

/// <summary>
/// Builds portal callback rows and the outbox message that delivers each one. Written in the same transaction
/// as the change they report, so a portal hears of every change exactly once (the event id is the key). A portal
/// without a callback URL gets its rows RECORDED at once and no message (<see cref="PortalCallbackTargets"/>).
/// </summary>
public static class PortalCallbacks
{
    public static (PortalCallbackRow Callback, OutboxRow? Message) Create(PortalCallbackTargets targets, CaseRow @case, DispatchRow? dispatch,
        string @event, long at, string? detail, FeeListNotice? feeList = null)
    {
        var at8 = DateTimeOffset.FromUnixTimeMilliseconds(at).ToOffset(TimeSpan.FromHours(8));
        var eventId = $"evt-{Guid.CreateVersion7(at8):N}";
        var body = new PortalEvent(eventId, @case.PortalApplicationNo, @case.CaseId, @event, dispatch?.Service, dispatch?.CounterpartId, at8, detail, feeList);
        var callback = new PortalCallbackRow
        {
            EventId = eventId,
            CaseId = @case.CaseId,
            Portal = @case.Portal,
            Event = @event,
            Payload = JsonSerializer.Serialize(body, GatewayJson.Options),
            Status = CallbackStatus.Pending,
            CreatedAt = at,
        };
        if (!targets.Sends(@case.Portal))
        {
            callback.Status = CallbackStatus.Recorded;
            return (callback, null);
        }
        var message = new OutboxRow
        {
            MessageId = Guid.CreateVersion7(at8).ToString(),
            MessageType = nameof(NotifyPortal),
            Payload = JsonSerializer.Serialize(new NotifyPortal(eventId, @case.Portal), GatewayJson.Options),
            CreatedAt = at,
        };
        return (callback, message);
    }
}
