namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// A department's answer to an approval request (INVOLVEMENT or APPROVAL question). The first answer carries two: involved
/// or not, survey needed or not — INVOLVED is "involved, no survey", SURVEY_REQUIRED "involved, survey needed".
/// MATERIALS_COMPLETE (材料齐全) answers the department's own NEEDS_MORE_INFO: the materials asked for arrived complete, so
/// where the region times approval only on complete materials (Puyang) the full limit starts again.
/// </summary>
public enum Decision { NotInvolved, SurveyRequired, Approved, Rejected, NeedsMoreInfo, Involved, MaterialsComplete }
