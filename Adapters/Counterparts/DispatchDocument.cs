using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Counterparts;

/// <summary>
/// The body of a work order or approval request (specs/counterparts.md), identical for REST and SOAP.
/// </summary>
public sealed record DispatchDocument(
    string DispatchId,
    string CaseId,
    string Region,
    string? Zone,
    string Kind,
    ServiceType? Service,
    string CounterpartId,
    DispatchApplicant Applicant,
    DispatchProject Project,
    DemandDocument? Demand,
    IReadOnlyList<DispatchOuterWork> OuterWorks,
    DateOnly? SurveyDate,
    DateTimeOffset RespondBy,
    string? Question = null);

public sealed record DispatchApplicant(string Name, string Uscc, string Contact, string Phone);

/// <summary>Project block; permitNo is always present (null when unknown).</summary>
public sealed record DispatchProject(string Code, string Name, string Address,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? PermitNo);

public sealed record DispatchOuterWork(
    decimal? LengthM, decimal? DiameterDn, decimal? OuterDiameterMm, int? Holes, decimal? GreenM2,
    decimal? RoadCrossingM, bool? EnterpriseInvested, bool? Hazardous, IReadOnlyList<SpecialZone>? SpecialZones,
    bool? RecentRoad, bool? SmallAttached, string? Path);
