using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Host.Security;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;

using Gateway.Contracts;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

/// <summary><c>/api/cases</c>: the case view and the case list (viewer role and up).</summary>
public static class CaseEndpoints
{
    private static readonly string[] Statuses = Enum.GetValues<CaseStatus>().Select(WireName.Of).ToArray();

    public static void MapCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/cases").WithTags("cases")
            .RequireAdminRole(AdminRole.Viewer);
        group.MapGet("/{caseId}", GetCaseAsync).WithName("GetCase")
            .WithSummary("案件视图 (case view: applicant, services, outer works, costs, dispatches, timeline); phones masked for viewers")
            .Produces<CaseView>().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/", ListCasesAsync).WithName("ListCases")
            .WithSummary("案件列表 (list cases by region, status, overdue, accepted between from and to)")
            .Produces<CaseListPage>().ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GetCaseAsync(string caseId, HttpContext http, ICaseQueries store, IFeeListStore fees, RegionCatalog regions,
        IIntentStore intents, IRatingStore ratings,
        TimeProvider clock)
    {
        var document = await store.GetCaseDocumentAsync(caseId, http.RequestAborted);
        if (document is null) return Problems.Result(StatusCodes.Status404NotFound, "CASE_NOT_FOUND", "案件不存在", $"没有编号为 {caseId} 的案件");
        var viewer = AdminAuthorization.CallerOf(http).Role == AdminRole.Viewer;
        var (quotes, list) = await fees.GetFeesAsync(caseId, http.RequestAborted);
        var intent = await intents.FindIntentOfCaseAsync(caseId, http.RequestAborted);
        var serviceRatings = await ratings.GetServiceRatingsAsync(caseId, http.RequestAborted);
        return Results.Json(CaseView.From(document.Case, document.Dispatches, document.Timeline, document.Policy, document.Rating, viewer, document.Clocks,
            clock.GetUtcNow().ToUnixTimeMilliseconds(), FeesView.From(regions.Find(document.Case.Region)?.FeeList, quotes, list), document.Booking,
            intent, serviceRatings),
            GatewayJson.Options);
    }

    private static async Task<IResult> ListCasesAsync(HttpContext http, ICaseQueries store,
        string? region, string? status, string? overdue, string? from, string? to, string? page, string? pageSize)
    {
        var errors = new FieldErrors();
        if (status is not null && !Statuses.Contains(status))
            errors.Add("status", ErrorCodes.InvalidValue, $"状态取值无效，可选：{string.Join("、", Statuses)}");
        bool? overdueFilter = null;
        if (overdue is not null)
        {
            if (bool.TryParse(overdue, out var o)) overdueFilter = o;
            else errors.Add("overdue", ErrorCodes.InvalidValue, "overdue 应为 true 或 false");
        }
        var fromAt = ParseTime("from", from, errors);
        var toAt = ParseTime("to", to, errors);
        var pageNo = QueryNumbers.Page("page", page, 1, 1, int.MaxValue, errors);
        var size = QueryNumbers.Page("pageSize", pageSize, 20, 1, 200, errors);
        QueryNumbers.CheckOffset(pageNo, size, errors);
        if (errors.Any)
            return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "查询参数有误", null, errors.All);

        var result = await store.ListCasesAsync(new CaseQuery(region, status is null ? null : WireName.Parse<CaseStatus>(status), overdueFilter, fromAt, toAt, pageNo, size), http.RequestAborted);
        return Results.Json(new
        {
            page = pageNo,
            pageSize = size,
            total = result.Total,
            items = result.Items.Select(c => new
            {
                c.CaseId, c.Region, c.Zone, c.Portal, c.PortalApplicationNo, c.Status,
                AcceptedAt = CaseView.At(c.AcceptedAt), c.Dispatches, Overdue = c.OverdueDispatches > 0,
            }),
        }, GatewayJson.Options);
    }

    private static long? ParseTime(string field, string? value, FieldErrors errors)
    {
        if (value is null) return null;
        if (BeijingTime.TryParse(value, out var at)) return at.ToUnixTimeMilliseconds();
        if (BeijingTime.TryParseDate(value, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BeijingTime.Offset).ToUnixTimeMilliseconds();
        errors.Add(field, ErrorCodes.InvalidFormat, $"{field} 应为 ISO-8601 时间或 yyyy-MM-dd 日期");
        return null;
    }
}
