using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Json;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;

namespace Gateway.UnitTests.Cases;

/// <summary>The case rules on snapshots: legal progress only, the go-ahead once, CONNECTED then CLOSED.</summary>
public sealed class CaseEventRulesTests
{
    private static readonly CaseEventRules Rules = new(TestRepo.Regions, new FanOutPlanner(), new CalendarHolder(TestRepo.Config),
        new LifecycleSettings(DispatchLease: TimeSpan.FromSeconds(60), DeadlineWarningFraction: 0.75));
    private static readonly long Now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

    private static DispatchRow Dispatch(string id, string counterpart, string kind, string? service, string status = "ACKNOWLEDGED",
        string? progress = null, string? question = null, string? relatesTo = null, int ordinal = 0) => new()
    {
        DispatchId = id, CaseId = "keqiao-20261124-TEST0001", CounterpartId = counterpart, Kind = WireName.Parse<DispatchKind>(kind), Service = service, Status = WireName.Parse<DispatchStatus>(status),
        Progress = progress, Question = question, RelatedDispatchId = relatesTo, Ordinal = ordinal, SlaStep = "WORK_ORDER_RESPONSE",
    };

    private static CaseSnapshot Snapshot(DispatchRow subject, IReadOnlyList<DispatchRow> all, params OuterWorkState[] outerWorks) =>
        Snapshot("keqiao", subject, all, outerWorks);

    private static CaseSnapshot Snapshot(string region, DispatchRow subject, IReadOnlyList<DispatchRow> all, params OuterWorkState[] outerWorks) => new(
        new CaseRow { CaseId = "keqiao-20261124-TEST0001", Region = region, Status = WireName.Parse<CaseStatus>("DISPATCHED"), Portal = "zhejiang",
            ApplicationJson = JsonSerializer.Serialize(new HookupApplication { SurveyDate = new DateOnly(2026, 11, 26) }, GatewayJson.Options) },
        new CasePolicyDocument(outerWorks, [], null, null), all, subject, Now);

    // The rules take typed values; these tests speak the wire names of docs/lifecycle.md.
    private static Func<CaseSnapshot, CaseEffects> ProgressRule(string status, string orderNo, string? note) =>
        Rules.Progress(WireName.Parse<WorkProgress>(status), orderNo, note);
    private static Func<CaseSnapshot, CaseEffects> DecisionRule(string decision, string? permitNo, string? reason) =>
        Rules.Decision(WireName.Parse<Decision>(decision), permitNo, reason);
    private static string? StatusName(CaseStatus? status) => status is { } s ? WireName.Of(s) : null;

    private static OuterWorkState Waiting(ServiceType service) => new(service, 250, OuterWorkPath.ParallelApproval, null, ["…"], null, null);

