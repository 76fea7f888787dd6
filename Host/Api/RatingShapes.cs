using System.ComponentModel;
using Gateway.Contracts.Cases;
using Gateway.Routing.Lifecycle;

namespace Gateway.Host.Api;

[Description("评价 (rating): 1–5 with an optional comment; with service, the rating of that service's utility (every portal), without it (Zhejiang only, as before) the whole case once")]
public sealed record RatingRequest(
    [property: Description("门户申报编号 (the portal's application number of the case)")] string? ApplyNo,
    [property: Description("服务 (WATER, POWER, GAS, NETWORK, HEATING): rate that service's utility once it is connected; required except on the Zhejiang route")] string? Service,
    [property: Description("评分 (score, integer 1–5)")] int? Score,
    [property: Description("评价内容 (comment, at most 500 characters; contact details are masked before it is stored)")] string? Comment);

[Description("评价回执 (rating receipt): 201 new; 200 with duplicate=true for the same rating again")]
public sealed record RatingReceipt(
    [property: Description("案件编号 (case id)")] string CaseId,
    [property: Description("评分 (score 1–5)")] int Score,
    [property: Description("服务 (the service rated; absent for a whole-case rating)")] string? Service = null,
    [property: Description("转告的公用企业 (the utilities the rating was sent to)")] IReadOnlyList<string>? CounterpartIds = null,
    [property: Description("重复提交 (the same rating again: nothing new stored or sent)")] bool? Duplicate = null);

[Description("一项服务的评价 (a service's rating on the case view)")]
public sealed record ServiceRatingView(ServiceType Service, int Score, string? Comment, DateTimeOffset At, IReadOnlyList<string> CounterpartIds)
{
    public static ServiceRatingView Of(ServiceRating r, Func<string?, string?> text) => new(r.Service, r.Score, text(r.Comment), r.At, r.CounterpartIds);
}

[Description("评价汇总 (ratings by region and utility: count and average score)")]
public sealed record RatingSummaryView(IReadOnlyList<RatingSummaryItem> Items);

[Description("一家公用企业在一个地区的评价汇总")]
public sealed record RatingSummaryItem(
    [property: Description("地区 (region id)")] string Region,
    [property: Description("公用企业 (utility counterpart id)")] string CounterpartId,
    [property: Description("服务 (service)")] string Service,
    [property: Description("评价数 (number of ratings)")] int Count,
    [property: Description("平均分 (average score, two decimals)")] double Average);
