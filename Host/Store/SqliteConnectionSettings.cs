using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gateway.Store;

/// <summary>
/// Per-connection PRAGMAs of the embedded store, set once per native connection: the pool hands the same native connection
/// back, and it keeps its settings (re-running them on each of ≈ 45 opens per case cost measurable CPU; docs/performance.md).
/// </summary>
internal static class SqliteConnectionSettings
{
    /// <summary>
    /// Reads memory-mapped (up to 256 MiB): with SQLite's default 2 MiB page cache, a store of a few thousand cases re-read
    /// its index pages with a system call each, about a tenth of the embedded gateway's CPU. A larger page cache instead
    /// cost as much again: SQLite scans the whole cache's hash table at the end of a write transaction.
    /// </summary>
    public const string MemoryMappedReads = "PRAGMA mmap_size=268435456";

    private static readonly ConditionalWeakTable<sqlite3, string> Applied = new();

    /// <summary>Runs <paramref name="pragmas"/> on <paramref name="connection"/> (open) unless its native connection has them.</summary>
    public static void ApplyOnce(SqliteConnection connection, string pragmas)
    {
        if (Applied.TryGetValue(connection.Handle!, out var applied) && applied == pragmas) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(connection.Handle!, pragmas);
    }
}
