using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Adapters.Counterparts;
using Gateway.Application.Store;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Privacy;

namespace Gateway.Host.Api;

/// <summary>The owner's confirmation of an intent through a portal (免申办).</summary>
[Description("业主确认意向登记 (the owner confirms an intent: it becomes a case under the portal's application number, nothing asked again)")]
public sealed record IntentConfirmRequest(
    [property: Description("意向登记编号 (intent id from the intent receipt)")] string? IntentId,
    [property: Description("门户申报编号 (the portal's application number the case is filed under)")] string? ApplicationNo);

/// <summary>The case view's link to the intent a case was converted from.</summary>
public sealed record IntentLinkView(string IntentId, ProjectStage Stage, DateTimeOffset RegisteredAt)
{
    public static IntentLinkView? Of(IntentRow? intent) => intent is null ? null : new(intent.IntentId, intent.Stage, CaseView.At(intent.RegisteredAt));
}

/// <summary>An intent (GET /api/intents/{intentId}): the project's early demand, its planning notices, timeline and the case it became.</summary>
public sealed record IntentView(
    string IntentId, string Region, string ProjectCode, ProjectStage Stage, IntentStatus Status, string Portal, string PortalApplicationNo,
    DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CaseId,
    ApplicantView Applicant, ProjectView Project, IReadOnlyList<DemandDocument> Services, IReadOnlyList<IntentNoticeView> Notices,
    IReadOnlyList<TimelineView> Timeline)
{
    public static IntentView From(IntentDocument document, bool viewer)
    {
        var row = document.Intent;
        var app = JsonSerializer.Deserialize<HookupApplication>(row.ApplicationJson, GatewayJson.Options)!;
        string? Text(string? text) => viewer ? ViewerMask.Text(text) : text;
        return new IntentView(row.IntentId, row.Region, row.ProjectCode, row.Stage, row.Status, row.Portal, row.PortalApplicationNo,
            CaseView.At(row.RegisteredAt), CaseView.At(row.UpdatedAt), row.CaseId,
            new ApplicantView(app.Applicant.Name, app.Applicant.Uscc, viewer ? PersonalDataMask.Name(app.Applicant.Contact) : app.Applicant.Contact,
                viewer ? PersonalDataMask.Phone(app.Applicant.Phone) : app.Applicant.Phone),
            new ProjectView(app.Project.Code, app.Project.Name, app.Project.Address, app.Project.PermitNo),
            app.RequestedServices().Select(s => DemandDocument.Of(app, s, withService: true)!).ToList(),
            document.Notices.Select(n => new IntentNoticeView(n.DispatchId, n.CounterpartId, n.Kind, n.Service, n.Status, n.ExternalRef,
                n.SentAt is { } sent ? CaseView.At(sent) : null, n.AcknowledgedAt is { } ack ? CaseView.At(ack) : null, n.Attempts, Text(n.LastError))).ToList(),
            document.Timeline.Select(t => new TimelineView(CaseView.At(t.At), t.Type, t.Actor, Text(t.Detail), t.DispatchId)).ToList());
    }
}

/// <summary>A planning notice: sent to one utility, settled (DONE) by its receipt; no due time.</summary>
public sealed record IntentNoticeView(string DispatchId, string CounterpartId, DispatchKind Kind, string? Service, DispatchStatus Status,
    string? ExternalRef, DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, int Attempts, string? LastError);
