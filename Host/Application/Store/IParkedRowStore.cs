namespace Gateway.Application.Store;

/// <summary>Rows a batch loop could not process, set aside with their reason for operators (GET /api/admin/parked).</summary>
public interface IParkedRowStore
{
    /// <summary>Sets aside a row a batch loop cannot process (a repeat updates reason and time), for operators to see.</summary>
    Task ParkAsync(ParkedRow row, CancellationToken cancellationToken);
    Task<IReadOnlyList<ParkedRow>> ListParkedAsync(CancellationToken cancellationToken);
}
