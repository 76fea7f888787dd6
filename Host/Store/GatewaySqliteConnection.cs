using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gateway.Store;

/// <summary>
/// A SQLite connection with the store's settings, applied once per native connection: the pool hands the same native
/// connection back, which keeps them. Reads that need no transaction use it as it is: write-ahead logging lets them read
/// beside the one writer, which holds the store's gate (<see cref="SerializedSqliteConnection"/>).
/// </summary>
public class GatewaySqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>
    /// WAL + synchronous=NORMAL: a commit survives a crash of the gateway (not of the machine's power) without an fsync per
    /// commit; the checkpoint syncs. The embedded profile's trade-off, see docs/performance.md. Reads memory-mapped (up to
    /// 256 MiB): with SQLite's default 2 MiB page cache, a store of a few thousand cases re-read its index pages with a system
    /// call each, about a tenth of the embedded gateway's CPU. A larger page cache instead cost as much again: SQLite scans
    /// the whole cache's hash table at the end of a write transaction.
    /// </summary>
    private const string Settings = "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456";

    private static readonly ConditionalWeakTable<sqlite3, string> Configured = new();

    /// <remarks><see cref="DbConnection.OpenAsync(CancellationToken)"/> comes here too.</remarks>
    public override void Open()
    {
        base.Open();
        if (Configured.TryGetValue(Handle!, out _)) return;
        using var pragma = CreateCommand();
        pragma.CommandText = Settings;
        pragma.ExecuteNonQuery();
        Configured.AddOrUpdate(Handle!, Settings);
    }
}
