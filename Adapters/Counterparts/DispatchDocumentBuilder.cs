using Gateway.Contracts.Cases;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Counterparts;

/// <summary>
/// Builds the body a counterpart receives for one dispatch: a work order, an approval request, or a notice (an intent's planning
/// notice: the same document with <c>caseId</c> the intent id and its <c>stage</c>; a rating: with <c>rating</c>).
/// </summary>
public static class DispatchDocumentBuilder
{
    /// <param name="policy">Per outer work (in application order) its path, receipt and go-ahead; the joint group.</param>
    /// <param name="jointCounterparts">The utilities whose work orders share the joint-construction group.</param>
    public static DispatchDocument Build(HookupApplication app, DispatchContext dispatch, DispatchPolicy? policy = null,
        IReadOnlyList<string>? jointCounterparts = null)
    {
        policy ??= DispatchPolicy.None;
        // A work order carries its own service's outer works; an approval request those that need approval.
        var outerWorks = app.OuterWorks
            .Select((w, i) => (Work: w, Policy: i < policy.OuterWorks.Count ? policy.OuterWorks[i] : null))
            .Where(x => dispatch.Service is { } s ? x.Work.Service == s : x.Policy is null || x.Policy.Path != "COMMITMENT")
            .Select(x => new DispatchOuterWork(x.Work.LengthM, x.Work.DiameterDn, x.Work.OuterDiameterMm, x.Work.Holes, x.Work.GreenM2,
                x.Work.RoadCrossingM, x.Work.EnterpriseInvested, x.Work.Hazardous, x.Work.SpecialZones.Count > 0 ? x.Work.SpecialZones : null,
                x.Work.RecentRoad, x.Work.SmallAttached, x.Policy?.Path, x.Work.Service, x.Policy?.CommitmentReceiptNo,
                dispatch.Kind == DispatchKind.WorkOrder ? x.Policy?.GoAhead : null))
            .ToList();
        var joint = dispatch.Kind == DispatchKind.WorkOrder && policy.JointConstructionGroupId is { } group && outerWorks.Count > 0 && jointCounterparts is not null
            ? new JointConstruction(group, jointCounterparts)
            : null;
        return new DispatchDocument(
            dispatch.DispatchId, dispatch.CaseId, dispatch.Region, dispatch.Zone, dispatch.Kind, dispatch.Service,
            dispatch.CounterpartId,
            new DispatchApplicant(app.Applicant.Name, app.Applicant.Uscc, app.Applicant.Contact, app.Applicant.Phone),
            new DispatchProject(app.Project.Code, app.Project.Name, app.Project.Address, app.Project.PermitNo),
            dispatch.Service is { } service ? DemandDocument.Of(app, service, withService: false) : null,
            outerWorks, app.SurveyDate, dispatch.RespondBy, dispatch.Question, joint, dispatch.RelatesTo, Appointment: dispatch.Appointment,
            Stage: dispatch.Stage, Rating: dispatch.Rating);
    }
}

/// <summary>The gateway's own facts about a dispatch that go into its document.</summary>
public sealed record DispatchContext(
    string DispatchId, string CaseId, string Region, string? Zone, DispatchKind Kind, ServiceType? Service,
    string CounterpartId, DateTimeOffset? RespondBy, string? Question = null, string? RelatesTo = null, AppointmentDocument? Appointment = null,
    string? Stage = null, RatingNotice? Rating = null);
