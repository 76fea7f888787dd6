using Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Gateway.IntegrationTests.Support;

/// <summary>An embedded store on a throwaway SQLite file, as the host builds it (one gated writer for the store's life, readers beside it), deleted after the test.</summary>
public static class SqliteStoreFile
{
    public static Task RunAsync(TimeProvider clock, Func<SqlGatewayStore, Task> test) =>
        RunAsync(clock, connection => connection, (store, _) => test(store));

    /// <summary>The same, with each of the store's connections passed through <paramref name="decorate"/>, and the file's path.</summary>
    public static async Task RunAsync(TimeProvider clock, Func<SqliteConnection, SqliteConnection> decorate, Func<SqlGatewayStore, string, Task> test)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gw-store-{Guid.NewGuid():N}.db");
        var writer = new SerializedSqliteConnection($"Data Source={file}");
        var decorated = decorate(writer);
        try
        {
            await test(new SqlGatewayStore(() => decorated, SqlDialect.Sqlite, clock)
                { ReadConnections = SqliteReadConnection.Factory($"Data Source={file}", decorate) }, file);
        }
        finally
        {
            writer.CloseForGood();
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}
