using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Cases;

/// <summary>The clock rules on snapshots: what starts, pauses and stops a clock, and which approval requests are untimed.</summary>
public sealed class ClockRulesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly CaseEventRules Rules = new(TestRepo.Regions, new FanOutPlanner(), new CalendarHolder(TestRepo.Config),
        new LifecycleSettings(DispatchLease: TimeSpan.FromSeconds(60), DeadlineWarningFraction: 0.75));
    private static readonly long Tuesday10 = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing).ToUnixTimeMilliseconds();

    private static DispatchRow Dispatch(string id, string counterpart, DispatchKind kind, string? service, string? question = null) => new()
    {
        DispatchId = id, CaseId = "c1", CounterpartId = counterpart, Kind = kind, Service = service, Status = DispatchStatus.Acknowledged,
        Question = question, SlaStep = "WORK_ORDER_RESPONSE",
    };

    private static CaseSnapshot Snapshot(string region, DispatchRow subject, IReadOnlyList<DispatchRow> all, IReadOnlyList<ClockRow>? clocks,
        params OuterWorkState[] outerWorks) => new(
        new CaseRow { CaseId = "c1", Region = region, Status = CaseStatus.Dispatched, Portal = "zhejiang",
            ApplicationJson = JsonSerializer.Serialize(new HookupApplication(), GatewayJson.Options) },
        new CasePolicyDocument(outerWorks, [], null, null), all, subject, Tuesday10, clocks);

    private static OuterWorkState Work(OuterWorkPath path) => new(ServiceType.Water, 250, path, null, ["…"], null, null);

    [Fact]
    public void Involved_without_survey_starts_the_approval_clock_and_special_demonstration_leaves_it_untimed()
    {
        var police = Dispatch("q1", "keqiao-police", DispatchKind.ApprovalRequest, null, "INVOLVEMENT");
        var parallel = Rules.Decision(Decision.Involved, null, null)(Snapshot("keqiao", police, [police], null, Work(OuterWorkPath.ParallelApproval)));
        var approval = Assert.Single(parallel.NewDispatches);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 30, 0, Beijing).ToUnixTimeMilliseconds(), approval.DueAt); // 5 wd from Tuesday
        Assert.Empty(parallel.NewClocks); // no survey asked: no joint-survey clock

        var special = Rules.Decision(Decision.Involved, null, null)(Snapshot("keqiao", police, [police], null, Work(OuterWorkPath.SpecialDemonstration)));
        Assert.False(Assert.Single(special.NewDispatches).Timed);
    }

    [Fact]
    public void Deferral_pauses_the_connection_clock_until_the_applicants_date_and_counts_anew_from_it()
    {
        var water = Dispatch("w1", "keqiao-water", DispatchKind.WorkOrder, "WATER");
        var started = Rules.UtilityReport(UtilityEvent.CompletionRequested, new UtilityEventDetail(), null)(Snapshot("keqiao", water, [water], null));
        var clock = Assert.Single(started.NewClocks);
        Assert.Equal(SlaStepName.Connection, clock.Step);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 30, 0, Beijing).ToUnixTimeMilliseconds(), clock.DueAt); // Wed, Thu, Fri

        var deferred = Rules.UtilityReport(UtilityEvent.ConnectionDeferred, new UtilityEventDetail(Until: new DateOnly(2026, 12, 3)), null)(
            Snapshot("keqiao", water, [water], [clock]));
        var paused = Assert.Single(deferred.ClockChanges);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, Beijing).ToUnixTimeMilliseconds(), paused.PausedUntil);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 17, 30, 0, Beijing).ToUnixTimeMilliseconds(), paused.DueAt);
        Assert.Equal(ClockState.Paused, paused.StateAt(Tuesday10));
    }

    [Fact]
    public void A_region_without_the_limit_starts_no_clock_and_a_utility_event_never_moves_progress()
    {
        var water = Dispatch("w1", "ninghe-water", DispatchKind.WorkOrder, "WATER");
        var effects = Rules.UtilityReport(UtilityEvent.CompletionRequested, new UtilityEventDetail(), null)(Snapshot("ninghe", water, [water], null));
        Assert.Null(effects.Refusal);
        Assert.Empty(effects.NewClocks);
        Assert.Empty(effects.DispatchChanges);
        Assert.Equal(TimelineType.UtilityReported, Assert.Single(effects.Timeline).Type);
    }

    [Fact]
    public void Puyang_construction_before_the_filing_period_has_run_is_a_violation()
    {
        var water = Dispatch("w1", "puyang-water", DispatchKind.WorkOrder, "WATER");
        var commitment = new OuterWorkState(ServiceType.Water, 60, OuterWorkPath.Commitment, null, ["…"], "CN1", DateTimeOffset.FromUnixTimeMilliseconds(Tuesday10));
        var filed = Rules.UtilityReport(UtilityEvent.CommitmentFiled, new UtilityEventDetail(), null)(Snapshot("puyang", water, [water], null, commitment));
        var filing = Assert.Single(filed.NewClocks);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 30, 0, Beijing).ToUnixTimeMilliseconds(), filing.NotBefore); // filed Tue → after Thu's close

        var early = Rules.Progress(WorkProgress.Constructing, "ORD-1", null)(Snapshot("puyang", water, [water], [filing], commitment));
        Assert.Equal(ClockViolation.ConstructionBeforeFilingPeriod, Assert.Single(early.ClockChanges).Violation);
        var unfiled = Rules.Progress(WorkProgress.Constructing, "ORD-1", null)(Snapshot("puyang", water, [water], null, commitment));
        Assert.Equal(ClockViolation.ConstructionWithoutFiling, Assert.Single(unfiled.NewClocks).Violation);
    }

    [Theory]
    [InlineData("xinxian")]
    [InlineData("ninghe")]
    [InlineData("ezhou")]
    public void Departments_of_regions_without_a_limit_get_untimed_requests(string regionId)
    {
        var region = TestRepo.Regions.Find(regionId)!;
        var app = new HookupApplication { Water = new WaterDemand(), OuterWorks = [new OuterWork { Service = ServiceType.Water, LengthM = 900 }] };
        var decisions = app.OuterWorks.Select(w => Gateway.Routing.OuterWorks.OuterWorkPathDecider.Decide(w, region)).ToList();
        var plan = new FanOutPlanner().Plan(app, region, DateTimeOffset.FromUnixTimeMilliseconds(Tuesday10), new CalendarHolder(TestRepo.Config).Calculator, decisions);
        var questions = plan.Where(p => p.Kind == DispatchKind.ApprovalRequest).ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Null(q.Due));
    }
}
