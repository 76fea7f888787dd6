using Dapper;
using Gateway.Application.Store;

namespace Gateway.Store;

/// <summary>Signature nonces (<see cref="INonceLedger"/>): a new one, or one whose earlier use expired, is remembered; a live one is a replay.</summary>
public sealed partial class SqlGatewayStore
{
    public async Task<IReadOnlyList<bool>> TryRememberAllAsync(IReadOnlyList<NonceUse> nonces, CancellationToken cancellationToken)
    {
        if (nonces.Count == 0) return [];
        // A repeat within the list is a replay of its first use, which alone goes to the database.
        var first = new HashSet<(string, string)>();
        var firstUses = nonces.Where(n => first.Add((n.AccessKey, n.Nonce))).ToList();
        var remembered = new HashSet<(string, string)>();
        await using var db = await OpenAsync(cancellationToken);
        if (dialect.ManyRowsPerStatement)
        {
            // PostgreSQL: one statement for the list (one round trip, atomic alone), each nonce judged expired or not at its
            // own arrival, as one by one.
            var (values, args) = ValueRows(firstUses, n => n.AccessKey, n => n.Nonce, n => n.ExpiresAt, n => n.SeenAt);
            foreach (var (accessKey, nonce) in await db.QueryAsync<(string, string)>(new CommandDefinition($"""
                         WITH v (access_key, nonce, expires_at, seen_at) AS (VALUES {values})
                         INSERT INTO nonces (access_key, nonce, expires_at) SELECT access_key, nonce, expires_at FROM v
                         ON CONFLICT (access_key, nonce) DO UPDATE SET expires_at = excluded.expires_at
                         WHERE nonces.expires_at < (SELECT v.seen_at FROM v WHERE v.access_key = excluded.access_key AND v.nonce = excluded.nonce)
                         RETURNING access_key, nonce
                         """, args, cancellationToken: cancellationToken)))
                remembered.Add((accessKey, nonce));
        }
        else
        {
            // SQLite: one single-row statement each (SqlDialect.ManyRowsPerStatement), in one transaction.
            await using var tx = await db.BeginTransactionAsync(cancellationToken);
            foreach (var n in firstUses)
                if (await db.ExecuteAsync("""
                        INSERT INTO nonces (access_key, nonce, expires_at) VALUES (@AccessKey, @Nonce, @ExpiresAt)
                        ON CONFLICT (access_key, nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE nonces.expires_at < @SeenAt
                        """, n, tx) == 1)
                    remembered.Add((n.AccessKey, n.Nonce));
            await tx.CommitAsync(cancellationToken);
        }
        // Each nonce's first use in the list answers for it; a later one in the list finds it remembered (or refused).
        var answered = new HashSet<(string, string)>();
        return nonces.Select(n => answered.Add((n.AccessKey, n.Nonce)) && remembered.Contains((n.AccessKey, n.Nonce))).ToList();
    }
}
