namespace Gateway.Application.Store;

/// <summary>Schema, reachability, gauges and housekeeping.</summary>
public interface IStoreMaintenance
{
    Task MigrateAsync(CancellationToken cancellationToken);
    Task PingAsync(CancellationToken cancellationToken);
    /// <summary>Outbox backlog, pending failed messages and overdue open dispatches, for the gauges.</summary>
    Task<StoreGauges> ReadGaugesAsync(CancellationToken cancellationToken);
    Task<int> DeleteExpiredNoncesAsync(long now, CancellationToken cancellationToken);
}
