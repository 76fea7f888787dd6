using Gateway.Contracts.Cases;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// What the region's policy decided for a case, kept beside it (table case_policies): the path of each outer work with
/// its reasons and commitment receipt, when its go-ahead came, the cost bearers, the joint-construction group and the
/// one joint survey date.
/// </summary>
public sealed record CasePolicyDocument(
    IReadOnlyList<OuterWorkState> OuterWorks,
    IReadOnlyList<CostState> Costs,
    string? JointConstructionGroupId,
    DateOnly? JointSurveyDate)
{
    /// <summary>The services whose outer works may start: commitment receipt issued, or every involved department approved.</summary>
    public bool HasGoAhead(ServiceType service) => OuterWorks.Where(w => w.Service == service).All(w => w.GoAheadAt is not null);
}

public sealed record OuterWorkState(
    ServiceType Service, decimal? LengthM, OuterWorkPath Path, string? Rule, IReadOnlyList<string> Reasons,
    string? CommitmentReceiptNo, DateTimeOffset? GoAheadAt);

public sealed record CostState(ServiceType Service, CostBearer Bearer, string Reason);

/// <summary>Applicant's rating of the service after connection (Keqiao).</summary>
public sealed record CaseRating(int Score, string? Comment, DateTimeOffset At);
