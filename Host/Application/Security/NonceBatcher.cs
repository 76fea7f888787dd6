using Gateway.Adapters.Security;
using Gateway.Application.Store;

namespace Gateway.Application.Security;

/// <summary>
/// The signature check's nonce store: the nonces of requests arriving together are remembered in one statement
/// (<see cref="INonceLedger.TryRememberAllAsync"/>). A request goes on once its nonce's batch has committed.
/// </summary>
public sealed class NonceBatcher(INonceLedger ledger, ILogger<NonceBatcher> logger) : GroupCommit<NonceUse, bool>(logger), INonceStore
{
    public Task<bool> TryRememberAsync(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        RunAsync(new NonceUse(accessKey, nonce, seenAt, expiresAt), cancellationToken);

    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<NonceUse> items) =>
        (await ledger.TryRememberAllAsync(items, CancellationToken.None)).Select(Outcome.Of).ToList();

    protected override async Task<bool> RunAloneAsync(NonceUse item, CancellationToken cancellationToken) =>
        (await ledger.TryRememberAllAsync([item], cancellationToken))[0];
}
