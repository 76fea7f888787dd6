namespace Gateway.Contracts.Cases;

/// <summary>
/// The approval stage at which a demand was filled (the project-approval platform's <c>Stage</c>). PROJECT_APPROVAL and
/// LAND_PLANNING are early: in a region that offers intents the demand is registered as an intent, not a case.
/// </summary>
public enum ProjectStage { ConstructionPermit, ProjectApproval, LandPlanning }
