using System.Globalization;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Deadlines;
using Gateway.Application.Security;
using Gateway.Contracts.Json;
using Gateway.Host.Security;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Regions;

namespace Gateway.Host.Api;

/// <summary>
/// <c>GET /api/sla/due?region=&amp;start=&amp;workingDays=</c>: the due time of a period in working days (halves allowed)
/// under the region's office hours and the official calendars; past the last calendar year → 422 CALENDAR_MISSING.
/// </summary>
public static class SlaEndpoints
{
    public static void MapSlaEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/sla/due", Due).WithTags("sla").RequireAdminRole(AdminRole.Viewer)
            .WithName("DueAt").WithSummary("截止时间计算 (due time of a period in working days under a region's office hours)")
            .Produces<SlaDue>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);

    private static IResult Due(string? region, string? start, string? workingDays, RegionCatalog regions, CalendarHolder calendars)
    {
        var errors = new FieldErrors();
        RegionPolicy? policy = null;
        if (errors.Required("region", region, "地区") && (policy = regions.Find(region!)) is null)
            errors.Add("region", ErrorCodes.UnknownRegion, $"未知地区 {region}，可选：{string.Join("、", regions.Regions.Select(r => r.Id).Order())}");
        var startAt = default(DateTimeOffset);
        if (errors.Required("start", start, "起算时间") && !BeijingTime.TryParse(start, out startAt))
            errors.Add("start", ErrorCodes.InvalidFormat, "起算时间应为 ISO-8601 时间，如 2026-09-30T16:00:00+08:00");
        var days = 0m;
        if (errors.Required("workingDays", workingDays, "工作日数")
            && (!decimal.TryParse(workingDays, NumberStyles.Number, CultureInfo.InvariantCulture, out days)
                || days <= 0 || days > DeadlineCalculator.MaxWorkingDays || days * 2 != Math.Floor(days * 2)))
            errors.Add("workingDays", ErrorCodes.OutOfRange, $"工作日数应为 0.5 的正整数倍，且不超过 {DeadlineCalculator.MaxWorkingDays}");
        if (errors.Any) return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "查询参数有误", null, errors.All);

        try
        {
            var due = calendars.Calculator.DueAt(startAt, days, policy!.OfficeHours);
            return Results.Json(new { dueAt = due, region = policy.Id, start = startAt.ToOffset(BeijingTime.Offset), workingDays = days }, GatewayJson.Options);
        }
        catch (CalendarMissingException ex)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "CALENDAR_MISSING", "工作日历未发布",
                $"{ex.Year} 年的国务院节假日安排尚未收录（config/calendars/{ex.Year}.json），无法计算截止时间");
        }
    }
}
