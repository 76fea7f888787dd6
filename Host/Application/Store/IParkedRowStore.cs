using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Rows a batch loop could not process, set aside with their reason for operators (GET /api/admin/parked).</summary>
public interface IParkedRowStore
{
    /// <summary>Sets aside a row a batch loop cannot process (a repeat updates reason and time), for operators to see.</summary>
    Task ParkAsync(ParkedRow row, CancellationToken cancellationToken);
    Task<IReadOnlyList<ParkedRow>> ListParkedAsync(CancellationToken cancellationToken);
    /// <summary>Forgets a parked row so its loop tries it again (an outbox message is re-queued); null when none is parked.</summary>
    Task<ParkedRow?> ReleaseParkedAsync(ParkedRowKind kind, string rowId, CancellationToken cancellationToken);
}
