using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Counterparts;

/// <summary>Builds the work order / approval request body a counterpart receives for one dispatch.</summary>
public static class DispatchDocumentBuilder
{
    public static DispatchDocument Build(HookupApplication app, DispatchContext dispatch)
    {
        var outerWorks = app.OuterWorks
            .Where(w => dispatch.Service is null || w.Service == dispatch.Service)
            .Select(w => new DispatchOuterWork(w.LengthM, w.DiameterDn, w.OuterDiameterMm, w.Holes, w.GreenM2,
                w.RoadCrossingM, w.EnterpriseInvested, w.Hazardous, w.SpecialZones.Count > 0 ? w.SpecialZones : null,
                w.RecentRoad, w.SmallAttached, Path: null))
            .ToList();
        return new DispatchDocument(
            dispatch.DispatchId, dispatch.CaseId, dispatch.Region, dispatch.Zone, dispatch.Kind, dispatch.Service,
            dispatch.CounterpartId,
            new DispatchApplicant(app.Applicant.Name, app.Applicant.Uscc, app.Applicant.Contact, app.Applicant.Phone),
            new DispatchProject(app.Project.Code, app.Project.Name, app.Project.Address, app.Project.PermitNo),
            dispatch.Service is { } service ? DemandDocument.Of(app, service, withService: false) : null,
            outerWorks, app.SurveyDate, dispatch.RespondBy);
    }
}

/// <summary>The gateway's own facts about a dispatch that go into its document.</summary>
public sealed record DispatchContext(
    string DispatchId, string CaseId, string Region, string? Zone, string Kind, ServiceType? Service,
    string CounterpartId, DateTimeOffset RespondBy);
