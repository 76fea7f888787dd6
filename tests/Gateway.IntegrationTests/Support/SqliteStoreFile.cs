using Gateway.Store;

namespace Gateway.IntegrationTests.Support;

/// <summary>An embedded store on a throwaway SQLite file, as the host builds it (one gated writer), deleted after the test.</summary>
public static class SqliteStoreFile
{
    public static async Task RunAsync(TimeProvider clock, Func<SqlGatewayStore, Task> test)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gw-store-{Guid.NewGuid():N}.db");
        var gate = new SemaphoreSlim(1, 1);
        try
        {
            await test(new SqlGatewayStore(() => new SerializedSqliteConnection($"Data Source={file}", gate), SqlDialect.Sqlite, clock));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}
