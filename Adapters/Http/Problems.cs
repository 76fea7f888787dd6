using System.Text.Json;
using Microsoft.AspNetCore.Http;

using Gateway.Contracts.Json;

namespace Gateway.Adapters.Http;

/// <summary>
/// The one problem-details writer (RFC 9457, <c>application/problem+json</c>) with a stable <c>code</c>,
/// a Chinese title and, for validation, every field error.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public sealed record Body(
        string Type, string Title, int Status, string Code, string? Detail, string? Instance,
        IReadOnlyList<FieldError>? Errors);

    public static IResult Result(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) =>
        new ProblemResult(status, code, title, detail, errors);

    public static IResult Validation(IReadOnlyList<FieldError> errors) =>
        Result(StatusCodes.Status400BadRequest, "VALIDATION_FAILED", "申请内容校验未通过", $"共 {errors.Count} 处问题", errors);

    public static Task WriteAsync(HttpContext context, int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var body = new Body($"urn:hookup-gateway:problem:{code.ToLowerInvariant()}", title, status, code, detail,
            context.Request.Path.Value, errors);
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, GatewayJson.Options), context.RequestAborted);
    }

    private sealed class ProblemResult(int status, string code, string title, string? detail, IReadOnlyList<FieldError>? errors) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, title, detail, errors);
    }
}
