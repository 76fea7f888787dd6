using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Messages;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// What a utility's progress or a department's decision does to a case (DOMAIN.md "Lifecycle", specs/counterparts.md):
/// legal transitions only, the joint survey scheduled once, the go-ahead for outer works once every involved department
/// approved, and the case CONNECTED then CLOSED when every service is connected and nothing is left open.
/// Pure: it reads a snapshot and returns effects; the store applies them in one transaction.
/// </summary>
public sealed class CaseEventRules(RegionCatalog regions, FanOutPlanner planner, CalendarHolder calendars, LifecycleSettings settings)
{
    /// <summary>Work-order progress in its only legal order; REJECTED may come at any point before CONNECTED.</summary>
    public static readonly IReadOnlyList<string> ProgressOrder = ["ACCEPTED", "SURVEYED", "DESIGNED", "CONSTRUCTING", "CONSTRUCTED", "CONNECTED"];
    public static readonly IReadOnlySet<string> ProgressStatuses = new HashSet<string>(ProgressOrder) { "REJECTED" };
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string> { "NOT_INVOLVED", "SURVEY_REQUIRED", "APPROVED", "REJECTED", "NEEDS_MORE_INFO" };
    private static readonly IReadOnlySet<string> Settled = new HashSet<string> { "DONE", "REJECTED" };
    private static readonly IReadOnlySet<string> NeedsGoAhead = new HashSet<string> { "CONSTRUCTING", "CONSTRUCTED", "CONNECTED" };
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public Func<CaseSnapshot, CaseEffects> Progress(string status, string orderNo, string? note) => s =>
    {
        var d = s.Subject;
        if (d.Kind != "WORK_ORDER")
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 是审批请求，审批结果请通过 decisions 接口报告");
        if (d.Progress is "CONNECTED" or "REJECTED" || (Settled.Contains(d.Status) && d.Progress is null))
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"派单 {d.DispatchId} 已{Name(d.Progress ?? d.Status)}，不能再报告 {status}");
        var current = d.Progress is null ? -1 : IndexOf(d.Progress);
        if (status != "REJECTED" && IndexOf(status) <= current)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", $"派单 {d.DispatchId} 当前为 {d.Progress}，不能回到或重复 {status}");
        var service = d.Service is null ? (ServiceType?)null : WireName.Parse<ServiceType>(d.Service);
        if (NeedsGoAhead.Contains(status) && service is { } sv && !s.Policy.HasGoAhead(sv))
            return CaseEffects.Refuse("OUTER_WORKS_NOT_APPROVED",
                $"{d.Service} 外线工程尚未获准开工：需全部涉及部门审批通过或取得告知承诺回执后方可施工");

