using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Failed messages: listing, grouping, inspecting, replaying and discarding them.</summary>
public interface IFailedMessageStore
{
    Task<(IReadOnlyList<FailedMessageRow> Items, int Total)> ListFailedAsync(FailedQuery query, CancellationToken cancellationToken);
    Task<IReadOnlyList<FailedGroupRow>> GroupFailedAsync(FailedMessageStatus status, CancellationToken cancellationToken);
    Task<(FailedMessageRow Row, IReadOnlyList<AttemptRecord> Attempts)?> GetFailedAsync(string id, CancellationToken cancellationToken);
    /// <summary>Re-queues the selected PENDING failed messages under their original ids; returns the ids taken.</summary>
    Task<IReadOnlyList<string>> ReplayFailedAsync(ReplaySelection selection, string operatorName, long now, long leaseUntil,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken);
    Task<bool> DiscardFailedAsync(string id, string reason, string operatorName, long now, CancellationToken cancellationToken);
}
