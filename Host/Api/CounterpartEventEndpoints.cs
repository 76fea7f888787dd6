using Gateway.Adapters.Counterparts.Inbound;
using Gateway.Adapters.Counterparts.Soap;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Security;
using Gateway.Adapters.Soap;
using Gateway.Application.Cases;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Host.Api;

/// <summary>
/// Counterparts calling back (docs/lifecycle.md "Inbound"): utility progress and department decisions over REST,
/// decisions over SOAP at /soap/departments. Signed with the counterpart's own key; a repeat event id is a 200 no-op.
/// </summary>
public static class CounterpartEventEndpoints
{
    private const string CounterpartId = "counterpartId";
    private static readonly IReadOnlySet<string> ProgressOrClockEvents = CaseEventRules.ProgressStatuses.Union(CaseEventRules.UtilityEvents).ToHashSet();

    public static void MapCounterpartEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A counterpart may only report as itself: the path names it, the signed caller must be it.
        var group = endpoints.MapGroup($"/api/counterparts/{{{CounterpartId}}}").WithTags("counterparts");
        group.MapPost("/events", ProgressAsync).RequireSignedCaller(new CounterpartInPath(CounterpartId, CounterpartKind.Utility))
            .WithName("CounterpartProgress")
            .WithSummary("公用事业单位报告进度 (a utility reports progress on its work order)")
            .DescribesRequestBody<ProgressReport>("application/json").DescribeEventAnswers();
        group.MapPost("/decisions", DecisionAsync).RequireSignedCaller(new CounterpartInPath(CounterpartId, CounterpartKind.Department))
            .WithName("CounterpartDecisions")
            .WithSummary("审批部门报告审批结果 (a department reports its decision on an approval request)")
            .DescribesRequestBody<DecisionReport>("application/json").DescribeEventAnswers();
        endpoints.MapPost(DepartmentSoapContract.Route, SoapDecisionAsync)
            .RequireSignedSoapCaller(new AnyCounterpartOf(CounterpartKind.Department)).WithMetadata(DepartmentSoapContract.ReportDecision)
            .WithTags("counterparts").WithName("DepartmentReportDecision")
            .DescribeSoapOperation("审批部门以 SOAP 报告审批结果 ReportDecision (a department reports its decision, SOAP 1.1)",
                DepartmentSoapContract.Route);
        endpoints.MapGet(DepartmentSoapContract.Route, Describe).WithTags("counterparts").WithName("DepartmentWsdl")
            .DescribeWsdl("审批部门 SOAP 接口的 WSDL (the WSDL of the departments' SOAP service)");
    }

    internal static RouteHandlerBuilder DescribeEventAnswers(this RouteHandlerBuilder route) =>
        route.Produces<CounterpartEventReceipt>(StatusCodes.Status202Accepted).Produces<CounterpartEventReceipt>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

    private static Task<IResult> ProgressAsync(string counterpartId, HttpContext http, CounterpartEventHandler handler) =>
        HandleRestAsync<ProgressReport>(counterpartId, http,
            r => CounterpartReportValidator.Validate(r, ProgressOrClockEvents), r => r.DispatchId!, handler.ProgressAsync);

    private static Task<IResult> DecisionAsync(string counterpartId, HttpContext http, CounterpartEventHandler handler) =>
        HandleRestAsync<DecisionReport>(counterpartId, http,
            r => CounterpartReportValidator.Validate(r, CaseEventRules.Decisions), r => r.DispatchId!, handler.DecisionAsync);

    /// <summary>Strict JSON, field validation, then the one-transaction apply; the same for both REST reports (the caller is checked by the filter).</summary>
    private static async Task<IResult> HandleRestAsync<TReport>(string counterpartId, HttpContext http,
        Func<TReport, Adapters.Portals.Validation.FieldErrors> validate, Func<TReport, string> dispatchOf,
        Func<string, TReport, CancellationToken, Task<CaseEventOutcome>> apply) where TReport : class
    {
        var (report, malformed) = PortalJson.Read<TReport>(SignedRequest.BodyOf(http));
        if (report is null) return malformed!;
        var errors = validate(report);
        if (errors.Any) return Problems.Validation(errors.All);
        return Answer(await apply(counterpartId, report, http.RequestAborted), dispatchOf(report));
    }

    private static async Task<IResult> SoapDecisionAsync(HttpContext http, CounterpartEventHandler handler)
    {
        var caller = SignedRequest.CallerOf(http);
        var operation = DepartmentSoapContract.ReportDecision;
        if (!operation.MatchesAction(http.Request.Headers["SOAPAction"]))
            return SoapFault.Client(StatusCodes.Status400BadRequest, "SOAP_ACTION_MISMATCH", $"SOAPAction 应为 \"{operation.Action}\"");
        var (payload, fault) = SoapEnvelope.Read(SignedRequest.BodyOf(http));
        if (fault is not null) return fault;
        if (payload!.Name != operation.PayloadName)
            return SoapFault.Client(StatusCodes.Status500InternalServerError, "UNKNOWN_OPERATION", $"soap:Body 中应为 {{{operation.Namespace}}}{operation.Name}");
        var report = DepartmentSoapContract.Read(payload);
        var errors = CounterpartReportValidator.Validate(report, CaseEventRules.Decisions);
        if (errors.Any) return SoapFault.Validation(errors.All);

        var outcome = await handler.DecisionAsync(caller, report, http.RequestAborted);
        return outcome.Result switch
        {
            CaseEventResult.Applied => SoapEnvelope.Ok(DepartmentSoapContract.Response(DecisionReceipt.Accepted)),
            CaseEventResult.Duplicate => SoapEnvelope.Ok(DepartmentSoapContract.Response(DecisionReceipt.Duplicate)),
            CaseEventResult.UnknownDispatch => SoapFault.Client(StatusCodes.Status404NotFound, "DISPATCH_NOT_FOUND", $"没有派单 {report.DispatchId}", "dispatchId"),
            CaseEventResult.OtherCounterpart => SoapFault.Client(StatusCodes.Status403Forbidden, "DISPATCH_OF_ANOTHER_COUNTERPART",
                $"派单 {report.DispatchId} 不属于 {caller}", "dispatchId"),
            _ => SoapFault.Client(StatusCodes.Status409Conflict, outcome.Refusal!.Code, outcome.Refusal.Message, "decision"),
        };
    }

    private static IResult Describe(HttpContext http)
    {
        if (!http.Request.Query.ContainsKey("wsdl"))
            return Problems.Result(StatusCodes.Status404NotFound, "NOT_FOUND", "请使用 ?wsdl 获取服务描述", $"GET {DepartmentSoapContract.Route}?wsdl");
        var location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{DepartmentSoapContract.Route}";
        return Results.Text(DepartmentSoapContract.Wsdl(location), SoapEnvelope.ContentType);
    }

    internal static IResult Answer(CaseEventOutcome outcome, string dispatchId) => outcome.Result switch
    {
        CaseEventResult.Applied => Results.Json(new { accepted = true, duplicate = false, caseId = outcome.CaseId }, GatewayJson.Options, statusCode: StatusCodes.Status202Accepted),
        CaseEventResult.Duplicate => Results.Json(new { accepted = true, duplicate = true, caseId = outcome.CaseId }, GatewayJson.Options),
        CaseEventResult.UnknownDispatch => Problems.Result(StatusCodes.Status404NotFound, "DISPATCH_NOT_FOUND", "派单不存在", $"没有编号为 {dispatchId} 的派单"),
        CaseEventResult.OtherCounterpart => Problems.Result(StatusCodes.Status403Forbidden, "DISPATCH_OF_ANOTHER_COUNTERPART", "无权报告此派单",
            $"派单 {dispatchId} 属于其他对接方"),
        _ => Problems.Result(StatusCodes.Status409Conflict, outcome.Refusal!.Code, "此状态变更不被允许", outcome.Refusal.Message),
    };
}