        var effects = new CaseEffects();
        var newStatus = status switch { "CONNECTED" => "DONE", "REJECTED" => "REJECTED", _ => "IN_PROGRESS" };
        // The step a work order answers for is done once the utility took it up (or, for a whole-hookup limit, connected).
        var met = status is "CONNECTED" or "REJECTED" || d.SlaStep == SlaStep.WorkOrderResponse;
        effects.DispatchChanges.Add(new DispatchChange(d.DispatchId, newStatus, status, met, d.ExternalRef is null ? orderNo : null));
        effects.Timeline.Add(new TimelineEntry(s.Now, status == "REJECTED" ? "DISPATCH_REJECTED" : "DISPATCH_PROGRESS", Actor(d),
            $"{d.CounterpartId}：{Name(status)}{(string.IsNullOrWhiteSpace(note) ? "" : $"（{note}）")}", d.DispatchId));
        if (s.Case.Status is "ACCEPTED" or "DISPATCHED")
        {
            effects.CaseStatus = "IN_PROGRESS";
            effects.Timeline.Add(new TimelineEntry(s.Now, "IN_PROGRESS", "gateway", "各方已开始办理"));
        }
        if (status == "CONNECTED")
        {
            effects.Callbacks.Add((PortalEventNames.ServiceConnected, d, $"{d.CounterpartId} 已接通"));
            // The other work orders of this utility on this case (the go-ahead, or the original) are done with it.
            foreach (var sibling in s.Dispatches.Where(x => x.Kind == "WORK_ORDER" && x.CounterpartId == d.CounterpartId && x.DispatchId != d.DispatchId && !Settled.Contains(x.Status)))
                effects.DispatchChanges.Add(new DispatchChange(sibling.DispatchId, "DONE", "CONNECTED", true));
        }
        CloseIfDone(s, effects);
        return effects;
    };

    public Func<CaseSnapshot, CaseEffects> Decision(string decision, string? permitNo, string? reason) => s =>
    {
        var d = s.Subject;
        if (d.Kind != "APPROVAL_REQUEST")
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 是工单，办理进度请通过 events 接口报告");
        if (Settled.Contains(d.Status))
            return CaseEffects.Refuse("ALREADY_DECIDED", $"审批请求 {d.DispatchId} 已有结论（{d.Progress}），不能再报告 {decision}");
        var askedInvolvement = d.Question == ApprovalQuestion.Involvement;
        if (decision == "SURVEY_REQUIRED" && !askedInvolvement)
            return CaseEffects.Refuse("TRANSITION_NOT_ALLOWED", "SURVEY_REQUIRED 只能回答“是否涉及”问询；审批阶段请给出审批结论");

        var effects = new CaseEffects();
        var (status, met) = decision switch
        {
            "REJECTED" => ("REJECTED", true),
            "NEEDS_MORE_INFO" => ("IN_PROGRESS", askedInvolvement), // an answer to "involved?", not yet a decision
            _ => ("DONE", true),
        };
        effects.DispatchChanges.Add(new DispatchChange(d.DispatchId, status, decision, met));
        var detail = $"{d.CounterpartId}：{Name(decision)}{(permitNo is null ? "" : $"，许可证号 {permitNo}")}{(string.IsNullOrWhiteSpace(reason) ? "" : $"（{reason}）")}";
        effects.Timeline.Add(new TimelineEntry(s.Now, "APPROVAL_DECIDED", Actor(d), detail, d.DispatchId));
        effects.Callbacks.Add((PortalEventNames.ApprovalDecided, d, detail));

        var dispatches = s.Dispatches.ToList();
        if (decision == "SURVEY_REQUIRED")
        {
            var region = Region(s);
            var at = Instant(s.Now);
            if (s.Policy.JointSurveyDate is null)
            {
                var date = SurveyDate(s, region);
                effects.Policy = s.Policy with { JointSurveyDate = date };
                var parties = s.Dispatches.Select(x => x.CounterpartId).Distinct();
                effects.Timeline.Add(new TimelineEntry(s.Now, "JOINT_SURVEY_SCHEDULED", "gateway",
                    $"联合踏勘定于 {date:yyyy-MM-dd}，各方一次到场：{string.Join("、", parties)}"));
            }
            var follow = NewDispatch.From(planner.ApprovalFollowUp(region, d.CounterpartId, at, calendars.Calculator), d.CaseId,
                s.Dispatches.Max(x => x.Ordinal) + 1, s.Now, settings, relatedTo: d.DispatchId);
            effects.NewDispatches.Add(follow);
            dispatches.Add(follow);
        }

        // Every approval request settled and none refused: the outer works still waiting may start.
        var after = dispatches.Select(x => x.DispatchId == d.DispatchId ? Clone(x, status) : x).ToList();
        var approvals = after.Where(x => x.Kind == "APPROVAL_REQUEST").ToList();
        var waiting = (effects.Policy ?? s.Policy).OuterWorks.Where(w => w.GoAheadAt is null).ToList();
        if (waiting.Count > 0 && approvals.All(x => x.Status == "DONE"))
            GiveGoAhead(s, effects, waiting, after);
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
            effects.Timeline.Add(new TimelineEntry(s.Now, "OUTER_WORKS_GO_AHEAD", "gateway", $"{wire} 外线工程：涉及部门均已审批通过，准予开工"));
            foreach (var original in dispatches.Where(x => x.Kind == "WORK_ORDER" && x.Service == wire && x.RelatedDispatchId is null))
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
        var utilities = all.Where(d => d.Kind == "WORK_ORDER").GroupBy(d => d.CounterpartId).ToList();
        if (utilities.Count == 0 || !utilities.All(u => u.Any(d => d.Progress == "CONNECTED"))) return;
        var status = effects.CaseStatus ?? s.Case.Status;
        if (status is "CONNECTED" or "CLOSED") return;
        effects.Timeline.Add(new TimelineEntry(s.Now, "CONNECTED", "gateway", "全部服务已接通"));
        effects.CaseStatus = "CONNECTED";
        if (all.All(d => Settled.Contains(d.Status)))
        {
            effects.Timeline.Add(new TimelineEntry(s.Now, "CLOSED", "gateway", "全部派单已办结，报装办结"));
            effects.Callbacks.Add((PortalEventNames.CaseClosed, null, "联合报装已办结"));
            effects.CaseStatus = "CLOSED";
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

    private RegionPolicy Region(CaseSnapshot s) => regions.Find(s.Case.Region) ?? throw new InvalidOperationException($"case {s.Case.CaseId}: region {s.Case.Region} is not configured");
    private static DateTimeOffset Instant(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
    private static readonly IReadOnlyDictionary<string, int> Rank = ProgressOrder.Select((status, i) => (status, i)).ToDictionary(x => x.status, x => x.i);
    private static int IndexOf(string progress) => Rank[progress];
    private static string Actor(DispatchRow d) => $"counterpart:{d.CounterpartId}";

    private static DispatchRow Clone(DispatchRow d, string status, string? progress = null) => new()
    {
        DispatchId = d.DispatchId, CaseId = d.CaseId, Ordinal = d.Ordinal, CounterpartId = d.CounterpartId, Kind = d.Kind,
        Service = d.Service, SlaStep = d.SlaStep, Status = status, Progress = progress ?? d.Progress, Question = d.Question,
        RelatedDispatchId = d.RelatedDispatchId,
    };

    private static string Name(string code) => code switch
    {
        "ACCEPTED" => "已受理", "SURVEYED" => "已踏勘", "DESIGNED" => "已设计", "CONSTRUCTING" => "施工中", "CONSTRUCTED" => "已竣工",
        "CONNECTED" => "已接通", "REJECTED" => "不予受理/不予许可", "NOT_INVOLVED" => "不涉及", "SURVEY_REQUIRED" => "涉及，需联合踏勘",
        "APPROVED" => "审批通过", "NEEDS_MORE_INFO" => "需补充材料", "DONE" => "办结",
        _ => code,
    };
}
