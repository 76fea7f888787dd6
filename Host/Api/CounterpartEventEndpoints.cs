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
/// Counterparts calling back (specs/counterparts.md "Inbound"): utility progress and department decisions over REST,
/// decisions over SOAP at /soap/departments. Signed with the counterpart's own key; a repeat event id is a 200 no-op.
/// </summary>
public static class CounterpartEventEndpoints
{
    public static void MapCounterpartEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/counterparts/{counterpartId}").WithTags("counterparts").AddEndpointFilter<SignedRequestFilter>();
        group.MapPost("/events", ProgressAsync).WithName("CounterpartProgress");
        group.MapPost("/decisions", DecisionAsync).WithName("CounterpartDecisions");
        endpoints.MapPost(DepartmentSoapContract.Route, SoapDecisionAsync)
            .AddEndpointFilter<SoapSignedRequestFilter>().WithMetadata(DepartmentSoapContract.ReportDecision)
            .WithTags("counterparts").WithName("DepartmentReportDecision");
        endpoints.MapGet(DepartmentSoapContract.Route, Describe).WithTags("counterparts").WithName("DepartmentWsdl");
    }

    private static Task<IResult> ProgressAsync(string counterpartId, HttpContext http, RegionCatalog regions, CounterpartEventHandler handler) =>
        HandleRestAsync<ProgressReport>(counterpartId, http, regions, CounterpartKind.Utility,
            r => CounterpartReportValidator.Validate(r, CaseEventRules.ProgressStatuses), r => r.DispatchId!, handler.ProgressAsync);

    private static Task<IResult> DecisionAsync(string counterpartId, HttpContext http, RegionCatalog regions, CounterpartEventHandler handler) =>
        HandleRestAsync<DecisionReport>(counterpartId, http, regions, CounterpartKind.Department,
            r => CounterpartReportValidator.Validate(r, CaseEventRules.Decisions), r => r.DispatchId!, handler.DecisionAsync);

    /// <summary>Caller check, strict JSON, field validation, then the one-transaction apply; the same for both REST reports.</summary>
    private static async Task<IResult> HandleRestAsync<TReport>(string counterpartId, HttpContext http, RegionCatalog regions, CounterpartKind kind,
        Func<TReport, Adapters.Portals.Validation.FieldErrors> validate, Func<TReport, string> dispatchOf,
        Func<string, TReport, CancellationToken, Task<CaseEventOutcome>> apply) where TReport : class
    {
        if (CallerProblem(counterpartId, http, regions, kind) is { } problem) return problem;
        var (report, malformed) = PortalJson.Read<TReport>(SignedRequestFilter.BodyOf(http));
        if (report is null) return malformed!;
        var errors = validate(report);
        if (errors.Any) return Problems.Validation(errors.All);
        return Answer(await apply(counterpartId, report, http.RequestAborted), dispatchOf(report));
    }

    private static async Task<IResult> SoapDecisionAsync(HttpContext http, RegionCatalog regions, CounterpartEventHandler handler)
    {
        var caller = SoapSignedRequestFilter.CallerOf(http);
        if (regions.FindCounterpart(caller) is not { Kind: CounterpartKind.Department })
            return SoapFault.Client(StatusCodes.Status403Forbidden, "CALLER_NOT_ALLOWED", $"访问密钥 {caller} 不是部门对接方，无权报告审批结论");
        var operation = DepartmentSoapContract.ReportDecision;
        if (!operation.MatchesAction(http.Request.Headers["SOAPAction"]))
            return SoapFault.Client(StatusCodes.Status400BadRequest, "SOAP_ACTION_MISMATCH", $"SOAPAction 应为 \"{operation.Action}\"");
        var (payload, fault) = SoapEnvelope.Read(SoapSignedRequestFilter.BodyOf(http));
        if (fault is not null) return fault;
        if (payload!.Name != operation.PayloadName)
            return SoapFault.Client(StatusCodes.Status500InternalServerError, "UNKNOWN_OPERATION", $"soap:Body 中应为 {{{operation.Namespace}}}{operation.Name}");
        var report = DepartmentSoapContract.Read(payload);
        var errors = CounterpartReportValidator.Validate(report, CaseEventRules.Decisions);
        if (errors.Any) return SoapFault.Validation(errors.All);

        var outcome = await handler.DecisionAsync(caller, report, http.RequestAborted);
        return outcome.Result switch
        {
            CaseEventResult.Applied => SoapEnvelope.Ok(DepartmentSoapContract.Response("ACCEPTED")),
            CaseEventResult.Duplicate => SoapEnvelope.Ok(DepartmentSoapContract.Response("DUPLICATE")),
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

    /// <summary>The path names the counterpart; it must be the signed caller, and of the kind the route serves.</summary>
    private static IResult? CallerProblem(string counterpartId, HttpContext http, RegionCatalog regions, CounterpartKind kind)
    {
        var counterpart = regions.FindCounterpart(counterpartId);
        if (counterpart is null)
            return Problems.Result(StatusCodes.Status404NotFound, "COUNTERPART_NOT_FOUND", "对接方不存在", $"没有编号为 {counterpartId} 的对接方");
        var caller = SignedRequestFilter.CallerOf(http);
        if (caller != counterpartId)
            return Problems.Result(StatusCodes.Status403Forbidden, "CALLER_MISMATCH", "无权代其他对接方报告", $"访问密钥 {caller} 不能以 {counterpartId} 的名义调用");
        if (counterpart.Kind != kind)
            return Problems.Result(StatusCodes.Status409Conflict, "WRONG_COUNTERPART_KIND", "接口与对接方类型不符",
                kind == CounterpartKind.Utility ? "办理进度由公用企业报告；部门请使用 decisions 接口" : "审批结论由部门报告；公用企业请使用 events 接口");
        return null;
    }

    private static IResult Answer(CaseEventOutcome outcome, string dispatchId) => outcome.Result switch
    {
        CaseEventResult.Applied => Results.Json(new { accepted = true, duplicate = false, caseId = outcome.CaseId }, GatewayJson.Options, statusCode: StatusCodes.Status202Accepted),
        CaseEventResult.Duplicate => Results.Json(new { accepted = true, duplicate = true, caseId = outcome.CaseId }, GatewayJson.Options),
        CaseEventResult.UnknownDispatch => Problems.Result(StatusCodes.Status404NotFound, "DISPATCH_NOT_FOUND", "派单不存在", $"没有编号为 {dispatchId} 的派单"),
        CaseEventResult.OtherCounterpart => Problems.Result(StatusCodes.Status403Forbidden, "DISPATCH_OF_ANOTHER_COUNTERPART", "无权报告此派单",
            $"派单 {dispatchId} 属于其他对接方"),
        _ => Problems.Result(StatusCodes.Status409Conflict, outcome.Refusal!.Code, "此状态变更不被允许", outcome.Refusal.Message),
    };
}
