using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// What a utility's progress or a department's decision does to a case (docs/lifecycle.md): legal transitions only, the
/// joint survey scheduled once, the go-ahead for outer works once every involved department approved, and the case
/// CONNECTED then CLOSED when every service is connected and nothing is left open.
/// Pure: it reads a snapshot and returns effects; the store applies them in one transaction.
/// </summary>
public sealed class CaseEventRules(RegionCatalog regions, FanOutPlanner planner, CalendarHolder calendars, LifecycleSettings settings)
{
    /// <summary>The wire names a progress report and a decision may carry (what the validators accept).</summary>
    public static readonly IReadOnlySet<string> ProgressStatuses = Enum.GetValues<WorkProgress>().Select(WireName.Of).ToHashSet();
    public static readonly IReadOnlySet<string> Decisions = Enum.GetValues<Decision>().Select(WireName.Of).ToHashSet();
    /// <summary>The utility events that start, pause or stop a clock (same endpoint as progress).</summary>
    public static readonly IReadOnlySet<string> UtilityEvents = Enum.GetValues<UtilityEvent>().Select(WireName.Of).ToHashSet();
    private readonly ClockRules _clocks = new(calendars, settings);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static bool Settled(DispatchStatus status) => status is DispatchStatus.Done or DispatchStatus.Rejected;
    private static bool NeedsGoAhead(WorkProgress progress) => progress is WorkProgress.Constructing or WorkProgress.Constructed or WorkProgress.Connected;

