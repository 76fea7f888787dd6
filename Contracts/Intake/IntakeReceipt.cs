using System.ComponentModel;

namespace Gateway.Contracts.Intake;

/// <summary>受理回执: what a portal gets back for an accepted (or repeated) application.</summary>
[Description("受理回执 (receipt): 201 for a new application, 200 with duplicate=true for a repeat of the same one")]
public sealed record IntakeReceipt(
    [property: Description("案件编号 (case id; GET /api/cases/{caseId})")] string CaseId,
    [property: Description("受理回执编号 (receipt number)")] string ReceiptNo,
    [property: Description("来源门户 (portal)")] string Portal,
    [property: Description("门户申报编号 (the portal's application number)")] string PortalApplicationNo,
    [property: Description("地区 (region id)")] string Region,
    [property: Description("受理时间 (accepted at, Beijing time)")] DateTimeOffset AcceptedAt,
    [property: Description("重复推送 (a repeat of an application already accepted: same case, nothing new sent)")] bool Duplicate,
    [property: Description("派单 (one dispatch per work order or approval request)")] IReadOnlyList<ReceiptDispatch> Dispatches,
    [property: Description("意向登记编号 (the intent this case was converted from, when there was one; GET /api/intents/{intentId})")] string? IntentId = null);

[Description("派单 (dispatch): a work order to a utility or an approval request to a department")]
public sealed record ReceiptDispatch(
    [property: Description("派单编号 (dispatch id; the Idempotency-Key of every send)")] string DispatchId,
    [property: Description("对接方 (counterpart id)")] string CounterpartId,
    [property: Description("类型 (WORK_ORDER, APPROVAL_REQUEST; PLANNING_NOTICE in an intent receipt)")] string Kind,
    [property: Description("办理时限 (due at: working days under the region's office hours; null when the region's plan names no limit for this step)")] DateTimeOffset? DueAt);
