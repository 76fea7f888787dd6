namespace Gateway.Application.Store;

/// <summary>Instances' heartbeats, and the renewal and release of the leases and claims an instance holds.</summary>
public interface IInstanceStore
{
    /// <summary>Records that <paramref name="instanceId"/> is alive, on the database's clock.</summary>
    Task BeatAsync(string instanceId, string host, CancellationToken cancellationToken);
    /// <summary>A clean stop: peers may take over this instance's leases and claims at once.</summary>
    Task MarkStoppedAsync(string instanceId, CancellationToken cancellationToken);
    /// <summary>Instances whose heartbeat is younger than <paramref name="staleAfter"/>.</summary>
    Task<IReadOnlyList<InstanceRow>> LiveInstancesAsync(TimeSpan staleAfter, CancellationToken cancellationToken);
    /// <summary>Extends this instance's send lease while the send is in progress; false when it no longer holds it.</summary>
    Task<bool> RenewDispatchLeaseAsync(string dispatchId, long leaseUntil, CancellationToken cancellationToken);
    /// <summary>Extends this instance's claims on outbox rows it is still publishing.</summary>
    Task RenewOutboxClaimsAsync(IReadOnlyCollection<string> messageIds, long claimedUntil, CancellationToken cancellationToken);
    /// <summary>Gives up claims on rows whose publish failed, so the next pass (of any instance) tries them again.</summary>
    Task ReleaseOutboxClaimsAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}

/// <summary>One gateway instance as the store knows it (times in Unix milliseconds, the database's clock).</summary>
public sealed record InstanceRow(string InstanceId, string Host, long StartedAt, long HeartbeatAt);
