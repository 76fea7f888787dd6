using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gateway.Store;

/// <summary>
/// A SQLite connection for reads alone, outside the store's gate (<see cref="SerializedSqliteConnection"/>). In
/// write-ahead-log mode readers never wait for the writer: each read transaction sees every commit made before it began.
/// So a lookup (the intake's repeat check, an operator's case view) neither queues behind the writes nor holds them up.
/// <c>query_only</c> makes a write through it fail instead of slipping past the gate.
/// </summary>
public sealed class SqliteReadConnection : SqliteConnection
{
    private const string Settings = $"{SqliteConnectionSettings.MemoryMappedReads}; PRAGMA query_only=1";

    private SqliteReadConnection(string readersConnectionString) : base(readersConnectionString) { }

    /// <summary>
    /// The store's read connections on <paramref name="connectionString"/>'s file. They have a pool of their own (a connection
    /// string of their own, built once here, not per read): a writer handed a reader's native connection would find its
    /// <c>query_only</c>, and the writer's one native connection keeps its page cache only while no other writes the file.
    /// </summary>
    public static Func<DbConnection> Factory(string connectionString, Func<SqliteConnection, SqliteConnection>? decorate = null)
    {
        var readers = new SqliteConnectionStringBuilder(connectionString) { Cache = SqliteCacheMode.Private }.ToString();
        return decorate is null ? () => new SqliteReadConnection(readers) : () => decorate(new SqliteReadConnection(readers));
    }

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