    public Func<CaseSnapshot, CaseEffects> Progress(WorkProgress status, string orderNo, string? note) => s =>
    {
        var d = s.Subject;
        if (d.Kind != DispatchKind.WorkOrder)
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 是审批请求，审批结果请通过 decisions 接口报告");
        var current = d.WorkProgress;
        if (current is WorkProgress.Connected or WorkProgress.Rejected || (Settled(d.Status) && current is null))
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED",
                $"派单 {d.DispatchId} 已{(current is { } c ? LifecycleNames.Of(c) : LifecycleNames.Of(d.Status))}，不能再报告 {WireName.Of(status)}");
        // Progress only moves forward (the enumeration's order); REJECTED may come at any point before CONNECTED.
        if (status != WorkProgress.Rejected && current is { } now && status <= now)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"派单 {d.DispatchId} 当前为 {d.Progress}，不能回到或重复 {WireName.Of(status)}");
        var service = d.Service is null ? (ServiceType?)null : WireName.Parse<ServiceType>(d.Service);
        if (NeedsGoAhead(status) && service is { } sv && !s.Policy.HasGoAhead(sv))
            return CaseEffects.Refuse("OUTER_WORKS_NOT_APPROVED",
                $"{d.Service} 外线工程尚未获准开工：需全部涉及部门审批通过或取得告知承诺回执后方可施工");

        var effects = new CaseEffects();
        var newStatus = status switch
        {
            WorkProgress.Connected => DispatchStatus.Done,
            WorkProgress.Rejected => DispatchStatus.Rejected,
            _ => DispatchStatus.InProgress,
        };
        // The step a work order answers for is done once the utility took it up (or, for a whole-hookup limit, connected).
        var met = status is WorkProgress.Connected or WorkProgress.Rejected || d.SlaStep == SlaStep.WorkOrderResponse;
        effects.DispatchChanges.Add(new DispatchChange(d.DispatchId, newStatus, WireName.Of(status), met, d.ExternalRef is null ? orderNo : null));
        effects.Timeline.Add(new TimelineEntry(s.Now, status == WorkProgress.Rejected ? TimelineType.DispatchRejected : TimelineType.DispatchProgress, Actor(d),
            $"{d.CounterpartId}：{LifecycleNames.Of(status)}{(string.IsNullOrWhiteSpace(note) ? "" : $"（{note}）")}", d.DispatchId));
        if (s.Case.Status is CaseStatus.Accepted or CaseStatus.Dispatched)
        {
            effects.CaseStatus = CaseStatus.InProgress;
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.InProgress, "gateway", "各方已开始办理"));
        }
        if (status == WorkProgress.Connected)
        {
            effects.Callbacks.Add((PortalEventNames.ServiceConnected, d, $"{d.CounterpartId} 已接通"));
            // The other work orders of this utility on this case (the go-ahead, or the original) are done with it.
            foreach (var sibling in s.Dispatches.Where(x => x.Kind == DispatchKind.WorkOrder && x.CounterpartId == d.CounterpartId && x.DispatchId != d.DispatchId && !Settled(x.Status)))
                effects.DispatchChanges.Add(new DispatchChange(sibling.DispatchId, DispatchStatus.Done, WireName.Of(WorkProgress.Connected), true));
        }
        _clocks.OnProgress(s, Region(s), status, effects);
        CloseIfDone(s, effects);
        return effects;
    };

    /// <summary>
    /// A utility's clock event (the applicant's completion request, a deferral, the agreed time, an inspection, the commitment
    /// filing, the road restored): recorded on the timeline, never moves the progress step; the clock rules decide the rest.
    /// </summary>
    public Func<CaseSnapshot, CaseEffects> UtilityReport(UtilityEvent report, UtilityEventDetail detail, string? note) => s =>
    {
        var d = s.Subject;
        if (d.Kind != DispatchKind.WorkOrder)
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 是审批请求，审批结果请通过 decisions 接口报告");
        if (d.Status == DispatchStatus.Rejected)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"派单 {d.DispatchId} 已{LifecycleNames.Of(d.Status)}，不能再报告 {WireName.Of(report)}");
        var effects = new CaseEffects();
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.UtilityReported, Actor(d),
            $"{d.CounterpartId}：{ClockRules.Label(report)}{(string.IsNullOrWhiteSpace(note) ? "" : $"（{note}）")}", d.DispatchId));
        _clocks.OnUtilityEvent(s, Region(s), report, detail, effects);
        return effects;
    };

    public Func<CaseSnapshot, CaseEffects> Decision(Decision decision, string? permitNo, string? reason) => s =>
    {
        var d = s.Subject;
        if (d.Kind != DispatchKind.ApprovalRequest)
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 是工单，办理进度请通过 events 接口报告");
        if (Settled(d.Status))
            return CaseEffects.Refuse("ALREADY_DECIDED", $"审批请求 {d.DispatchId} 已有结论（{d.Progress}），不能再报告 {WireName.Of(decision)}");
        var askedInvolvement = d.Question == ApprovalQuestion.Involvement;
        var involved = decision is Contracts.Lifecycle.Decision.SurveyRequired or Contracts.Lifecycle.Decision.Involved;
        if (involved && !askedInvolvement)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"{WireName.Of(decision)} 只能回答“是否涉及”问询；审批阶段请给出审批结论");

        var materialsComplete = decision == Contracts.Lifecycle.Decision.MaterialsComplete;
        if (materialsComplete && d.Decision != Contracts.Lifecycle.Decision.NeedsMoreInfo)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"{WireName.Of(decision)} 只能在本部门要求补充材料（{WireName.Of(Contracts.Lifecycle.Decision.NeedsMoreInfo)}）之后报告");
        // Puyang times approval only on complete materials: asking for more stops the request's clock, complete materials restart it.
        var pausesForMaterials = d.Timed && Region(s).SlaPausedForMaterials.Contains(d.SlaStep);

        var effects = new CaseEffects();
        var (status, met) = decision switch
        {
            Contracts.Lifecycle.Decision.Rejected => (DispatchStatus.Rejected, true),
            // An answer to "involved?", not yet a decision; or, where approval waits for complete materials, its clock stops.
            Contracts.Lifecycle.Decision.NeedsMoreInfo => (DispatchStatus.InProgress, askedInvolvement || pausesForMaterials),
            Contracts.Lifecycle.Decision.MaterialsComplete => (DispatchStatus.InProgress, false),
            _ => (DispatchStatus.Done, true),
        };
        var retime = materialsComplete && pausesForMaterials ? RetimeFromNow(s, d) : null;
        effects.DispatchChanges.Add(new DispatchChange(d.DispatchId, status, WireName.Of(decision), met, Retime: retime));
        var detail = $"{d.CounterpartId}：{LifecycleNames.Of(decision)}{(permitNo is null ? "" : $"，许可证号 {permitNo}")}{(string.IsNullOrWhiteSpace(reason) ? "" : $"（{reason}）")}";
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ApprovalDecided, Actor(d), detail, d.DispatchId));
        effects.Callbacks.Add((PortalEventNames.ApprovalDecided, d, detail));

        var dispatches = s.Dispatches.ToList();
        if (involved)
        {
            var region = Region(s);
            var at = Instant(s.Now);
            if (decision == Contracts.Lifecycle.Decision.SurveyRequired && s.Policy.JointSurveyDate is null)
            {
                var date = SurveyDate(s, region);
                effects.Policy = s.Policy with { JointSurveyDate = date };
                var parties = s.Dispatches.Select(x => x.CounterpartId).Distinct();
                effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.JointSurveyScheduled, "gateway",
                    $"联合踏勘定于 {date:yyyy-MM-dd}，各方一次到场：{string.Join("、", parties)}"));
            }
            // Special-demonstration works (专项论证) have no approval limit: with no other work awaiting approval, the question is untimed.
            var specialOnly = s.Policy.OuterWorks.Where(w => w.Path != OuterWorkPath.Commitment).All(w => w.Path == OuterWorkPath.SpecialDemonstration);
            var follow = NewDispatch.From(planner.ApprovalFollowUp(region, d.CounterpartId, at, calendars.Calculator, specialOnly), d.CaseId,
                s.Dispatches.Max(x => x.Ordinal) + 1, s.Now, settings, relatedTo: d.DispatchId);
            // Where the request itself runs the approval clock (Puyang: from the request sent), the follow-up continues it.
            if (follow.Timed && d.Timed && d.SlaStep == follow.SlaStep && d.MetAt is null)
                (follow.DueFrom, follow.DueAt, follow.DueProvisional, follow.WarnAt) = (d.DueFrom, d.DueAt, d.DueProvisional, d.WarnAt);
            effects.NewDispatches.Add(follow);
            dispatches.Add(follow);
        }

        // Every approval request settled and none refused: the outer works still waiting may start.
        var after = dispatches.Select(x => x.DispatchId == d.DispatchId ? Clone(x, status) : x).ToList();
        var approvals = after.Where(x => x.Kind == DispatchKind.ApprovalRequest).ToList();
        var waiting = (effects.Policy ?? s.Policy).OuterWorks.Where(w => w.GoAheadAt is null).ToList();
        if (waiting.Count > 0 && approvals.All(x => x.Status == DispatchStatus.Done))
            GiveGoAhead(s, effects, waiting, after);
        _clocks.OnDecision(s, Region(s), decision, effects);
        CloseIfDone(s, effects);
        return effects;
    };

    private void GiveGoAhead(CaseSnapshot s, CaseEffects effects, List<OuterWorkState> waiting, List<DispatchRow> dispatches)
    {
        var region = Region(s);
        var at = Instant(s.Now);
        var policy = effects.Policy ?? s.Policy;
        effects.Policy = policy with
        {
            OuterWorks = policy.OuterWorks.Select(w => w.GoAheadAt is null ? w with { GoAheadAt = at } : w).ToList(),
        };
        var ordinal = dispatches.Max(x => x.Ordinal);
        foreach (var service in waiting.Select(w => w.Service).Distinct())
        {
            var wire = WireName.Of(service);
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.OuterWorksGoAhead, "gateway", $"{wire} 外线工程：涉及部门均已审批通过，准予开工"));
            foreach (var original in dispatches.Where(x => x.Kind == DispatchKind.WorkOrder && x.Service == wire && x.RelatedDispatchId is null))
            {
                var goAhead = NewDispatch.From(planner.GoAhead(region, original.CounterpartId, service, at, calendars.Calculator), s.Case.CaseId,
                    ++ordinal, s.Now, settings, relatedTo: original.DispatchId);
                effects.NewDispatches.Add(goAhead);
            }
        }
    }

    /// <summary>All work orders connected → CONNECTED; and with nothing left open → CLOSED.</summary>
    private static void CloseIfDone(CaseSnapshot s, CaseEffects effects)
    {
        var changes = effects.DispatchChanges.ToDictionary(c => c.DispatchId);
        var all = s.Dispatches.Select(d => changes.TryGetValue(d.DispatchId, out var c) ? Clone(d, c.Status, c.Progress) : d)
            .Concat(effects.NewDispatches).ToList();
        var utilities = all.Where(d => d.Kind == DispatchKind.WorkOrder).GroupBy(d => d.CounterpartId).ToList();
        if (utilities.Count == 0 || !utilities.All(u => u.Any(d => d.WorkProgress == WorkProgress.Connected))) return;
        var status = effects.CaseStatus ?? s.Case.Status;
        if (status is CaseStatus.Connected or CaseStatus.Closed) return;
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.Connected, "gateway", "全部服务已接通"));
        effects.CaseStatus = CaseStatus.Connected;
        // A fee notice still on its way holds nothing open: it is a delivery, settled by its receipt.
        if (all.Where(d => !DeliveryRules.IsNotice(d.Kind)).All(d => Settled(d.Status)))
        {
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.Closed, "gateway", "全部派单已办结，报装办结"));
            effects.Callbacks.Add((PortalEventNames.CaseClosed, null, "联合报装已办结"));
            effects.CaseStatus = CaseStatus.Closed;
        }
    }

    private DateOnly SurveyDate(CaseSnapshot s, RegionPolicy region)
    {
        // The applicant's preferred date when still ahead; else the next working day.
        var preferred = System.Text.Json.JsonSerializer.Deserialize<HookupApplication>(s.Case.ApplicationJson, Gateway.Contracts.Json.GatewayJson.Options)!.SurveyDate;
        var today = DateOnly.FromDateTime(Instant(s.Now).DateTime);
        if (preferred is { } p && p > today) return p;
        var next = calendars.Calculator.DueAtOrProvisional(Instant(s.Now), 1, region.OfficeHours).At;
        return DateOnly.FromDateTime(next.ToOffset(Beijing).DateTime);
    }

    /// <summary>The request's full limit counted again from now (Civil Code rule and office hours as at the start).</summary>
    private DispatchRetime RetimeFromNow(CaseSnapshot s, DispatchRow d)
    {
        var due = calendars.Calculator.DueAtOrProvisional(Instant(s.Now), d.SlaHalfDays / 2m, Region(s).OfficeHours);
        var dueAt = due.At.ToUnixTimeMilliseconds();
        return new DispatchRetime(s.Now, dueAt, due.Provisional, DeadlineWarning.WarnAt(s.Now, dueAt, settings.DeadlineWarningFraction));
    }

    private RegionPolicy Region(CaseSnapshot s) => regions.Find(s.Case.Region) ?? throw new InvalidOperationException($"case {s.Case.CaseId}: region {s.Case.Region} is not configured");
    private static DateTimeOffset Instant(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
    private static string Actor(DispatchRow d) => $"counterpart:{d.CounterpartId}";

    private static DispatchRow Clone(DispatchRow d, DispatchStatus status, string? progress = null) => new()
    {
        DispatchId = d.DispatchId, CaseId = d.CaseId, Ordinal = d.Ordinal, CounterpartId = d.CounterpartId, Kind = d.Kind,
        Service = d.Service, SlaStep = d.SlaStep, Status = status, Progress = progress ?? d.Progress, Question = d.Question,
        RelatedDispatchId = d.RelatedDispatchId,
    };
}
