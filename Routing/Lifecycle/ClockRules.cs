using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>What a utility event reports besides its kind: the applicant's later date, the agreed time, the planned start.</summary>
public sealed record UtilityEventDetail(DateOnly? Until = null, DateTimeOffset? AgreedAt = null, DateTimeOffset? PlannedStart = null);

/// <summary>
/// When each clock of the plans starts, pauses and stops (docs/lifecycle.md, "Clocks"). Pure: it reads the snapshot and adds
/// clock rows, clock changes and timeline entries to the effects. A clock runs only where the region file sets its limit.
/// Dispatch-level limits (work-order response, department involvement, parallel approval, whole hookup by distance) stay
/// on the dispatches; these are the steps no dispatch times.
/// </summary>
public sealed class ClockRules(CalendarHolder calendars, LifecycleSettings settings)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Label(SlaStepName step) => step switch
    {
        SlaStepName.WorkOrderResponse => "工单响应", SlaStepName.DepartmentInvolvement => "部门是否涉及答复",
        SlaStepName.ParallelApproval => "并联审批", SlaStepName.CommitmentReceipt => "告知承诺回执",
        SlaStepName.JointSurvey => "联合踏勘", SlaStepName.SpecialEquipmentInspection => "特种设备检验",
        SlaStepName.Connection => "接通", SlaStepName.ApplicantContact => "联系申请人", SlaStepName.PlanCompiled => "方案编制",
        SlaStepName.CommitmentFiling => "告知承诺备案", SlaStepName.RoadRestored => "道路恢复",
        _ => step.ToString(),
    };

    public static string Label(UtilityEvent e) => e switch
    {
        UtilityEvent.CompletionRequested => "申请人提出接通申请", UtilityEvent.ConnectionDeferred => "申请人要求延后接通",
        UtilityEvent.ConnectionAgreed => "已约定接通时间", UtilityEvent.InspectionRequested => "已申请特种设备检验",
        UtilityEvent.Inspected => "特种设备检验完成", UtilityEvent.CommitmentFiled => "已向行政审批部门备案并报送施工方案",
        UtilityEvent.RoadRestored => "道路已恢复",
        _ => e.ToString(),
    };

    /// <summary>A work order's progress: the plan clock (ACCEPTED → DESIGNED), the joint survey done, the commitment-filing
    /// rule at CONSTRUCTING, the road-restoration clock from CONSTRUCTED, the connection clock stopped at CONNECTED.</summary>
    public void OnProgress(CaseSnapshot s, RegionPolicy region, WorkProgress status, CaseEffects effects)
    {
        var d = s.Subject;
        switch (status)
        {
            case WorkProgress.Accepted:
                Start(s, region, SlaStepName.PlanCompiled, d, s.Now, effects);
                break;
            case WorkProgress.Surveyed:
                foreach (var survey in Running(s, SlaStepName.JointSurvey)) Stop(s, survey, effects, $"{d.CounterpartId} 报告已踏勘");
                break;
            case WorkProgress.Constructing:
                CheckCommitmentFiling(s, region, effects);
                break;
            case WorkProgress.Constructed when HasOuterWorks(s, d):
                Start(s, region, SlaStepName.RoadRestored, d, s.Now, effects);
                break;
            case WorkProgress.Connected:
                foreach (var c in Running(s, SlaStepName.Connection, d.CounterpartId)) Stop(s, c, effects, $"{d.CounterpartId} 已接通");
                break;
        }
        // Any step from DESIGNED on means the plan exists (steps may be skipped).
        if (status is >= WorkProgress.Designed and <= WorkProgress.Connected)
            foreach (var plan in Running(s, SlaStepName.PlanCompiled, d.CounterpartId)) Stop(s, plan, effects, $"{d.CounterpartId} 方案已编制");
    }

    /// <summary>A department's answer: the first "survey needed" starts the case's one joint-survey clock.</summary>
    public void OnDecision(CaseSnapshot s, RegionPolicy region, Decision decision, CaseEffects effects)
    {
        if (decision == Decision.SurveyRequired && !s.ClockList.Concat(effects.NewClocks).Any(c => c.Step == SlaStepName.JointSurvey))
            Start(s, region, SlaStepName.JointSurvey, s.Subject, s.Now, effects);
    }

    /// <summary>The events that exist only to start, pause or stop a clock.</summary>
    public void OnUtilityEvent(CaseSnapshot s, RegionPolicy region, UtilityEvent e, UtilityEventDetail detail, CaseEffects effects)
    {
        var d = s.Subject;
        switch (e)
        {
            case UtilityEvent.CompletionRequested:
                Start(s, region, SlaStepName.Connection, d, s.Now, effects);
                break;
            case UtilityEvent.ConnectionAgreed when detail.AgreedAt is { } agreed:
                ConnectionAgreed(s, region, d, agreed.ToUnixTimeMilliseconds(), effects);
                break;
            case UtilityEvent.ConnectionDeferred when detail.Until is { } until:
                // Paused until the applicant's date; the period then counts anew from that date (its day not counted).
                var from = new DateTimeOffset(until.ToDateTime(TimeOnly.MinValue), Beijing).ToUnixTimeMilliseconds();
                foreach (var c in Running(s, SlaStepName.Connection, d.CounterpartId))
                    Retime(s, region, c, from, pausedUntil: from, effects,
                        $"申请人要求延后接通至 {until:yyyy-MM-dd}：{Label(SlaStepName.Connection)}时限暂停，届时重新起算", TimelineType.ClockPaused);
                break;
            case UtilityEvent.InspectionRequested:
                Start(s, region, SlaStepName.SpecialEquipmentInspection, d, s.Now, effects);
                break;
            case UtilityEvent.Inspected:
                foreach (var c in Running(s, SlaStepName.SpecialEquipmentInspection, d.CounterpartId)) Stop(s, c, effects, Label(e));
                break;
            case UtilityEvent.CommitmentFiled:
                FileCommitment(s, region, detail, effects);
                break;
            case UtilityEvent.RoadRestored:
                foreach (var c in Running(s, SlaStepName.RoadRestored, d.CounterpartId)) Stop(s, c, effects, Label(e));
                break;
        }
    }

    /// <summary>
    /// A settled booking (docs/lifecycle.md, "Booked joint acceptance and connection"): the agreed time starts the connection
    /// clock of every utility whose work order is still open, exactly as that utility's own CONNECTION_AGREED would.
    /// </summary>
    public void OnBookingSettled(CaseSnapshot s, RegionPolicy region, long agreedAt, IEnumerable<DispatchRow> workOrders, CaseEffects effects)
    {
        foreach (var d in workOrders) ConnectionAgreed(s, region, d, agreedAt, effects);
    }

    /// <summary>Xin County: connection is due 1 wd after the agreed time; a new agreement re-times a running clock.</summary>
    private void ConnectionAgreed(CaseSnapshot s, RegionPolicy region, DispatchRow d, long agreed, CaseEffects effects)
    {
        var running = Running(s, SlaStepName.Connection, d.CounterpartId).FirstOrDefault();
        if (running is null) Start(s, region, SlaStepName.Connection, d, agreed, effects);
        else Retime(s, region, running, agreed, pausedUntil: null, effects,
            $"{Label(SlaStepName.Connection)}时限按约定接通时间 {Local(agreed):yyyy-MM-dd HH:mm} 重新起算");
    }

    /// <summary>Puyang: the filing starts the "at least N wd before construction" period; construction may start once it has run.</summary>
    private void FileCommitment(CaseSnapshot s, RegionPolicy region, UtilityEventDetail detail, CaseEffects effects)
    {
        var d = s.Subject;
        if (region.SlaOrNull(SlaStep.CommitmentFiling) is not { } days) return;
        if (s.ClockList.Concat(effects.NewClocks).Any(c => c.Step == SlaStepName.CommitmentFiling && c.CounterpartId == d.CounterpartId)) return;
        var earliest = calendars.Calculator.DueAtOrProvisional(Local(s.Now), days, region.OfficeHours);
        var clock = NewClock(s, SlaStepName.CommitmentFiling, d, s.Now, days);
        clock.NotBefore = earliest.At.ToUnixTimeMilliseconds();
        clock.DueProvisional = earliest.Provisional;
        effects.NewClocks.Add(clock);
        var planned = detail.PlannedStart is { } p ? $"，计划开工 {p.ToOffset(Beijing):yyyy-MM-dd}" : "";
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockStarted, "gateway",
            $"{d.CounterpartId} {Label(SlaStepName.CommitmentFiling)}{planned}：须满 {days} 个工作日方可开工（{Local(clock.NotBefore.Value):yyyy-MM-dd HH:mm} 后）", d.DispatchId));
    }

    /// <summary>CONSTRUCTING on commitment-path outer works in a region with a filing rule: met when the period has run, else a violation.</summary>
    private static void CheckCommitmentFiling(CaseSnapshot s, RegionPolicy region, CaseEffects effects)
    {
        var d = s.Subject;
        if (region.SlaOrNull(SlaStep.CommitmentFiling) is null || d.Service is null) return;
        var service = WireName.Parse<ServiceType>(d.Service);
        if (!s.Policy.OuterWorks.Any(w => w.Service == service && w.Path == OuterWorkPath.Commitment)) return;
        var filing = s.ClockList.FirstOrDefault(c => c.Step == SlaStepName.CommitmentFiling && c.CounterpartId == d.CounterpartId);
        if (filing is { MetAt: not null }) return;
        ClockRow clock;
        if (filing is null)
        {
            clock = NewClock(s, SlaStepName.CommitmentFiling, d, s.Now, 0);
            clock.Violation = ClockViolation.ConstructionWithoutFiling;
            clock.MetAt = s.Now;
            effects.NewClocks.Add(clock);
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockViolation, "gateway",
                $"{d.CounterpartId} 未办理告知承诺备案即开工", d.DispatchId));
            return;
        }
        clock = filing.Copy();
        clock.MetAt = s.Now;
        if (s.Now < filing.NotBefore)
        {
            clock.Violation = ClockViolation.ConstructionBeforeFilingPeriod;
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockViolation, "gateway",
                $"{d.CounterpartId} 开工早于备案后 {filing.SlaHalfDays / 2m} 个工作日（应在 {Local(filing.NotBefore!.Value):yyyy-MM-dd HH:mm} 之后）", d.DispatchId));
        }
        else effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockStopped, "gateway", $"{d.CounterpartId} 按备案期限开工", d.DispatchId));
        effects.ClockChanges.Add(clock);
    }

    private void Start(CaseSnapshot s, RegionPolicy region, SlaStepName step, DispatchRow d, long from, CaseEffects effects)
    {
        if (region.SlaOrNull(WireName.Of(step)) is not { } days) return;
        // One clock per case, step and counterpart: a repeated start changes nothing.
        if (s.ClockList.Concat(effects.NewClocks).Any(c => c.Step == step && c.CounterpartId == d.CounterpartId)) return;
        var clock = NewClock(s, step, d, from, days);
        Time(clock, region, from, days);
        effects.NewClocks.Add(clock);
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockStarted, "gateway",
            $"{d.CounterpartId} {Label(step)}时限 {days} 个工作日起算，截止 {Local(clock.DueAt!.Value):yyyy-MM-dd HH:mm}{(clock.DueProvisional ? "（暂定）" : "")}", d.DispatchId));
    }

    private void Retime(CaseSnapshot s, RegionPolicy region, ClockRow running, long from, long? pausedUntil, CaseEffects effects, string text,
        TimelineType type = TimelineType.ClockStarted)
    {
        var clock = running.Copy();
        Time(clock, region, from, clock.SlaHalfDays / 2m);
        clock.PausedUntil = pausedUntil;
        // A re-timed clock may warn and miss again against its new due time.
        clock.WarnedAt = null;
        clock.MissedAt = null;
        clock.Overdue = false;
        effects.ClockChanges.Add(clock);
        effects.Timeline.Add(new TimelineEntry(s.Now, type, "gateway",
            $"{text}，截止 {Local(clock.DueAt!.Value):yyyy-MM-dd HH:mm}", running.DispatchId));
    }

    private void Time(ClockRow clock, RegionPolicy region, long from, decimal days)
    {
        var due = calendars.Calculator.DueAtOrProvisional(Local(from), days, region.OfficeHours);
        clock.DueFrom = from;
        clock.DueAt = due.At.ToUnixTimeMilliseconds();
        clock.DueProvisional = due.Provisional;
        clock.WarnAt = DeadlineWarning.WarnAt(from, clock.DueAt.Value, settings.DeadlineWarningFraction);
    }

    private static void Stop(CaseSnapshot s, ClockRow running, CaseEffects effects, string why)
    {
        var clock = running.Copy();
        clock.MetAt = s.Now;
        effects.ClockChanges.Add(clock);
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.ClockStopped, "gateway",
            $"{Label(clock.Step)}时限已满足：{why}{(clock.Overdue ? "（已逾期）" : "")}", clock.DispatchId));
    }

    private static ClockRow NewClock(CaseSnapshot s, SlaStepName step, DispatchRow d, long from, decimal days) => new()
    {
        ClockId = $"clk-{Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(s.Now)):N}",
        CaseId = s.Case.CaseId,
        Step = step,
        CounterpartId = d.CounterpartId,
        DispatchId = d.DispatchId,
        StartedAt = s.Now,
        DueFrom = from,
        SlaHalfDays = (int)(days * 2),
    };

    private static IEnumerable<ClockRow> Running(CaseSnapshot s, SlaStepName step, string? counterpartId = null) =>
        s.ClockList.Where(c => c.Step == step && c.MetAt is null && (counterpartId is null || c.CounterpartId == counterpartId));

    private static bool HasOuterWorks(CaseSnapshot s, DispatchRow d) =>
        d.Service is { } service && s.Policy.OuterWorks.Any(w => WireName.Of(w.Service) == service);

    /// <summary>The sweeper's timeline entries for a clock's warning and miss (and the OVERDUE callback's detail).</summary>
    public static TimelineEntry Warning(ClockRow c, long at) =>
        new(at, TimelineType.DeadlineWarning, "gateway",
            $"{c.CounterpartId} 的{Label(c.Step)}时限即将届满（截止 {Local(c.DueAt ?? 0):yyyy-MM-dd HH:mm}）", c.DispatchId);

    public static (TimelineEntry Entry, string Detail) Missed(ClockRow c, long at)
    {
        var detail = $"{c.CounterpartId} {Label(c.Step)}逾期：应于 {Local(c.DueAt ?? 0):yyyy-MM-dd HH:mm} 前办结";
        return (new TimelineEntry(at, TimelineType.DeadlineMissed, "gateway", detail, c.DispatchId), detail);
    }

    public static TimelineEntry DueRecomputed(ClockRow c, long dueAt, bool provisional, long at) =>
        new(at, TimelineType.DueRecomputed, "gateway",
            $"工作日历已更新，{Label(c.Step)}截止时间重算为 {Local(dueAt):yyyy-MM-dd HH:mm}{(provisional ? "（仍为暂定）" : "")}", c.DispatchId);

    private static DateTimeOffset Local(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
}
