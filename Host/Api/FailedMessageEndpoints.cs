using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Host.Security;
using Gateway.Messaging;
using Gateway.Routing.Lifecycle;
using Gateway.Store;

using Gateway.Application.FailedMessages;

using Gateway.Contracts;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

/// <summary>
/// <c>/api/admin/failed-messages</c> (docs/operations.md): list, group, inspect (viewer); replay and discard
/// (operator). A replay re-sends the original message with its original ids, so the counterpart sees the same
/// idempotency key; every replay and discard is recorded with the operator's token name and time.
/// </summary>
public static class FailedMessageEndpoints
{
    private static readonly string[] Statuses = Enum.GetValues<FailedMessageStatus>().Select(WireName.Of).ToArray();

    public static void MapFailedMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/admin/failed-messages").WithTags("failed-messages")
            .RequireAdminRole(AdminRole.Viewer);
        read.MapGet("/", ListAsync).WithName("ListFailedMessages")
            .WithSummary("失败消息列表 (list failed messages by counterpart, reason, status)")
            .Produces<FailedMessagePage>().ProducesProblems(StatusCodes.Status400BadRequest);
        read.MapGet("/groups", GroupsAsync).WithName("GroupFailedMessages")
            .WithSummary("失败消息分组 (failed messages grouped by counterpart and reason)")
            .Produces<IReadOnlyList<FailedMessageGroup>>();
        read.MapGet("/{id}", ShowAsync).WithName("GetFailedMessage")
            .WithSummary("失败消息详情 (one failed message with its attempts and what was sent)")
            .Produces<FailedMessageDetail>().ProducesProblems(StatusCodes.Status404NotFound);