    [Theory]
    [InlineData(null, "ACCEPTED", true)]
    [InlineData(null, "CONNECTED", true)] // steps may be skipped
    [InlineData("DESIGNED", "SURVEYED", false)]
    [InlineData("DESIGNED", "DESIGNED", false)]
    [InlineData("DESIGNED", "REJECTED", true)]
    [InlineData("CONNECTED", "REJECTED", false)]
    [InlineData("REJECTED", "ACCEPTED", false)]
    public void Progress_only_moves_forward(string? current, string next, bool allowed)
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER", progress: current,
            status: current switch { null => "ACKNOWLEDGED", "CONNECTED" => "DONE", "REJECTED" => "REJECTED", _ => "IN_PROGRESS" });
        var effects = ProgressRule(next, "ORD-1", null)(Snapshot(water, [water]));
        Assert.Equal(allowed, effects.Refusal is null);
        if (!allowed) Assert.Equal("TRANSITION_NOT_ALLOWED", effects.Refusal!.Code);
    }

    [Theory]
    [InlineData("DESIGNED", true)]
    [InlineData("CONSTRUCTING", false)]
    [InlineData("CONNECTED", false)]
    public void Building_waits_for_the_go_ahead(string status, bool allowed)
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER");
        var effects = ProgressRule(status, "ORD-1", null)(Snapshot(water, [water], Waiting(ServiceType.Water)));
        Assert.Equal(allowed, effects.Refusal is null);
        if (!allowed) Assert.Equal("OUTER_WORKS_NOT_APPROVED", effects.Refusal!.Code);
    }

    [Fact]
    public void The_last_approval_gives_the_go_ahead_once_as_a_work_order_of_its_own()
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER", ordinal: 0);
        var police = Dispatch("d2", "keqiao-police", "APPROVAL_REQUEST", null, status: "DONE", progress: "NOT_INVOLVED", question: "INVOLVEMENT", ordinal: 1);
        var housing = Dispatch("d3", "keqiao-housing", "APPROVAL_REQUEST", null, question: "INVOLVEMENT", ordinal: 2);

        var effects = DecisionRule("APPROVED", "P-1", null)(Snapshot(housing, [water, police, housing], Waiting(ServiceType.Water)));

        Assert.Null(effects.Refusal);
        var row = Assert.Single(effects.NewDispatches);
        Assert.Equal(("keqiao-water", "WORK_ORDER", "WATER", "d1"), (row.CounterpartId, WireName.Of(row.Kind), row.Service, row.RelatedDispatchId));
        Assert.NotNull(Assert.Single(effects.Policy!.OuterWorks).GoAheadAt);
        Assert.Contains(effects.Timeline, t => t.TypeName == "OUTER_WORKS_GO_AHEAD");
    }

    [Fact]
    public void A_survey_is_scheduled_once_and_brings_the_approval_question()
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER");
        var transport = Dispatch("d2", "keqiao-transport", "APPROVAL_REQUEST", null, question: "INVOLVEMENT", ordinal: 1);
        var effects = DecisionRule("SURVEY_REQUIRED", null, null)(Snapshot(transport, [water, transport], Waiting(ServiceType.Water)));

        var follow = Assert.Single(effects.NewDispatches);
        Assert.Equal(("keqiao-transport", "APPROVAL", "d2"), (follow.CounterpartId, follow.Question, follow.RelatedDispatchId));
        Assert.Equal(new DateOnly(2026, 11, 26), effects.Policy!.JointSurveyDate); // the applicant's date, still ahead
        Assert.Null(effects.Policy.OuterWorks[0].GoAheadAt); // the approval is still to come
        Assert.Single(effects.Timeline, t => t.TypeName == "JOINT_SURVEY_SCHEDULED");
    }

    [Fact]
    public void A_survey_cannot_answer_the_approval_question_and_a_decided_request_takes_no_second_decision()
    {
        var approval = Dispatch("d2", "keqiao-transport", "APPROVAL_REQUEST", null, question: "APPROVAL");
        Assert.Equal("TRANSITION_NOT_ALLOWED", DecisionRule("SURVEY_REQUIRED", null, null)(Snapshot(approval, [approval])).Refusal?.Code);
        var decided = Dispatch("d3", "keqiao-police", "APPROVAL_REQUEST", null, status: "DONE", progress: "APPROVED", question: "INVOLVEMENT");
        Assert.Equal("ALREADY_DECIDED", DecisionRule("REJECTED", null, "x")(Snapshot(decided, [decided])).Refusal?.Code);
    }

    [Fact]
    public void The_last_connection_makes_the_case_connected_then_closed()
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER", status: "DONE", progress: "CONNECTED");
        var gas = Dispatch("d2", "keqiao-gas", "WORK_ORDER", "GAS", status: "IN_PROGRESS", progress: "CONSTRUCTED", ordinal: 1);
        var effects = ProgressRule("CONNECTED", "ORD-2", null)(Snapshot(gas, [water, gas]));

        Assert.Equal("CLOSED", StatusName(effects.CaseStatus));
        Assert.Equal(["DISPATCH_PROGRESS", "IN_PROGRESS", "CONNECTED", "CLOSED"], effects.Timeline.Select(t => t.TypeName));
        Assert.Equal(["SERVICE_CONNECTED", "CASE_CLOSED"], effects.Callbacks.Select(c => c.Event));
    }

    [Fact]
    public void Connected_but_an_approval_still_open_stays_connected()
    {
        var water = Dispatch("d1", "keqiao-water", "WORK_ORDER", "WATER", status: "IN_PROGRESS", progress: "CONSTRUCTED");
        var police = Dispatch("d2", "keqiao-police", "APPROVAL_REQUEST", null, status: "IN_PROGRESS", progress: "NEEDS_MORE_INFO", question: "APPROVAL", ordinal: 1);
        var effects = ProgressRule("CONNECTED", "ORD-1", null)(Snapshot(water, [water, police]));
        Assert.Equal("CONNECTED", StatusName(effects.CaseStatus));
        Assert.DoesNotContain(effects.Callbacks, c => c.Event == "CASE_CLOSED");
    }

    [Theory]
    [InlineData("puyang", true)]
    [InlineData("keqiao", false)] // Keqiao's approval clock does not wait for materials
    public void Materials_complete_restarts_the_approval_clock_only_where_the_region_times_complete_materials(string region, bool restarts)
    {
        var asked = Now - 3_600_000;
        var request = Dispatch("d1", $"{region}-police", "APPROVAL_REQUEST", null, status: "IN_PROGRESS", progress: "NEEDS_MORE_INFO", question: "APPROVAL");
        (request.SlaStep, request.DueFrom, request.DueAt, request.SlaHalfDays, request.MetAt) = ("PARALLEL_APPROVAL", asked - 3_600_000, asked + 3_600_000, 1, asked);
        var effects = DecisionRule("MATERIALS_COMPLETE", null, null)(Snapshot(region, request, [request]));
        Assert.Null(effects.Refusal);
        var change = Assert.Single(effects.DispatchChanges);
        Assert.Equal(DispatchStatus.InProgress, change.Status);
        Assert.False(change.Met);
        if (!restarts) { Assert.Null(change.Retime); return; }
        // From Tuesday 10:00 the full 0.5 wd (3.5 office hours): 10:00–12:00 + 13:30–15:00.
        Assert.Equal(Now, change.Retime!.DueFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds(), change.Retime.DueAt);
        Assert.True(change.Retime.WarnAt > Now && change.Retime.WarnAt < change.Retime.DueAt);
    }

    [Fact]
    public void Materials_complete_without_a_request_for_more_is_refused()
    {
        var request = Dispatch("d1", "puyang-police", "APPROVAL_REQUEST", null, status: "ACKNOWLEDGED", question: "INVOLVEMENT");
        var effects = DecisionRule("MATERIALS_COMPLETE", null, null)(Snapshot("puyang", request, [request]));
        Assert.Equal("TRANSITION_NOT_ALLOWED", effects.Refusal?.Code);
    }

    [Fact]
    public void Needs_more_info_stops_puyangs_approval_clock_but_not_keqiaos()
    {
        foreach (var (region, stops) in new[] { ("puyang", true), ("keqiao", false) })
        {
            var request = Dispatch("d1", $"{region}-police", "APPROVAL_REQUEST", null, status: "ACKNOWLEDGED", question: "APPROVAL");
            (request.SlaStep, request.DueAt) = ("PARALLEL_APPROVAL", Now + 3_600_000);
            var change = Assert.Single(DecisionRule("NEEDS_MORE_INFO", null, "缺少图纸")(Snapshot(region, request, [request])).DispatchChanges);
            Assert.Equal(stops, change.Met);
        }
    }
}
