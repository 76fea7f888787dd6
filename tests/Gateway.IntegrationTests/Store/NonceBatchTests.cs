using Gateway.Application.Store;
using Gateway.IntegrationTests.Support;
using Gateway.Store;
using Npgsql;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19's nonce group commit: <see cref="INonceLedger.TryRememberAllAsync"/> remembers a batch of signature nonces as
/// one-by-one calls would: a nonce used before and still live is a replay, so is a repeat within the batch, and one whose
/// earlier use expired is accepted again. Real databases both.
/// </summary>
public sealed class NonceBatchTests
{
    private static readonly long At = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
    private const long Lifetime = 15 * 60_000;

    [Fact]
    public async Task Embedded_a_batch_of_nonces_answers_as_one_by_one_would()
    {
        await SqliteStoreFile.RunAsync(new SettableClock(), RemembersLikeOneByOneAsync);
    }

    [Fact]
    public async Task Production_a_batch_of_nonces_answers_as_one_by_one_would()
    {
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        await RemembersLikeOneByOneAsync(new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, new SettableClock()));
    }

    private static async Task RemembersLikeOneByOneAsync(SqlGatewayStore store)
    {
        await store.MigrateAsync(CancellationToken.None);
        Assert.Equal([true], await store.TryRememberAllAsync([Use("zhejiang", "old", At)], CancellationToken.None));
        Assert.Equal([true], await store.TryRememberAllAsync([Use("zhejiang", "live", At)], CancellationToken.None));

        var later = At + Lifetime + 1;
        var answers = await store.TryRememberAllAsync([
            Use("zhejiang", "new", later),
            Use("zhejiang", "live", At + 1_000),   // used before, not expired: a replay
            Use("zhejiang", "old", later),         // used before, expired since: accepted again
            Use("henan", "new", later),            // the same nonce under another access key is another nonce
            Use("zhejiang", "new", later),         // a repeat within the batch: a replay of its first use
        ], CancellationToken.None);
        Assert.Equal([true, false, true, true, false], answers);

        // What the batch remembered holds for the next one.
        Assert.Equal([false, false], await store.TryRememberAllAsync([Use("zhejiang", "new", later), Use("henan", "new", later)], CancellationToken.None));
    }

    private static NonceUse Use(string accessKey, string nonce, long seenAt) => new(accessKey, nonce, seenAt, seenAt + Lifetime);
}
