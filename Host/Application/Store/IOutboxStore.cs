namespace Gateway.Application.Store;

/// <summary>The transactional outbox the relay publishes from.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxRow>> ClaimOutboxAsync(string instanceId, int max, long now, long leaseUntil, CancellationToken cancellationToken);
    Task MarkOutboxPublishedAsync(string messageId, long at, CancellationToken cancellationToken);
    /// <summary>Marks a whole published batch in one statement.</summary>
    Task MarkOutboxPublishedAsync(IReadOnlyCollection<string> messageIds, long at, CancellationToken cancellationToken);
}
