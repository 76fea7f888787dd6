using Dapper;

using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Contracts.Lifecycle;

using static Gateway.Store.StoreNames;

namespace Gateway.Store;

/// <summary>The outbox relay's batch write and the counts behind the gateway's gauges.</summary>
public sealed partial class SqlGatewayStore
{
    public async Task MarkOutboxPublishedAsync(IReadOnlyCollection<string> messageIds, long at, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        await using var db = await OpenAsync(cancellationToken);
        // One statement (one commit) for the whole batch instead of one per message.
        await db.ExecuteAsync(new CommandDefinition($"UPDATE outbox SET published_at = @at WHERE {Dialect.InList("message_id", "messageIds")}",
            new { messageIds = Dialect.List(messageIds), at }, cancellationToken: cancellationToken));
    }

    public async Task<StoreGauges> ReadGaugesAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return await db.QuerySingleAsync<StoreGauges>(new CommandDefinition($"""
            SELECT (SELECT COUNT(*) FROM outbox WHERE published_at IS NULL) AS OutboxBacklog,
                   (SELECT COUNT(*) FROM failed_messages WHERE status = {Q(FailedMessageStatus.Pending)}) AS FailedPending,
                   (SELECT COUNT(*) FROM dispatches WHERE overdue = 1
                        AND status IN {In(DeliveryRules.Open)}) AS OverdueOpen
            """, cancellationToken: cancellationToken));
    }
}

