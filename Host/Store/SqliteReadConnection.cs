using System.Data;
using Microsoft.Data.Sqlite;

namespace Gateway.Store;

/// <summary>
/// A SQLite connection for reads alone, outside the store's gate (<see cref="SerializedSqliteConnection"/>). In
/// write-ahead-log mode readers never wait for the writer: each read transaction sees every commit made before it began.
/// So a lookup (the intake's repeat check, an operator's case view) neither queues behind the writes nor holds them up.
/// <c>query_only</c> makes a write through it fail instead of slipping past the gate.
/// </summary>
public sealed class SqliteReadConnection(string connectionString) : SqliteConnection(ReadersOwnPool(connectionString))
{
    private const string Settings = $"{SqliteConnectionSettings.MemoryMappedReads}; PRAGMA query_only=1";

    /// <summary>
    /// A pool of their own (a connection string of its own): a writer handed a reader's native connection would find its
    /// <c>query_only</c>, and the writer's one native connection keeps its page cache only while no other writes the file.
    /// </summary>
    private static string ReadersOwnPool(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Cache = SqliteCacheMode.Private }.ToString();

    /// <summary>
    /// Always deferred: a snapshot of reads (the case view) takes no write lock. Microsoft.Data.Sqlite begins with
    /// <c>BEGIN IMMEDIATE</c> otherwise, which would wait for the writer like any write.
    /// </summary>
    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred) => base.BeginTransaction(isolationLevel, deferred: true);

    public override void Open()
    {
        base.Open();
        try
        {
            SqliteConnectionSettings.ApplyOnce(this, Settings);
        }
        catch
        {
            base.Close();
            throw;
        }
    }
}
