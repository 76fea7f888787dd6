using Gateway.Adapters.Security;
using Gateway.Application.Configuration;
using Gateway.Application.Store;

namespace Gateway.Application.Security;

/// <summary>
/// Remembers the nonces of signed requests in batches (<see cref="INonceLedger.TryRememberAllAsync"/>: one transaction).
/// Every signed request remembers its nonce before anything else; one transaction each was one store turn and one commit
/// per request, as many as every other write of a case put together on the embedded store (docs/performance.md). A request
/// waits for its nonce's batch to commit, so a replay is refused as it was one by one, and a batch's own repeats too.
/// On PostgreSQL two batches are written side by side, as the intake's are.
/// </summary>
public sealed class NonceBatcher(INonceLedger ledger, GatewaySettings settings, ILogger<NonceBatcher> logger)
    : GroupCommit<NonceUse, bool>(logger, settings.Store == StoreKind.Postgres ? 2 : 1), INonceStore
{
    public Task<bool> TryRememberAsync(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        RunAsync(new NonceUse(accessKey, nonce, seenAt.ToUnixTimeMilliseconds(), expiresAt.ToUnixTimeMilliseconds()), cancellationToken);

    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<NonceUse> items) =>
        (await ledger.TryRememberAllAsync(items, CancellationToken.None)).Select(Outcome.Of).ToList();

    protected override async Task<bool> RunAloneAsync(NonceUse item, CancellationToken cancellationToken) =>
        (await ledger.TryRememberAllAsync([item], cancellationToken))[0];
}
