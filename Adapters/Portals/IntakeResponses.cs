using Microsoft.AspNetCore.Builder;
using Gateway.Adapters.Http;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals;

/// <summary>How every REST portal hears the intake outcome: 201 new, 200 duplicate, 409 conflict.</summary>
public static class IntakeResponses
{
    public static IResult From(IntakeOutcome outcome) => outcome.Kind switch
    {
        IntakeResultKind.Created => new CreatedReceipt(outcome.Receipt!,
            Results.Json(outcome.Receipt, GatewayJson.Options, statusCode: StatusCodes.Status201Created)),
        IntakeResultKind.Duplicate => Results.Json(outcome.Receipt, GatewayJson.Options, statusCode: StatusCodes.Status200OK),
        _ => Problems.Result(StatusCodes.Status409Conflict, "APPLICATION_CONFLICT", "申请编号已使用",
            $"该申请编号已受理为案件 {outcome.ConflictCaseId}，但本次内容与原申请不一致；请使用新的申请编号"),
    };

    /// <summary>The answers of a REST portal route, for the OpenAPI document: receipt 201/200, problems 400/409/415.</summary>
    public static RouteHandlerBuilder ProducesIntakeAnswers(this RouteHandlerBuilder route) =>
        route.Produces<IntakeReceipt>(StatusCodes.Status201Created).Produces<IntakeReceipt>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);

    public static IResult MalformedJson(string? path) =>
        Problems.Result(StatusCodes.Status400BadRequest, "MALFORMED_BODY", "请求体不是有效的 JSON",
            path is null ? null : $"位置：{path}",
            path is null ? null : [new FieldError(path.TrimStart('$', '.'), "INVALID_FORMAT", "字段类型或格式错误")]);

    public static IResult UnsupportedMediaType(string expected) =>
        Problems.Result(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型", $"请使用 {expected}");

    /// <summary>201 with <c>Location: /api/cases/{caseId}</c>.</summary>
    private sealed class CreatedReceipt(IntakeReceipt receipt, IResult body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = $"/api/cases/{receipt.CaseId}";
            return body.ExecuteAsync(httpContext);
        }
    }
}
