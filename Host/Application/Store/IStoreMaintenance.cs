namespace Gateway.Application.Store;

/// <summary>Schema, reachability, gauges and housekeeping.</summary>
public interface IStoreMaintenance
{
    Task MigrateAsync(CancellationToken cancellationToken);
    /// <summary>
    /// Takes the start lock if no other instance holds it; null if one does. Disposing the holder releases it (so does the
    /// end of the process). On a store that one instance uses alone (SQLite) it is always free.
    /// </summary>
    Task<IAsyncDisposable?> TryTakeStartLockAsync(CancellationToken cancellationToken);
    Task PingAsync(CancellationToken cancellationToken);
    /// <summary>Outbox backlog, pending failed messages and overdue open dispatches, for the gauges.</summary>
    Task<StoreGauges> ReadGaugesAsync(CancellationToken cancellationToken);
    /// <summary>Deletes at most <paramref name="max"/> nonces whose replay window has passed; returns how many.</summary>
    Task<int> DeleteExpiredNoncesAsync(long now, int max, CancellationToken cancellationToken);
    /// <summary>Deletes at most <paramref name="max"/> outbox messages published before <paramref name="publishedBefore"/>.</summary>
    Task<int> DeletePublishedOutboxAsync(long publishedBefore, int max, CancellationToken cancellationToken);
}
