using System.ComponentModel;

namespace Gateway.Contracts.Intake;

/// <summary>意向登记回执: what the platform gets back for an early-stage demand registered as an intent (not a case).</summary>
[Description("意向登记回执 (intent receipt): the demand is registered as an intent — utilities get an early planning notice; no work order, no time limit runs")]
public sealed record IntentReceipt(
    [property: Description("意向登记编号 (intent id; GET /api/intents/{intentId})")] string IntentId,
    [property: Description("地区 (region id)")] string Region,
    [property: Description("项目代码 (project code: the same project at construction-permit stage becomes a case linked to this intent)")] string ProjectCode,
    [property: Description("审批阶段 (PROJECT_APPROVAL or LAND_PLANNING)")] string Stage,
    [property: Description("状态 (OPEN, or CONVERTED once it became a case)")] string Status,
    [property: Description("登记时间 (registered at, Beijing time)")] DateTimeOffset RegisteredAt,
    [property: Description("重复推送 (the same demand again: nothing changed, nothing new sent)")] bool Duplicate,
    [property: Description("案件编号 (the case it became, once CONVERTED)")] string? CaseId,
    [property: Description("提前告知 (one early planning notice per utility)")] IReadOnlyList<ReceiptDispatch> Notices);
