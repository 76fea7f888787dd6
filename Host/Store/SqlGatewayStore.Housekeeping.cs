using Dapper;
using Gateway.Contracts.Lifecycle;
using static Gateway.Store.StoreNames;

namespace Gateway.Store;

/// <summary>Bounded purges: each statement deletes at most a batch, so housekeeping never holds long locks.</summary>
public sealed partial class SqlGatewayStore
{
    public async Task<int> DeleteExpiredNoncesAsync(long now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.ExecuteAsync(new CommandDefinition("""
            DELETE FROM nonces WHERE (access_key, nonce) IN (
                SELECT access_key, nonce FROM nonces WHERE expires_at < @now LIMIT @max)
            """, new { now, max }, cancellationToken: cancellationToken));
    }

    public async Task<int> DeletePublishedOutboxAsync(long publishedBefore, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        // A parked message stays (the relay marks it published to get past it): an operator still needs its payload.
        return await db.ExecuteAsync(new CommandDefinition($"""
            DELETE FROM outbox WHERE message_id IN (
                SELECT message_id FROM outbox WHERE published_at IS NOT NULL AND published_at < @publishedBefore
                    AND message_id NOT IN (SELECT row_id FROM parked_rows WHERE kind = {Q(ParkedRowKind.OutboxMessage)})
                LIMIT @max)
            """, new { publishedBefore, max }, cancellationToken: cancellationToken));
    }
}
