using Gateway.Contracts.Privacy;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Application.Cases;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Gateway.Routing.Lifecycle;
using Gateway.Store;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

/// <summary>
/// <c>POST /api/portals/zhejiang/ratings</c>: after connection the applicant rates the service (Keqiao plan), 1–5 with an
/// optional comment, once per case. The agreements are silent on the shape; docs/portals.md records the choice.
/// </summary>
public static class RatingEndpoints
{
    public const string Route = "/api/portals/zhejiang/ratings";

    public sealed record RatingRequest(string? ApplyNo, int? Score, string? Comment);

    public static void MapRatingEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, RateAsync)
            .RequireSignedCaller(new OnlyCaller(PortalIds.Zhejiang, "无权调用", caller => $"访问密钥 {caller} 不能提交浙江“一件事”的评价"))
            .WithTags("portals").WithName("ZhejiangRatings")
            .WithSummary("申请人评价 (the applicant rates the service after connection, once per case)")
            .DescribesRequestBody<RatingRequest>("application/json")
            .Produces<RatingReceipt>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

    private static async Task<IResult> RateAsync(HttpContext http, ICaseStore store, TimeProvider clock)
    {
        var (request, malformed) = PortalJson.Read<RatingRequest>(SignedRequest.BodyOf(http));
        if (request is null) return malformed!;
        var errors = new FieldErrors();
        errors.Required("applyNo", request.ApplyNo, "申报编号");
        if (request.Score is not (>= 1 and <= 5)) errors.Add("score", ErrorCodes.OutOfRange, "评分应为 1 至 5 的整数");
        if (request.Comment is { Length: > 500 }) errors.Add("comment", ErrorCodes.OutOfRange, "评价内容不能超过 500 个字符");
        if (errors.Any) return Problems.Validation(errors.All);

        var @case = await store.FindCaseByPortalApplicationAsync(PortalIds.Zhejiang, request.ApplyNo!, http.RequestAborted);
        if (@case is null)
            return Problems.Result(StatusCodes.Status404NotFound, "CASE_NOT_FOUND", "申报不存在", $"没有申报编号为 {request.ApplyNo} 的案件");
        var now = clock.GetUtcNow();
        // Free text from outside: masked before it is stored.
        var rating = new CaseRating(request.Score!.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : PersonalDataMask.FreeText(request.Comment.Trim()),
            now.ToOffset(TimeSpan.FromHours(8)));
        var entry = new TimelineEntry(now.ToUnixTimeMilliseconds(), TimelineType.Rated, "portal:zhejiang", $"申请人评价 {rating.Score} 分");
        if (!await store.SaveRatingAsync(@case.CaseId, rating, entry, http.RequestAborted))
            return Problems.Result(StatusCodes.Status409Conflict, "RATING_NOT_ALLOWED", "暂不能评价",
                $"案件 {@case.CaseId} 尚未接通，或已评价过（当前状态 {@case.Status}）");
        return Results.Json(new { caseId = @case.CaseId, score = rating.Score }, GatewayJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
