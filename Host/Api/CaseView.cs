using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Http;
using Gateway.Application.Cases;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Privacy;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

/// <summary>The case view of docs/operations.md, assembled from the stored case, its dispatches and timeline.</summary>
public sealed record CaseView(
    string CaseId, string Region, string? Zone, string Portal, string PortalApplicationNo, CaseStatus Status,
    DateTimeOffset AcceptedAt, string ReceiptNo, ApplicantView Applicant, ProjectView Project,
    IReadOnlyList<DemandDocument> Services, IReadOnlyList<OuterWorkView> OuterWorks,
    IReadOnlyList<CostView> Costs, IReadOnlyList<DispatchView> Dispatches, IReadOnlyList<ClockView> Clocks, IReadOnlyList<TimelineView> Timeline,
    DateOnly? SurveyDate, decimal? DistanceToMainM, string? JointConstructionGroupId, DateOnly? JointSurveyDate, CaseRating? Rating,
    FeesView? Fees = null,
    BookingView? Booking = null,
    IntentLinkView? Intent = null, IReadOnlyList<ServiceRatingView>? Ratings = null)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static CaseView From(CaseRow row, IReadOnlyList<DispatchRow> dispatches, IReadOnlyList<TimelineRow> timeline,
        CasePolicyDocument? policy, CaseRating? rating, bool viewer, IReadOnlyList<ClockRow>? clocks = null, long now = 0, FeesView? fees = null,
        BookingRow? booking = null, IntentRow? intent = null, IReadOnlyList<ServiceRating>? ratings = null)
    {
        // The viewer role sees no contact name or phone number, in the applicant or in any free text (docs/security.md).
        string? Text(string? text) => viewer ? ViewerMask.Text(text) : text;
        var app = JsonSerializer.Deserialize<HookupApplication>(row.ApplicationJson, GatewayJson.Options)!;
        OuterWorkState? Decided(int i) => policy is not null && i < policy.OuterWorks.Count ? policy.OuterWorks[i] : null;
        return new CaseView(
            row.CaseId, row.Region, row.Zone, row.Portal, row.PortalApplicationNo, row.Status, At(row.AcceptedAt), row.ReceiptNo,
            new ApplicantView(app.Applicant.Name, app.Applicant.Uscc, viewer ? PersonalDataMask.Name(app.Applicant.Contact) : app.Applicant.Contact,
                viewer ? PersonalDataMask.Phone(app.Applicant.Phone) : app.Applicant.Phone),
            new ProjectView(app.Project.Code, app.Project.Name, app.Project.Address, app.Project.PermitNo),
            app.RequestedServices().Select(s => DemandDocument.Of(app, s, withService: true)!).ToList(),
            app.OuterWorks.Select((w, i) => new OuterWorkView(w.Service, w.LengthM, w.DiameterDn, w.OuterDiameterMm, w.Holes,
                w.GreenM2, w.RoadCrossingM, w.EnterpriseInvested, w.Hazardous, w.SpecialZones.Count > 0 ? w.SpecialZones : null,
                w.RecentRoad, w.SmallAttached, Decided(i)?.Path, Decided(i)?.Reasons, Decided(i)?.CommitmentReceiptNo, Decided(i)?.GoAheadAt)).ToList(),
            policy?.Costs.Select(c => new CostView(c.Service, WireName.Of(c.Bearer), c.Reason)).ToList() ?? [],
            dispatches.Select(d => new DispatchView(d.DispatchId, d.CounterpartId, d.Kind, d.Service, d.Status, d.ExternalRef,
                AtOrNull(d.SentAt), AtOrNull(d.AcknowledgedAt), d.Timed ? At(d.DueAt) : null, d.DueProvisional, d.Overdue, d.Attempts, Text(d.LastError),
                Text(d.Question), d.Progress, d.RelatedDispatchId, d.Timed ? null : ClockView.NoPlanLimit)).ToList(),
            ClockView.Of(dispatches, clocks ?? [], now),
            timeline.Select(t => new TimelineView(At(t.At), t.Type, t.Actor, Text(t.Detail), t.DispatchId)).ToList(),
            app.SurveyDate, app.DistanceToMainM, policy?.JointConstructionGroupId, policy?.JointSurveyDate,
            rating is not null && viewer ? rating with { Comment = Text(rating.Comment) } : rating,
            fees,
            booking is null ? null : BookingView.Of(booking, Text),
            IntentLinkView.Of(intent), ratings?.Select(r => ServiceRatingView.Of(r, Text)).ToList() ?? []);
    }

    public static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
    private static DateTimeOffset? AtOrNull(long? unixMs) => unixMs is { } v ? At(v) : null;
}

