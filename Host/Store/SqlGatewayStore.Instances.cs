using Dapper;
using Gateway.Application.Instances;
using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using static Gateway.Store.StoreNames;

namespace Gateway.Store;

/// <summary>
/// Instances and who holds what. A send lease (<c>dispatches.lease_holder</c>) and an outbox claim (<c>outbox.claimed_by</c>)
/// name their instance; one whose instance stopped beating may be taken over before its time runs out.
/// </summary>
public sealed partial class SqlGatewayStore : IInstanceStore
{
    /// <summary>The instance this store acts for: holder of the leases it takes. Null for one-off tools (migrate).</summary>
    public GatewayInstance? Instance { get; init; }

    /// <summary>Now on the database's clock, in Unix milliseconds: heartbeats are written and judged on one clock.</summary>
    private string DbNow => Dialect.NowMilliseconds;

    /// <summary>
    /// SQL true when <paramref name="holderColumn"/> names another instance that stopped or has not beaten for the stale
    /// period (needs the parameters of <see cref="WithHolder"/>). Never true for this instance's own holdings, and never
    /// while this instance cannot judge its peers (<see cref="GatewayInstance.JudgesPeers"/>).
    /// </summary>
    private string HolderIsDead(string holderColumn) => $"""
        ({holderColumn} IS NOT NULL AND {holderColumn} <> @self AND @judgePeers = 1 AND NOT EXISTS (
            SELECT 1 FROM gateway_instances gi
            WHERE gi.instance_id = {holderColumn} AND gi.stopped_at IS NULL AND gi.heartbeat_at >= {DbNow} - @staleMs))
        """;

    /// <summary><paramref name="args"/> plus this instance's id (<c>@self</c>) and how it judges peers.</summary>
    private DynamicParameters WithHolder(object args)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("self", Instance?.Id ?? "");
        parameters.Add("judgePeers", Instance?.JudgesPeers == true ? 1 : 0);
        parameters.Add("staleMs", (long)(Instance?.Options.StaleAfter.TotalMilliseconds ?? 0));
        return parameters;
    }

    public async Task BeatAsync(string instanceId, string host, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO gateway_instances (instance_id, host, started_at, heartbeat_at) VALUES (@instanceId, @host, {DbNow}, {DbNow})
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """, new { instanceId, host }, cancellationToken: cancellationToken));
    }

    public async Task MarkStoppedAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition($"UPDATE gateway_instances SET stopped_at = {DbNow} WHERE instance_id = @instanceId",
            new { instanceId }, cancellationToken: cancellationToken));
        // Rows of instances gone for a day are of no use to anyone; a lease still naming one counts as a dead holder anyway.
        await db.ExecuteAsync(new CommandDefinition($"DELETE FROM gateway_instances WHERE heartbeat_at < {DbNow} - 86400000",
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<InstanceRow>> LiveInstancesAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync<InstanceRow>(new CommandDefinition($"""
            SELECT instance_id AS InstanceId, host AS Host, started_at AS StartedAt, heartbeat_at AS HeartbeatAt FROM gateway_instances
            WHERE stopped_at IS NULL AND heartbeat_at >= {DbNow} - @staleMs ORDER BY started_at, instance_id
            """, new { staleMs = (long)staleAfter.TotalMilliseconds }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> RenewDispatchLeaseAsync(string dispatchId, long leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE dispatches SET lease_until = @leaseUntil WHERE dispatch_id = @dispatchId AND status = {Q(DispatchStatus.Sent)} AND lease_holder = @self
            """, WithHolder(new { dispatchId, leaseUntil }), cancellationToken: cancellationToken)) == 1;
    }

    public async Task RenewOutboxClaimsAsync(IReadOnlyCollection<string> messageIds, long claimedUntil, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE outbox SET claimed_until = @claimedUntil
            WHERE {Dialect.InList("message_id", "messageIds")} AND published_at IS NULL AND claimed_by = @self
            """, WithHolder(new { messageIds = Dialect.List(messageIds), claimedUntil }), cancellationToken: cancellationToken));
    }

    public async Task ReleaseOutboxClaimsAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE outbox SET claimed_until = NULL WHERE {Dialect.InList("message_id", "messageIds")} AND published_at IS NULL AND claimed_by = @self
            """, WithHolder(new { messageIds = Dialect.List(messageIds) }), cancellationToken: cancellationToken));
    }
}
