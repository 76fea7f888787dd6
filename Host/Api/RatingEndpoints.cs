using Gateway.Contracts.Privacy;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Application.Cases;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Gateway.Host.Security;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

/// <summary>
/// Ratings (docs/lifecycle.md, "Ratings per utility"): <c>POST /api/portals/{portal}/ratings</c> for every portal — the applicant
/// rates a service once its utility has connected it, and the rating goes to that utility as a notice; on the Zhejiang route a
/// rating without <c>service</c> still rates the whole case once, as before. <c>GET /api/admin/ratings</c> (viewer role and up)
/// sums them up by region and utility.
/// </summary>
public static class RatingEndpoints
{
    /// <summary>The Zhejiang route, as it was; every portal's is <see cref="RouteOf"/>.</summary>
    public const string Route = "/api/portals/zhejiang/ratings";

    public static string RouteOf(string portal) => $"/api/portals/{portal}/ratings";

    public static void MapRatingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var portal in PortalIds.All)
            endpoints.MapPost(RouteOf(portal), (HttpContext http, ICaseStore cases, IRatingStore ratings, RegionCatalog regions, LifecycleSettings lifecycle,
                    TimeProvider clock) => RateAsync(portal, http, cases, ratings, regions, lifecycle, clock))
                .RequireSignedCaller(new OnlyCaller(portal, "无权调用", caller => $"访问密钥 {caller} 不能提交 {portal} 申请人的评价"))
                .WithTags("portals").WithName($"{OperationNames.Portal(portal)}Ratings")
                .WithSummary(portal == PortalIds.Zhejiang
                    ? "申请人评价 (the applicant rates a connected service's utility; without service, the whole case once as before)"
                    : $"申请人评价 ({portal}: the applicant rates a connected service's utility)")
                .DescribesRequestBody<RatingRequest>("application/json")
                .Produces<RatingReceipt>(StatusCodes.Status201Created).Produces<RatingReceipt>(StatusCodes.Status200OK)
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        endpoints.MapGroup("/api/admin").WithTags("admin").RequireAdminRole(AdminRole.Viewer)
            .MapGet("/ratings", SummaryAsync).WithName("RatingSummary")
            .WithSummary("评价汇总 (ratings by region and utility: count and average score; optionally one region)")
            .Produces<RatingSummaryView>().ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RateAsync(string portal, HttpContext http, ICaseStore store, IRatingStore ratings, RegionCatalog regions,
        LifecycleSettings lifecycle, TimeProvider clock)
    {
        var (request, malformed) = PortalJson.Read<RatingRequest>(SignedRequest.BodyOf(http));
        if (request is null) return malformed!;
        var errors = new FieldErrors();
        errors.Required("applyNo", request.ApplyNo, "申报编号");
        ServiceType? service = null;
        if (request.Service is not null)
        {
            if (WireName.TryParse<ServiceType>(request.Service, out var parsed) && WireName.Of(parsed) == request.Service) service = parsed;
            else errors.Add("service", ErrorCodes.InvalidValue, $"服务取值无效，可选：{string.Join("、", Enum.GetValues<ServiceType>().Select(WireName.Of))}");
        }
        else if (portal != PortalIds.Zhejiang) errors.Add("service", ErrorCodes.Required, "服务不能为空（评价针对一项服务的公用企业）");
        if (request.Score is not (>= 1 and <= 5)) errors.Add("score", ErrorCodes.OutOfRange, "评分应为 1 至 5 的整数");
        if (request.Comment is { Length: > 500 }) errors.Add("comment", ErrorCodes.OutOfRange, "评价内容不能超过 500 个字符");
        if (errors.Any) return Problems.Validation(errors.All);

        var @case = await store.FindCaseByPortalApplicationAsync(portal, request.ApplyNo!, http.RequestAborted);
        if (@case is null)
            return Problems.Result(StatusCodes.Status404NotFound, "CASE_NOT_FOUND", "申报不存在", $"没有申报编号为 {request.ApplyNo} 的案件");
        if (regions.Find(@case.Region)?.Ratings is null)
            return Problems.Result(StatusCodes.Status409Conflict, "RATINGS_NOT_OFFERED", "该地区不收集评价", $"地区 {@case.Region} 的实施方案未规定服务评价");
        var now = clock.GetUtcNow();
        // Free text from outside: masked before it is stored.
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : PersonalDataMask.FreeText(request.Comment.Trim());
        return service is { } rated
            ? await RateServiceAsync(@case, rated, request.Score!.Value, comment, portal, now, http, ratings, lifecycle)
            : await RateCaseAsync(@case, request.Score!.Value, comment, now, http, store);
    }

    private static async Task<IResult> RateServiceAsync(CaseRow @case, ServiceType service, int score, string? comment, string portal,
        DateTimeOffset now, HttpContext http, IRatingStore ratings, LifecycleSettings lifecycle)
    {
        var (verdict, utilities) = await ratings.SaveServiceRatingAsync(@case.CaseId, service, score, comment, now.ToUnixTimeMilliseconds(),
            $"portal:{portal}", lifecycle, http.RequestAborted);
        var wire = WireName.Of(service);
        return verdict switch
        {
            RatingRules.Verdict.Accept => Receipt(new RatingReceipt(@case.CaseId, score, wire, utilities), StatusCodes.Status201Created, http),
            RatingRules.Verdict.Repeat => Receipt(new RatingReceipt(@case.CaseId, score, wire, utilities, Duplicate: true), StatusCodes.Status200OK, http),
            RatingRules.Verdict.NotRequested => Problems.Validation([new FieldError("service", ErrorCodes.InvalidValue, $"案件 {@case.CaseId} 未申请 {wire} 服务")]),
            RatingRules.Verdict.AlreadyRated => Problems.Result(StatusCodes.Status409Conflict, "RATING_NOT_ALLOWED", "暂不能评价",
                $"案件 {@case.CaseId} 的 {wire} 服务已评价过"),
            _ => Problems.Result(StatusCodes.Status409Conflict, "RATING_NOT_ALLOWED", "暂不能评价", $"案件 {@case.CaseId} 的 {wire} 服务尚未接通"),
        };
    }

    /// <summary>The Zhejiang route without <c>service</c>: the whole case, once, after connection (as before; not sent to a utility).</summary>
    private static async Task<IResult> RateCaseAsync(CaseRow @case, int score, string? comment, DateTimeOffset now, HttpContext http, ICaseStore store)
    {
        var rating = new CaseRating(score, comment, now.ToOffset(TimeSpan.FromHours(8)));
        var entry = new TimelineEntry(now.ToUnixTimeMilliseconds(), TimelineType.Rated, "portal:zhejiang", $"申请人评价 {rating.Score} 分");
        if (!await store.SaveRatingAsync(@case.CaseId, rating, entry, http.RequestAborted))
            return Problems.Result(StatusCodes.Status409Conflict, "RATING_NOT_ALLOWED", "暂不能评价",
                $"案件 {@case.CaseId} 尚未接通，或已评价过（当前状态 {@case.Status}）");
        return Receipt(new RatingReceipt(@case.CaseId, rating.Score), StatusCodes.Status201Created, http);
    }

    private static IResult Receipt(RatingReceipt receipt, int status, HttpContext http) => Results.Json(receipt, GatewayJson.Options, statusCode: status);

    private static async Task<IResult> SummaryAsync(HttpContext http, IRatingStore ratings, RegionCatalog regions, string? region)
    {
        if (region is not null && regions.Find(region) is null)
            return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "查询参数有误", null,
                [new FieldError("region", ErrorCodes.InvalidValue, $"没有地区 {region}")]);
        var rows = await ratings.AggregateRatingsAsync(region, http.RequestAborted);
        return Results.Json(new RatingSummaryView(rows.Select(r => new RatingSummaryItem(r.Region, r.CounterpartId, r.Service, r.Count,
            Math.Round(r.Average, 2, MidpointRounding.AwayFromZero))).ToList()), GatewayJson.Options);
    }
}
