using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

// The shapes of /api/admin/failed-messages as the OpenAPI document describes them (the handlers write the same fields).

[Description("失败消息列表 (failed messages): one page.")]
public sealed record FailedMessagePage(int Page, int PageSize, int Total, IReadOnlyList<FailedMessageSummary> Items);

[Description("失败消息 (failed message): a dispatch or callback that exhausted its retries or was refused outright.")]
public sealed record FailedMessageSummary(
    [property: Description("失败消息编号 (failed-message id)")] string Id,
    [property: Description("消息类型 (bus message type)")] string MessageType,
    [property: Description("对接方 (counterpart id)")] string CounterpartId,
    [property: Description("案件编号 (case id)")] string CaseId,
    [property: Description("派单编号 (dispatch id; also the idempotency key every replay sends)")] string DispatchId,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt,
    [property: Description("尝试次数 (attempts made)")] int Attempts,
    [property: Description("失败原因 (reason code, e.g. HTTP_4XX, TIMEOUT, CIRCUIT_OPEN, NOT_CONFIGURED)")] string Reason,
    [property: Description("最后一次错误 (last error text)")] string LastError,
    [property: Description("处理状态 (status)")] FailedMessageStatus Status,
    [property: Description("分组编号 (group id: counterpartId~reason)")] string GroupId,
    [property: Description("重放人 (token name of the operator who replayed it)")] string? ReplayedBy, DateTimeOffset? ReplayedAt,
    [property: Description("丢弃人 (token name of the operator who discarded it)")] string? DiscardedBy, DateTimeOffset? DiscardedAt,
    [property: Description("丢弃原因 (why it was discarded)")] string? DiscardReason);

[Description("失败消息详情 (failed message with its attempts, what was sent and the bus message a replay re-sends)")]
public sealed record FailedMessageDetail(
    string Id, string MessageType, string CounterpartId, string CaseId, string DispatchId,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, string Reason, string LastError,
    FailedMessageStatus Status, string GroupId, string? ReplayedBy, DateTimeOffset? ReplayedAt, string? DiscardedBy,
    DateTimeOffset? DiscardedAt, string? DiscardReason,
    [property: Description("每次尝试 (every attempt: when and the error)")] IReadOnlyList<FailedAttempt> Attempts,
    [property: Description("发送的请求头（不含签名） (headers sent, without the signature)")] JsonObject? Headers,
    [property: Description("发送的请求体 (body sent)")] JsonNode? Body,
    [property: Description("总线消息 (the bus message a replay re-sends)")] JsonObject Message);

public sealed record FailedAttempt(DateTimeOffset At, string? Error);

[Description("失败消息分组 (group of failed messages: one counterpart, one reason)")]
public sealed record FailedMessageGroup(string GroupId, string CounterpartId, string Reason, int Count, DateTimeOffset Oldest, DateTimeOffset Newest);

[Description("重放范围 (replay selection): exactly one of ids, groupId or counterpartId.")]
public sealed record ReplayRequest(
    [property: Description("失败消息编号 (failed-message ids)")] IReadOnlyList<string>? Ids,
    [property: Description("分组编号 (group id counterpartId~reason)")] string? GroupId,
    [property: Description("对接方 (all pending of one counterpart)")] string? CounterpartId);

[Description("丢弃 (discard) with the operator's reason")]
public sealed record DiscardRequest([property: Description("丢弃原因 (reason, required)")] string Reason);

[Description("已排队重放 (replays queued)")]
public sealed record ReplayQueued([property: Description("排队重放的消息数 (messages queued for replay)")] int Queued);

[Description("已丢弃 (discarded)")]
public sealed record DiscardedMessage([property: JsonPropertyName("discarded"), Description("丢弃的失败消息编号 (id discarded)")] string Id);
