using Microsoft.Data.Sqlite;

namespace Gateway.Store;

/// <summary>
/// Copies the embedded store's write-ahead log into the database file on a connection of its own, outside the store's
/// gate (<see cref="SerializedSqliteConnection"/>). Left to SQLite, the commit that fills the log to its limit runs the
/// checkpoint itself: it writes the pages back and waits for two fsyncs while every other store operation queues behind
/// it (docs/performance.md). A passive checkpoint never waits for the writer and the writer never waits for it. Under
/// steady writing it never quite catches up, and the log starts over only after a checkpoint that did: that is the
/// writer's own, kept as a backstop (<see cref="SerializedSqliteConnection.BackstopCheckpointPages"/>). By then this one has
/// copied almost every page, so the writer's is mostly its two fsyncs, every ≈ 10,000 pages instead of every 1,000.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, TimeProvider clock, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>
    /// Often enough that little is left for the writer's backstop checkpoint to copy, seldom enough that a page the writer
    /// rewrites many times a second (the last leaf of every index that grows at its end, a case's row) is copied and
    /// synced once per pass, not once per rewrite.
    /// </summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(1000);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not pooled: a pooled connection could be handed to the store next, and the store's one native connection keeps
        // its page cache only while no other connection writes the file.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(stoppingToken);
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The store's background checkpoint failed ({Error}); the writer's own checkpoint stands in", ex.Message);
            }
        }
    }
}