        var write = endpoints.MapGroup("/api/admin/failed-messages").WithTags("failed-messages")
            .RequireAdminRole(AdminRole.Operator);
        write.MapPost("/{id}/replay", ReplayOneAsync).WithName("ReplayFailedMessage")
            .WithSummary("重放一条失败消息 (replay one: same ids, same idempotency key)")
            .Produces<ReplayQueued>(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status409Conflict);
        write.MapPost("/replay", ReplayManyAsync).WithName("ReplayFailedMessages")
            .WithSummary("批量重放 (replay by ids, by group or by counterpart)")
            .DescribesRequestBody<ReplayRequest>("application/json")
            .Produces<ReplayQueued>(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status400BadRequest);
        write.MapPost("/{id}/discard", DiscardAsync).WithName("DiscardFailedMessage")
            .WithSummary("丢弃失败消息 (discard, with a reason)")
            .DescribesRequestBody<DiscardRequest>("application/json")
            .Produces<DiscardedMessage>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
    }

    /// <summary>A group is a counterpart and a failure reason; its id is both, joined with '~'.</summary>
    public static string GroupId(string counterpartId, string reason) => $"{counterpartId}~{reason}";

    private static async Task<IResult> ListAsync(HttpContext http, IFailedMessageStore store, string? counterpartId, string? reason, string? status, string? page, string? pageSize)
    {
        var errors = new FieldErrors();
        if (status is not null && !Statuses.Contains(status))
            errors.Add("status", ErrorCodes.InvalidValue, $"状态取值无效，可选：{string.Join("、", Statuses)}");
        var pageNo = QueryNumbers.Page("page", page, 1, 1, int.MaxValue, errors);
        var size = QueryNumbers.Page("pageSize", pageSize, 50, 1, 500, errors);
        QueryNumbers.CheckOffset(pageNo, size, errors);
        if (errors.Any) return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "查询参数有误", null, errors.All);

        var (items, total) = await store.ListFailedAsync(new FailedQuery(counterpartId, reason, status is null ? null : WireName.Parse<FailedMessageStatus>(status), pageNo, size), http.RequestAborted);
        var viewer = IsViewer(http);
        return Results.Json(new { page = pageNo, pageSize = size, total, items = items.Select(r => Summary(r, viewer)) }, GatewayJson.Options);
    }

    private static async Task<IResult> GroupsAsync(HttpContext http, IFailedMessageStore store, string? status)
    {
        // An unknown status matches no failed message (as the store's filter always answered it).
        if (status is not null && !Statuses.Contains(status)) return Results.Json(Array.Empty<object>(), GatewayJson.Options);
        var groups = await store.GroupFailedAsync(status is null ? FailedMessageStatus.Pending : WireName.Parse<FailedMessageStatus>(status), http.RequestAborted);
        return Results.Json(groups.Select(g => new
        {
            groupId = GroupId(g.CounterpartId, g.Reason),
            g.CounterpartId,
            g.Reason,
            g.Count,
            oldest = CaseView.At(g.Oldest),
            newest = CaseView.At(g.Newest),
        }), GatewayJson.Options);
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext http, IFailedMessageStore store)
    {
        var found = await store.GetFailedAsync(id, http.RequestAborted);
        if (found is null) return NotFound(id);
        var (row, attempts) = found.Value;
        // The row itself, plus every attempt, what was sent (headers without the signature, and the body), and
        // the bus message that a replay re-sends.
        // The viewer role gets the stored work order with contact names and phones masked (docs/security.md).
        var viewer = IsViewer(http);
        var view = JsonSerializer.SerializeToNode(Summary(row, viewer), GatewayJson.Options)!.AsObject();
        view["attempts"] = JsonSerializer.SerializeToNode(attempts.Select(a => new { at = CaseView.At(a.At), error = viewer ? ViewerMask.Text(a.Error) : a.Error }), GatewayJson.Options);
        view["headers"] = row.RequestHeaders is null ? null : JsonNode.Parse(row.RequestHeaders);
        view["body"] = viewer ? ViewerMask.Body(row.RequestBody) : row.RequestBody is null ? null : BodyNode(row.RequestBody);
        view["message"] = JsonNode.Parse(row.Payload);
        return Results.Json(view, GatewayJson.Options);
    }

    private static async Task<IResult> ReplayOneAsync(string id, HttpContext http, FailedMessageReplay replay)
    {
        var queued = await replay.ReplayAsync(new ReplaySelection([id], null, null), AdminAuthorization.CallerOf(http), http.RequestAborted);
        if (queued == 0)
            return Problems.Result(StatusCodes.Status409Conflict, "NOT_REPLAYABLE", "该消息不可重放",
                $"失败消息 {id} 不存在或不处于 PENDING 状态（已重放、重放中或已丢弃）");
        return Results.Json(new { queued }, GatewayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ReplayManyAsync(HttpContext http, FailedMessageReplay replay)
    {
        ReplayRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ReplayRequest>(http.Request.Body, GatewayJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }
        var selection = request switch
        {
            { Ids: { Count: > 0 } ids, GroupId: null, CounterpartId: null } => new ReplaySelection(ids, null, null),
            { Ids: null, GroupId: { } g, CounterpartId: null } when g.Split('~') is [var c, var r] => new ReplaySelection(null, c, r),
            { Ids: null, GroupId: null, CounterpartId: { Length: > 0 } c } => new ReplaySelection(null, c, null),
            _ => null,
        };
        if (selection is null)
            return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_SELECTION", "重放范围有误",
                "请求体须且只须包含 ids（非空数组）、groupId（counterpartId~reason）或 counterpartId 之一");
        var queued = await replay.ReplayAsync(selection, AdminAuthorization.CallerOf(http), http.RequestAborted);
        return Results.Json(new { queued }, GatewayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> DiscardAsync(string id, HttpContext http, IFailedMessageStore store, TimeProvider clock)
    {
        DiscardRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<DiscardRequest>(http.Request.Body, GatewayJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return Problems.Result(StatusCodes.Status400BadRequest, "VALIDATION_FAILED", "丢弃须说明原因", null,
                [new FieldError("reason", ErrorCodes.Required, "丢弃原因不能为空")]);
        var caller = AdminAuthorization.CallerOf(http);
        if (!await store.DiscardFailedAsync(id, request.Reason, caller.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), http.RequestAborted))
            return Problems.Result(StatusCodes.Status409Conflict, "NOT_DISCARDABLE", "该消息不可丢弃", $"失败消息 {id} 不存在或不处于 PENDING 状态");
        return Results.Json(new { discarded = id }, GatewayJson.Options);
    }

    private static bool IsViewer(HttpContext http) => AdminAuthorization.CallerOf(http).Role == AdminRole.Viewer;

    /// <summary>A recorded body as JSON when it is JSON, else as a string (a SOAP envelope).</summary>
    private static JsonNode? BodyNode(string body)
    {
        try { return JsonNode.Parse(body); }
        catch (JsonException) { return JsonValue.Create(body); }
    }

    private static object Summary(FailedMessageRow r, bool viewer) => new
    {
        r.Id,
        r.MessageType,
        r.CounterpartId,
        r.CaseId,
        r.DispatchId,
        firstFailedAt = CaseView.At(r.FirstFailedAt),
        lastFailedAt = CaseView.At(r.LastFailedAt),
        r.Attempts,
        r.Reason,
        LastError = viewer ? ViewerMask.Text(r.LastError) : r.LastError,
        r.Status,
        groupId = GroupId(r.CounterpartId, r.Reason),
        r.ReplayedBy,
        replayedAt = r.ReplayedAt is { } at ? CaseView.At(at) : (DateTimeOffset?)null,
        r.DiscardedBy,
        discardedAt = r.DiscardedAt is { } d ? CaseView.At(d) : (DateTimeOffset?)null,
        DiscardReason = viewer ? ViewerMask.Text(r.DiscardReason) : r.DiscardReason,
    };

    private static IResult NotFound(string id) =>
        Problems.Result(StatusCodes.Status404NotFound, "FAILED_MESSAGE_NOT_FOUND", "失败消息不存在", $"没有编号为 {id} 的失败消息");

}
