using Gateway.Contracts.Cases;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Counterparts;

/// <summary>
/// The body of a work order, approval request, appointment or notice (docs/lifecycle.md), identical for REST and SOAP. A
/// planning notice carries the intent id as <c>caseId</c> and the demand's <c>stage</c>; a rating notice carries <c>rating</c>.
/// </summary>
public sealed record DispatchDocument(
    string DispatchId,
    string CaseId,
    string Region,
    string? Zone,
    DispatchKind Kind,
    ServiceType? Service,
    string CounterpartId,
    DispatchApplicant Applicant,
    DispatchProject Project,
    DemandDocument? Demand,
    IReadOnlyList<DispatchOuterWork> OuterWorks,
    DateOnly? SurveyDate,
    // Null where the plan names no limit for the step: the counterpart is told so rather than given an invented one.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateTimeOffset? RespondBy,
    string? Question = null,
    JointConstruction? JointConstruction = null,
    string? RelatesTo = null,
    FeePaid? FeePaid = null,
    AppointmentDocument? Appointment = null,
    string? Stage = null,
    RatingNotice? Rating = null);

/// <summary>A FEE_NOTICE's news (docs/api.md "Fee list contract"): the list paid, and this utility's items and part of it in fen.</summary>
public sealed record FeePaid(string FeeListId, string PaymentRef, DateTimeOffset PaidAt, long ApplicantPaidFen, IReadOnlyList<FeePaidItem> Items);

/// <summary>One of the utility's own items on the paid list.</summary>
public sealed record FeePaidItem(string? Code, string Name, long AmountFen, string Bearer, string Scope);

/// <summary>An appointment's booked time (预约联合验收与接通): the utility confirms it or proposes another (docs/lifecycle.md).</summary>
public sealed record AppointmentDocument(string BookingId, int Round, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The applicant's rating of the service a rating notice tells its utility: 1–5, a comment (masked), when.</summary>
public sealed record RatingNotice(int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>最多挖一次: the work orders whose outer works share one trench, so the utilities can plan it together.</summary>
public sealed record JointConstruction(string GroupId, IReadOnlyList<string> CounterpartIds);

public sealed record DispatchApplicant(string Name, string Uscc, string Contact, string Phone);

/// <summary>Project block; permitNo is always present (null when unknown).</summary>
public sealed record DispatchProject(string Code, string Name, string Address,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? PermitNo);

public sealed record DispatchOuterWork(
    decimal? LengthM, decimal? DiameterDn, decimal? OuterDiameterMm, int? Holes, decimal? GreenM2,
    decimal? RoadCrossingM, bool? EnterpriseInvested, bool? Hazardous, IReadOnlyList<SpecialZone>? SpecialZones,
    bool? RecentRoad, bool? SmallAttached, string? Path, ServiceType? Service = null, string? CommitmentReceiptNo = null, bool? GoAhead = null);

/// <summary>The gateway's decisions that travel with a dispatch: each outer work's path, receipt and go-ahead; the joint group.</summary>
public sealed record DispatchPolicy(IReadOnlyList<DispatchOuterWorkPolicy> OuterWorks, string? JointConstructionGroupId)
{
    public static readonly DispatchPolicy None = new([], null);
}

public sealed record DispatchOuterWorkPolicy(string Path, string? CommitmentReceiptNo, bool GoAhead);
