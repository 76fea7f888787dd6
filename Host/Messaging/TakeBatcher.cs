using Gateway.Application.Configuration;
using Gateway.Application.Store;

namespace Gateway.Messaging;

/// <summary>
/// Takes dispatches for sending in batches (<see cref="IDispatchStore.TakeDispatchesAsync"/>: one statement, committed
/// before any of them is sent, so the lease is visible to other instances for the whole send).
/// </summary>
public sealed class TakeBatcher(IDispatchStore store, TimeProvider clock, GatewaySettings settings, ILogger<TakeBatcher> logger)
    : GroupCommit<TakeBatcher.Request, DispatchTake?>(logger)
{
    /// <summary>One consumer's request to take a dispatch.</summary>
    public sealed record Request(string DispatchId);

    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<Request> items)
    {
        var (at, leaseUntil) = Lease();
        var taken = (await store.TakeDispatchesAsync(items.Select(r => r.DispatchId).ToList(), at, leaseUntil, CancellationToken.None))
            .ToDictionary(t => t.Dispatch.DispatchId);
        // Two deliveries of one dispatch's message in a batch: the first takes it, the second finds it taken (as it would
        // one after the other), so it is sent once.
        return items.Select(r => Outcome.Of(taken.Remove(r.DispatchId, out var take) ? take : null)).ToList();
    }

    protected override Task<DispatchTake?> RunAloneAsync(Request item, CancellationToken cancellationToken)
    {
        var (at, leaseUntil) = Lease();
        return store.TakeDispatchAsync(item.DispatchId, at, leaseUntil, cancellationToken);
    }

    private (long At, long LeaseUntil) Lease()
    {
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return (at, at + (long)settings.DispatchLease.TotalMilliseconds);
    }
}
