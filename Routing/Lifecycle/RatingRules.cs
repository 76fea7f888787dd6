using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// Ratings per utility (docs/lifecycle.md): a service may be rated once every work order of it has been connected; the rating
/// goes to each utility of the service as a notice (a dispatch settled by its receipt). Pure: the store writes what this returns.
/// </summary>
public static class RatingRules
{
    public enum Verdict { Accept, NotRequested, NotConnected, AlreadyRated, Repeat }

    /// <summary>What a rating of <paramref name="service"/> with this score and comment means for the case as it stands.</summary>
    public static (Verdict Verdict, IReadOnlyList<string> Utilities) Decide(IReadOnlyList<DispatchRow> dispatches, ServiceType service,
        ServiceRating? existing, int score, string? comment)
    {
        if (existing is not null)
            return (existing.Score == score && existing.Comment == comment ? Verdict.Repeat : Verdict.AlreadyRated, []);
        var wire = WireName.Of(service);
        var orders = dispatches.Where(d => d.Kind == DispatchKind.WorkOrder && d.Service == wire).ToList();
        if (orders.Count == 0) return (Verdict.NotRequested, []);
        var byUtility = orders.GroupBy(d => d.CounterpartId).ToList();
        // A utility is connected once any of its work orders (the original or a go-ahead) reported CONNECTED.
        if (!byUtility.All(u => u.Any(d => d.WorkProgress == WorkProgress.Connected))) return (Verdict.NotConnected, []);
        return (Verdict.Accept, byUtility.Select(u => u.Key).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>One rating notice per utility of the service: untimed, no question, no clock.</summary>
    public static IReadOnlyList<PlannedDispatch> Notices(IReadOnlyList<string> utilities, ServiceType service) =>
        utilities.Select(u => new PlannedDispatch(u, DispatchKind.Rating, service, SlaStep.WorkOrderResponse, 0, null)).ToList();

    public static TimelineEntry Rated(ServiceType service, int score, IReadOnlyList<string> utilities, string actor, long at) =>
        new(at, TimelineType.Rated, actor, $"申请人评价 {WireName.Of(service)} 服务 {score} 分，转告 {string.Join("、", utilities)}");
}

/// <summary>One service's rating on a case: the score (1–5), the masked comment, when, and the utilities it went to.</summary>
public sealed record ServiceRating(ServiceType Service, int Score, string? Comment, DateTimeOffset At, IReadOnlyList<string> CounterpartIds);
