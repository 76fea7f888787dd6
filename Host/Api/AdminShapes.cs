using System.ComponentModel;

namespace Gateway.Host.Api;

// The shapes of /api/admin/counterparts, /api/sla/due and the counterparts' event answers (the handlers write the same fields).

[Description("对接方 (counterpart: a utility or an approving department) with its endpoint, circuit and load")]
public sealed record CounterpartStatusView(
    [property: Description("对接方编号 (counterpart id)")] string Id,
    [property: Description("地区 (region id)")] string Region,
    [property: Description("类型 (kind: UTILITY or DEPARTMENT)")] string Kind,
    [property: Description("服务 (service for a utility: WATER, POWER, GAS, TELECOM, HEATING …)")] string? Service,
    [property: Description("名称 (name)")] string Name,
    [property: Description("协议 (protocol: REST or SOAP)")] string? Protocol,
    [property: Description("接口地址 (base URL)")] string? BaseUrl,
    [property: Description("是否沙箱模拟 (simulated inside the host)")] bool Sandbox,
    [property: Description("熔断状态 (circuit)")] CircuitStatus Circuit,
    [property: Description("待发送派单数 (dispatches waiting to be sent)")] int Pending,
    [property: Description("待处理失败消息数 (pending failed messages)")] int Failed,
    [property: Description("配置问题 (configuration problem, e.g. no BaseUrl)")] string? Problem);

[Description("截止时间 (due time of a period in working days)")]
public sealed record SlaDue(
    [property: Description("截止时间 (due at, Beijing time)")] DateTimeOffset DueAt,
    [property: Description("地区 (region id)")] string Region,
    [property: Description("起算时间 (start)")] DateTimeOffset Start,
    [property: Description("工作日数 (working days, halves allowed)")] decimal WorkingDays);

[Description("事件回执 (receipt of a counterpart's progress report or decision)")]
public sealed record CounterpartEventReceipt(
    [property: Description("已接受 (accepted)")] bool Accepted,
    [property: Description("重复事件 (the event id was seen before: nothing changed)")] bool Duplicate,
    [property: Description("案件编号 (case id)")] string? CaseId);

[Description("搁置的行 (parked row): something a batch loop could not process, set aside so the others go on")]
public sealed record ParkedRowView(
    [property: Description("类型 (kind: CASE, DISPATCH, OUTBOX_MESSAGE or PORTAL_CALLBACK)")] string Kind,
    [property: Description("行编号 (the row's id: case, dispatch, outbox message or callback event id)")] string RowId,
    [property: Description("案件编号 (case id, when known)")] string? CaseId,
    [property: Description("原因代码 (stable reason code, e.g. UNREADABLE_DATA, MALFORMED_PAYLOAD)")] string Reason,
    [property: Description("说明 (what went wrong, without personal data)")] string Detail,
    [property: Description("搁置时间 (when it was last parked, Beijing time)")] DateTimeOffset ParkedAt,
    [property: Description("次数 (how often it was parked)")] int Times);
