using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>The Chinese names the timeline and refusals use for progress, decisions and dispatch statuses.</summary>
public static class LifecycleNames
{
    public static string Of(WorkProgress progress) => progress switch
    {
        WorkProgress.Accepted => "已受理", WorkProgress.Surveyed => "已踏勘", WorkProgress.Designed => "已设计",
        WorkProgress.Constructing => "施工中", WorkProgress.Constructed => "已竣工", WorkProgress.Connected => "已接通",
        WorkProgress.Rejected => "不予受理/不予许可",
        _ => progress.ToString(),
    };

    public static string Of(Decision decision) => decision switch
    {
        Decision.NotInvolved => "不涉及", Decision.SurveyRequired => "涉及，需联合踏勘", Decision.Approved => "审批通过",
        Decision.Rejected => "不予受理/不予许可", Decision.NeedsMoreInfo => "需补充材料", Decision.Involved => "涉及，无需踏勘", Decision.MaterialsComplete => "材料齐全",
        _ => decision.ToString(),
    };

    public static string Of(DispatchStatus status) => status switch
    {
        DispatchStatus.Done => "办结", DispatchStatus.Rejected => "不予受理/不予许可",
        _ => status.ToString(),
    };

    public static string Of(CostBearer bearer) => bearer switch
    {
        CostBearer.Utility => "供水、供电、供气、通信企业", CostBearer.Government => "政府财政", CostBearer.Applicant => "申请人",
        CostBearer.Tariff => "按收费标准",
        _ => bearer.ToString(),
    };

    public static string Of(ServiceType service) => service switch
    {
        ServiceType.Water => "供水", ServiceType.Power => "供电", ServiceType.Gas => "供气", ServiceType.Network => "通信", ServiceType.Heating => "供暖",
        _ => service.ToString(),
    };
}
