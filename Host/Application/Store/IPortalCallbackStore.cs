using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Callbacks to portals: their state, and re-queuing the ones that failed.</summary>
public interface IPortalCallbackStore
{
    Task<PortalCallbackRow?> GetPortalCallbackAsync(string eventId, CancellationToken cancellationToken);
    Task<IReadOnlyList<PortalCallbackRow>> GetPortalCallbacksAsync(string caseId, CancellationToken cancellationToken);
    Task MarkPortalCallbackAsync(string eventId, CallbackStatus status, long at, string? error, CancellationToken cancellationToken);
    Task<int> RequeueFailedPortalCallbacksAsync(long olderThan, long now, CancellationToken cancellationToken);
}
