namespace Gateway.Routing.Regions;

/// <summary>
/// Named steps of the regional plans that carry a working-day limit. The limits themselves live in
/// each region file's <c>sla</c> table; these are the keys that table may use.
/// </summary>
public static class SlaStep
{
    /// <summary>Utility acknowledges a work order (Keqiao: window feedback to the outer-works filing, 1 wd).</summary>
    public const string WorkOrderResponse = "WORK_ORDER_RESPONSE";
    public const string DepartmentInvolvement = "DEPARTMENT_INVOLVEMENT";
    public const string ParallelApproval = "PARALLEL_APPROVAL";
    public const string CommitmentReceipt = "COMMITMENT_RECEIPT";
    public const string JointSurvey = "JOINT_SURVEY";
    public const string SpecialEquipmentInspection = "SPECIAL_EQUIPMENT_INSPECTION";
    public const string Connection = "CONNECTION";
    public const string ApplicantContact = "APPLICANT_CONTACT";
    public const string PlanCompiled = "PLAN_COMPILED";
    public const string CommitmentFiling = "COMMITMENT_FILING";
    public const string RoadRestored = "ROAD_RESTORED";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        WorkOrderResponse, DepartmentInvolvement, ParallelApproval, CommitmentReceipt, JointSurvey,
        SpecialEquipmentInspection, Connection, ApplicantContact, PlanCompiled, CommitmentFiling, RoadRestored,
    };
}
