using Gateway.Contracts;

namespace Gateway.Routing.Regions;

/// <summary>
/// Named steps of the regional plans that carry a working-day limit. The limits themselves live in
/// each region file's <c>sla</c> table; these are the keys that table may use (their names come from WireName).
/// </summary>
public enum SlaStepName
{
    /// <summary>Utility acknowledges a work order (Keqiao: window feedback to the outer-works filing, 1 wd).</summary>
    WorkOrderResponse,
    DepartmentInvolvement, ParallelApproval, CommitmentReceipt, JointSurvey, SpecialEquipmentInspection, Connection,
    ApplicantContact, PlanCompiled, CommitmentFiling, RoadRestored,
}

/// <summary>The keys of <see cref="SlaStepName"/> as region files and dispatch rows spell them.</summary>
public static class SlaStep
{
    public static readonly string WorkOrderResponse = WireName.Of(SlaStepName.WorkOrderResponse);
    public static readonly string DepartmentInvolvement = WireName.Of(SlaStepName.DepartmentInvolvement);
    public static readonly string ParallelApproval = WireName.Of(SlaStepName.ParallelApproval);
    public static readonly string CommitmentReceipt = WireName.Of(SlaStepName.CommitmentReceipt);
    public static readonly string JointSurvey = WireName.Of(SlaStepName.JointSurvey);
    public static readonly string SpecialEquipmentInspection = WireName.Of(SlaStepName.SpecialEquipmentInspection);
    public static readonly string Connection = WireName.Of(SlaStepName.Connection);
    public static readonly string ApplicantContact = WireName.Of(SlaStepName.ApplicantContact);
    public static readonly string PlanCompiled = WireName.Of(SlaStepName.PlanCompiled);
    public static readonly string CommitmentFiling = WireName.Of(SlaStepName.CommitmentFiling);
    public static readonly string RoadRestored = WireName.Of(SlaStepName.RoadRestored);

    public static readonly IReadOnlySet<string> All = Enum.GetValues<SlaStepName>().Select(WireName.Of).ToHashSet();
}
