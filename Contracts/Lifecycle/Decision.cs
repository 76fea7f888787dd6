namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// A department's answer to an approval request (INVOLVEMENT or APPROVAL question). The first answer carries two: involved
/// or not, survey needed or not — INVOLVED is "involved, no survey", SURVEY_REQUIRED "involved, survey needed".
/// </summary>
public enum Decision { NotInvolved, SurveyRequired, Approved, Rejected, NeedsMoreInfo, Involved }
