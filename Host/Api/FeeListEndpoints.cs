using Gateway.Adapters.Counterparts.Inbound;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Application.FeeList;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Host.Api;

/// <summary>
/// One fee list, paid once (docs/lifecycle.md "Fee list", docs/api.md "Fee list contract"): utilities post their quotes,
/// signed as themselves and idempotent by event id; each portal confirms the applicant's single payment, signed as itself.
/// </summary>
public static class FeeListEndpoints
{
    private const string CounterpartId = "counterpartId";

    public static void MapFeeListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"/api/counterparts/{{{CounterpartId}}}/fee-quotes", QuoteAsync)
            .RequireSignedCaller(new CounterpartInPath(CounterpartId, CounterpartKind.Utility))
            .WithTags("counterparts").WithName("CounterpartFeeQuote")
            .WithSummary("公用企业报价 (a utility quotes its fees on its work order; revisable until the fee list is issued)")
            .DescribesRequestBody<FeeQuoteReport>("application/json")
            .Produces<FeeQuoteReceipt>(StatusCodes.Status202Accepted).Produces<FeeQuoteReceipt>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);
        foreach (var portal in PortalIds.All)
            endpoints.MapPost($"/api/portals/{portal}/fee-payments", (HttpContext http, ICaseStore cases, FeeListHandler handler) => PayAsync(portal, http, cases, handler))
                .RequireSignedCaller(new OnlyCaller(portal, "调用方无权使用该接口", caller => $"访问密钥 {caller} 不能确认 {portal} 申报的缴费"))
                .WithTags("portals").WithName($"FeePayment{OperationNames.Portal(portal)}")
                .WithSummary($"门户确认一次缴费 (portal {portal} confirms the applicant's single payment of the fee list)")
                .DescribesRequestBody<FeePaymentRequest>("application/json")
                .Produces<FeePaymentReceipt>(StatusCodes.Status200OK)
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                    StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> QuoteAsync(string counterpartId, HttpContext http, FeeListHandler handler)
    {
        var (report, malformed) = PortalJson.Read<FeeQuoteReport>(SignedRequest.BodyOf(http));
        if (report is null) return malformed!;
        var (errors, items) = FeeQuoteValidator.Validate(report);
        if (errors.Any) return Problems.Validation(errors.All);

        var outcome = await handler.QuoteAsync(counterpartId, report.EventId!, report.DispatchId!, items, report.Note, http.RequestAborted);
        return outcome.Result switch
        {
            CaseEventResult.Applied => Results.Json(new FeeQuoteReceipt(true, false, outcome.CaseId, outcome.Quote?.Revision, outcome.List is not null),
                GatewayJson.Options, statusCode: StatusCodes.Status202Accepted),
            CaseEventResult.Duplicate => Results.Json(new FeeQuoteReceipt(true, true, outcome.CaseId, null, outcome.List is not null), GatewayJson.Options),
            CaseEventResult.UnknownDispatch => Problems.Result(StatusCodes.Status404NotFound, "DISPATCH_NOT_FOUND", "派单不存在", $"没有编号为 {report.DispatchId} 的派单"),
            CaseEventResult.OtherCounterpart => Problems.Result(StatusCodes.Status403Forbidden, "DISPATCH_OF_ANOTHER_COUNTERPART", "无权报告此派单",
                $"派单 {report.DispatchId} 属于其他对接方"),
            _ => Refused(outcome.Refusal!, "报价不被接受"),
        };
    }

    private static async Task<IResult> PayAsync(string portal, HttpContext http, ICaseStore cases, FeeListHandler handler)
    {
        var (request, malformed) = PortalJson.Read<FeePaymentRequest>(SignedRequest.BodyOf(http));
        if (request is null) return malformed!;
        var errors = new FieldErrors();
        errors.Required("applyNo", request.ApplyNo, "申报编号");
        errors.Required("feeListId", request.FeeListId, "收费清单编号");
        if (errors.Required("paymentRef", request.PaymentRef, "缴费流水号") && request.PaymentRef!.Length > 64)
            errors.Add("paymentRef", ErrorCodes.OutOfRange, "缴费流水号不能超过 64 个字符");
        if (request.TotalFen is not { } total) errors.Add("totalFen", ErrorCodes.Required, "缴费总额（分）不能为空");
        else if (total != decimal.Truncate(total)) errors.Add("totalFen", ErrorCodes.InvalidFormat, "缴费总额应为以分为单位的整数");
        else if (total is < 0 or > FeeQuoteValidator.MaxFen * FeeQuoteValidator.MaxItems)
            errors.Add("totalFen", ErrorCodes.OutOfRange, "缴费总额超出范围");
        DateTimeOffset? paidAt = null;
        if (request.PaidAt is not null)
        {
            if (BeijingTime.TryParse(request.PaidAt, out var at)) paidAt = at;
            else errors.Add("paidAt", ErrorCodes.InvalidFormat, "缴费时间应为 ISO-8601 时间，如 2026-11-24T10:00:00+08:00");
        }
        if (errors.Any) return Problems.Validation(errors.All);

        var @case = await cases.FindCaseByPortalApplicationAsync(portal, request.ApplyNo!, http.RequestAborted);
        if (@case is null)
            return Problems.Result(StatusCodes.Status404NotFound, "CASE_NOT_FOUND", "申报不存在", $"没有申报编号为 {request.ApplyNo} 的案件");
        var totalFen = (long)request.TotalFen!.Value;
        var outcome = await handler.ConfirmPaymentAsync(portal, @case.CaseId, request.FeeListId!, totalFen, request.PaymentRef!, paidAt, http.RequestAborted);
        return outcome.Result switch
        {
            CaseEventResult.Applied or CaseEventResult.Duplicate => Results.Json(new FeePaymentReceipt(@case.CaseId, outcome.List!.FeeListId,
                outcome.List.ApplicantTotalFen, outcome.List.PaymentRef ?? request.PaymentRef!, outcome.Result == CaseEventResult.Duplicate), GatewayJson.Options),
            _ => Refused(outcome.Refusal!, "缴费确认不被接受"),
        };
    }

    /// <summary>The caller's content refused by the fee rules (422, field errors), or the case's state (409).</summary>
    private static IResult Refused(FeeRefusal refusal, string title) => refusal.FieldLevel
        ? Problems.Result(StatusCodes.Status422UnprocessableEntity, refusal.Code, title, refusal.Message,
            refusal.Fields.Select(f => new FieldError(f.Field, refusal.Code, f.Message)).ToList())
        : Problems.Result(StatusCodes.Status409Conflict, refusal.Code, title, refusal.Message);
}
