using Dapper;
using Gateway.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19 on the embedded profile: the store's one writer connection lives as long as the store, each operation's turn
/// at the gate opening and closing it, and each statement text is compiled once on it (docs/performance.md, eighth round).
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gw-writer-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_statement_text_is_compiled_once_for_every_turn_that_runs_it()
    {
        var writer = new SerializedSqliteConnection($"Data Source={_file}");
        // SQLitePCL lists a connection's statements only when asked to as the connection opens.
        writer.StateChange += (_, e) => { if (e.CurrentState == System.Data.ConnectionState.Open) writer.Handle!.enable_sqlite3_next_stmt(true); };
        try
        {
            await Turn(writer, db => db.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
            const string insert = "INSERT INTO t (v) VALUES (@v)", count = "SELECT COUNT(*) FROM t WHERE v LIKE @p";
            var compiled = new List<List<string>>();
            for (var i = 0; i < 5; i++)
                await Turn(writer, async db =>
                {
                    await db.ExecuteAsync(insert, new { v = $"row {i}" });
                    Assert.Equal(i + 1, await db.ExecuteScalarAsync<long>(count, new { p = "row%" }));
                    compiled.Add(Compiled(writer));
                });
            // Each text compiled once and still there for the next turn; nothing compiled anew in later turns.
            Assert.Single(compiled[^1], sql => sql == insert);
            Assert.Single(compiled[^1], sql => sql == count);
            Assert.All(compiled, turn => Assert.Equal(compiled[0].Order(), turn.Order()));
        }
        finally
        {
            writer.CloseForGood();
        }
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_at_the_end_of_its_turn_and_the_next_turn_begins_its_own()
    {
        var writer = new SerializedSqliteConnection($"Data Source={_file}");
        try
        {
            await Turn(writer, db => db.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
            await Turn(writer, async db =>
            {
                var tx = await db.BeginTransactionAsync();
                await db.ExecuteAsync("INSERT INTO t (v) VALUES ('never committed')", transaction: tx);
            });
            await Turn(writer, async db =>
            {
                await using var tx = await db.BeginTransactionAsync();
                Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t", transaction: tx));
                await db.ExecuteAsync("INSERT INTO t (v) VALUES ('committed')", transaction: tx);
                await tx.CommitAsync();
            });
            Assert.Equal(1, await Turn(writer, db => db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t")));
        }
        finally
        {
            writer.CloseForGood();
        }
        // Closed for good: no later turn opens it again.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.OpenAsync());
    }

    [Fact]
    public async Task A_turn_given_on_the_gates_thread_hands_the_rest_of_its_call_back_to_the_thread_pool()
    {
        var writer = new SerializedSqliteConnection($"Data Source={_file}");
        try
        {
            await writer.OpenAsync(); // this turn holds the gate, so the next one waits for it
            // Queued now, as the host's callers are, with no synchronization context (xUnit's would take the continuation).
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            Task<(string? During, string? After)> next;
            try
            {
                next = NextTurnAsync();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
            Assert.False(next.IsCompleted);
            await writer.DisposeAsync();
            var (during, after) = await next.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("store-writer-gate", during);
            Assert.NotEqual("store-writer-gate", after);
        }
        finally
        {
            writer.CloseForGood();
        }

        async Task<(string? During, string? After)> NextTurnAsync()
        {
            string? during;
            await using (var db = writer)
            {
                await db.OpenAsync();
                during = Thread.CurrentThread.Name;
            }
            return (during, Thread.CurrentThread.Name);
        }
    }

    /// <summary>One store operation: the gate taken by opening, given back by disposing, as the store does.</summary>
    private static async Task<T> Turn<T>(SerializedSqliteConnection writer, Func<SqliteConnection, Task<T>> operation)
    {
        await using var db = writer;
        await db.OpenAsync();
        return await operation(db);
    }

    private static Task Turn(SerializedSqliteConnection writer, Func<SqliteConnection, Task> operation) =>
        Turn(writer, async db => { await operation(db); return 0; });

    /// <summary>The text of each statement compiled on the writer's native connection (SQLite's own list of them).</summary>
    private static List<string> Compiled(SqliteConnection connection)
    {
        var texts = new List<string>();
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null); statement is not null && !statement.IsInvalid;
             statement = raw.sqlite3_next_stmt(connection.Handle, statement))
            texts.Add(raw.sqlite3_sql(statement).utf8_to_string());
        return texts;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}
