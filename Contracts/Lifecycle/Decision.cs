namespace Gateway.Contracts.Lifecycle;

/// <summary>A department's answer to an approval request (INVOLVEMENT or APPROVAL question).</summary>
public enum Decision { NotInvolved, SurveyRequired, Approved, Rejected, NeedsMoreInfo }