public sealed record ApplicantView(string Name, string Uscc, string Contact, string Phone);

public sealed record ProjectView(string Code, string Name, string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PermitNo);

public sealed record OuterWorkView(
    ServiceType Service, decimal? LengthM, decimal? DiameterDn, decimal? OuterDiameterMm, int? Holes, decimal? GreenM2,
    decimal? RoadCrossingM, bool? EnterpriseInvested, bool? Hazardous, IReadOnlyList<SpecialZone>? SpecialZones,
    bool? RecentRoad, bool? SmallAttached, OuterWorkPath? Path, IReadOnlyList<string>? Reasons, string? CommitmentReceiptNo,
    DateTimeOffset? GoAheadAt);

public sealed record CostView(ServiceType Service, string Bearer, string Reason);

public sealed record DispatchView(
    string DispatchId, string CounterpartId, DispatchKind Kind, string? Service, DispatchStatus Status, string? ExternalRef,
    DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DueAt,
    bool DueProvisional, bool Overdue, int Attempts, string? LastError, string? Question, string? Progress, string? RelatesTo, string? DueNote = null);

/// <summary>
/// One timed step of the case (the case view's <c>clocks</c>): the dispatches' own limits (work-order response, department
/// involvement, parallel approval, whole hookup) and the clocks of the <c>clocks</c> table. <c>dueAt</c> is null where the plan
/// names no limit (<c>note</c> says so) and for the commitment filing, whose rule is <c>notBefore</c>.
/// </summary>
public sealed record ClockView(
    string Step, string CounterpartId, string DispatchId, DateTimeOffset StartedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DueAt, bool DueProvisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? PausedUntil,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? MetAt, bool Overdue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Violation,
    ClockState State, DateTimeOffset? NotBefore = null, string? Note = null)
{
    public const string NoPlanLimit = "方案未规定此环节的办理时限，不计时";
    public static readonly string AwaitingMaterials = $"部门要求补充材料，暂停计时；材料齐全（{WireName.Of(Decision.MaterialsComplete)}）后重新起算";

    /// <summary>An approval clock stopped by NEEDS_MORE_INFO while the request is still open (Puyang): paused, not met.</summary>
    private static bool WaitsForMaterials(DispatchRow d) =>
        d.SlaStep == SlaStep.ParallelApproval && d.Status == DispatchStatus.InProgress && d.MetAt is not null
        && d.Decision == Decision.NeedsMoreInfo;

    public static IReadOnlyList<ClockView> Of(IReadOnlyList<DispatchRow> dispatches, IReadOnlyList<ClockRow> clocks, long now)
    {
        static DateTimeOffset At(long ms) => CaseView.At(ms);
        // Notices and appointments answer no plan limit: only work orders and approval requests are timed steps.
        var fromDispatches = dispatches.Where(d => d.Kind.IsTimedStep()).Select(d => WaitsForMaterials(d)
            ? new ClockView(d.SlaStep, d.CounterpartId, d.DispatchId, At(d.DueFrom), null, false, null, null, d.Overdue, null,
                ClockState.Paused, Note: AwaitingMaterials)
            : new ClockView(d.SlaStep, d.CounterpartId, d.DispatchId, At(d.DueFrom),
                d.Timed ? At(d.DueAt) : null, d.DueProvisional, null, d.MetAt is { } m ? At(m) : null, d.Overdue, null,
                d.MetAt is not null ? ClockState.Met : ClockState.Running, Note: d.Timed ? null : NoPlanLimit));
        var fromClocks = clocks.Select(c => new ClockView(c.StepName, c.CounterpartId, c.DispatchId, At(c.StartedAt),
            c.DueAt is { } due ? At(due) : null, c.DueProvisional, c.StateAt(now) == ClockState.Paused ? At(c.PausedUntil!.Value) : null,
            c.MetAt is { } met ? At(met) : null, c.Overdue, c.ViolationName, c.StateAt(now), c.NotBefore is { } nb ? At(nb) : null));
        return fromDispatches.Concat(fromClocks).ToList();
    }
}

public sealed record TimelineView(DateTimeOffset At, TimelineType Type, string Actor, string? Detail, string? DispatchId);
