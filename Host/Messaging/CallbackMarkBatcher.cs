using Gateway.Contracts.Lifecycle;
using Gateway.Application.Store;

namespace Gateway.Messaging;

/// <summary>
/// Marks portal callbacks RECORDED (their portal has no callback URL) in batches
/// (<see cref="IPortalCallbackStore.MarkPortalCallbacksRecordedAsync"/>: one statement for the batch).
/// </summary>
public sealed class CallbackMarkBatcher(IPortalCallbackStore store, TimeProvider clock, ILogger<CallbackMarkBatcher> logger)
    : GroupCommit<CallbackMarkBatcher.Request, bool>(logger)
{
    /// <summary>One consumer's callback to mark.</summary>
    public sealed record Request(string EventId);

    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<Request> items)
    {
        await store.MarkPortalCallbacksRecordedAsync(items.Select(r => r.EventId).ToList(), CancellationToken.None);
        return items.Select(_ => Outcome.Of(true)).ToList();
    }

    protected override async Task<bool> RunAloneAsync(Request item, CancellationToken cancellationToken)
    {
        await store.MarkPortalCallbackAsync(item.EventId, CallbackStatus.Recorded, clock.GetUtcNow().ToUnixTimeMilliseconds(), null, cancellationToken);
        return true;
    }
}
