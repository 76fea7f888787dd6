using Gateway.Application.Store;
using Gateway.IntegrationTests.Support;
using Gateway.Store;
using Npgsql;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19's nonce group commit: <see cref="INonceLedger.TryRememberAllAsync"/> remembers the nonces of requests arriving
/// together as one-by-one would: a live spent nonce is a replay, also when the same list used it first; an expired one may
/// be used again. Real databases both.
/// </summary>
public sealed class NonceBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Embedded_a_batch_of_nonces_is_remembered_as_one_by_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gw-nonce-{Guid.NewGuid():N}.db");
        var gate = new SemaphoreSlim(1, 1);
        try
        {
            await BatchRemembersLikeOneByOneAsync(new SqlGatewayStore(() => new SerializedSqliteConnection($"Data Source={file}", gate), SqlDialect.Sqlite,
                new SettableClock()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public async Task Production_a_batch_of_nonces_is_remembered_as_one_by_one()
    {
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        await BatchRemembersLikeOneByOneAsync(new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, new SettableClock()));
    }

    private static async Task BatchRemembersLikeOneByOneAsync(SqlGatewayStore store)
    {
        await store.MigrateAsync(CancellationToken.None);
        var earlier = Now.AddMinutes(-20);
        Assert.Equal([true, true], await store.TryRememberAllAsync(
            [Use("henan", "live", earlier, Now.AddMinutes(5)), Use("henan", "expired", earlier, Now.AddMinutes(-15))], CancellationToken.None));

        var outcomes = await store.TryRememberAllAsync(
        [
            Use("henan", "new-1", Now, Now.AddMinutes(15)),
            Use("henan", "live", Now, Now.AddMinutes(15)),
            Use("henan", "new-1", Now, Now.AddMinutes(15)),
            Use("henan", "expired", Now, Now.AddMinutes(15)),
            Use("hubei", "new-1", Now, Now.AddMinutes(15)),
        ], CancellationToken.None);

        // New: remembered. Live: replay. The same nonce again in the list: replay. Expired: remembered again. Another caller's
        // access key: its own nonce.
        Assert.Equal([true, false, false, true, true], outcomes);
        Assert.Equal([false, false], await store.TryRememberAllAsync(
            [Use("henan", "expired", Now.AddMinutes(1), Now.AddMinutes(16)), Use("hubei", "new-1", Now.AddMinutes(1), Now.AddMinutes(16))],
            CancellationToken.None));
    }

    private static NonceUse Use(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt) => new(accessKey, nonce, seenAt, expiresAt);
}
