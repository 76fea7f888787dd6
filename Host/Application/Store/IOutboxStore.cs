namespace Gateway.Application.Store;

/// <summary>The transactional outbox the relay publishes from.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> unpublished rows, oldest first, created at or after <paramref name="createdFrom"/>
    /// (every row when null; see <c>OutboxClaimWindow</c>).
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> ClaimOutboxAsync(string instanceId, int max, long now, long leaseUntil, long? createdFrom,
        CancellationToken cancellationToken);
    Task MarkOutboxPublishedAsync(string messageId, long at, CancellationToken cancellationToken);
    /// <summary>Marks a whole published batch in one statement.</summary>
    Task MarkOutboxPublishedAsync(IReadOnlyCollection<string> messageIds, long at, CancellationToken cancellationToken);
}
