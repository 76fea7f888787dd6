using Gateway.Contracts.Cases;
using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Ratings per utility (docs/lifecycle.md, "Ratings per utility"): saved with their notices, read per case, aggregated.</summary>
public interface IRatingStore
{
    /// <summary>
    /// Decides a service's rating under the case's lock (<see cref="RatingRules"/>) and, when accepted, commits the rating, its
    /// timeline entry and one rating notice per utility (with their outbox rows) in one transaction.
    /// </summary>
    Task<(RatingRules.Verdict Verdict, IReadOnlyList<string> Utilities)> SaveServiceRatingAsync(string caseId, ServiceType service, int score,
        string? comment, long at, string actor, LifecycleSettings settings, CancellationToken cancellationToken);
    Task<IReadOnlyList<ServiceRating>> GetServiceRatingsAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>The rating a rating notice carries.</summary>
    Task<ServiceRating?> GetRatingOfNoticeAsync(string dispatchId, CancellationToken cancellationToken);
    /// <summary>Count and average score by region and utility (optionally one region).</summary>
    Task<IReadOnlyList<RatingAggregateRow>> AggregateRatingsAsync(string? region, CancellationToken cancellationToken);
}

public sealed class RatingAggregateRow
{
    public string Region { get; set; } = "";
    public string CounterpartId { get; set; } = "";
    public string Service { get; set; } = "";
    public int Count { get; set; }
    public double Average { get; set; }
}
