using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;
using static Gateway.IntegrationTests.Deadlines.ClockHarness;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary>
/// Every Keqiao clock of the plan on one case, through the real host and signed calls, each due instant computed by hand
/// (office hours 09:00–12:00, 13:30–17:30; a period in days does not count its start day): work-order response, department
/// involvement, parallel approval (started by INVOLVED and by SURVEY_REQUIRED), joint survey, special-equipment inspection,
/// and connection with the applicant's deferral pausing it. Special-demonstration works get no approval clock.
/// </summary>
public sealed class KeqiaoClockTests
{
    private static readonly string[] Departments =
        ["keqiao-police", "keqiao-natural-resources", "keqiao-transport", "keqiao-approval-bureau", "keqiao-law-enforcement", "keqiao-housing"];

    private static byte[] Application(int lengthM, params string[] specialZones) =>
        GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s =>
        {
            s["applyNo"] = "ZJC" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            s["surveyDate"] = null;
            s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 120, ["usage"] = new JsonArray("PRODUCTION") });
            s["outerWorks"] = new JsonArray(new JsonObject
            {
                ["type"] = "WATER", ["lengthM"] = lengthM, ["diameterDn"] = 200,
                ["specialZones"] = new JsonArray(specialZones.Select(z => (JsonNode)z).ToArray()), ["recentRoad"] = false,
            });
        });

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task Every_keqiao_clock_starts_is_due_when_the_plan_says_and_stops_or_pauses_on_its_event(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        // Monday 2026-11-23 09:30.
        await using var h = await StartAsync(["keqiao-water", .. Departments], Local(11, 23, 9, 30), deployment);
        var caseId = await h.CaseIdOfAsync(await h.Host.PushZhejiangAsync(Application(250)));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var water = DispatchOf(view, "keqiao-water");

        // Work-order response and department involvement: 1 wd from Monday → Tuesday 17:30.
        Assert.Equal(Local(11, 24, 17, 30), Time(ClockOf(view, "WORK_ORDER_RESPONSE", "keqiao-water")["dueAt"]));
        foreach (var department in Departments)
            Assert.Equal(Local(11, 24, 17, 30), Time(ClockOf(view, "DEPARTMENT_INVOLVEMENT", department)["dueAt"]));
        await h.ReportAsync("keqiao-water", water, "ACCEPTED");

        // Tuesday 10:00: police is involved without a survey, transport wants one; the others are not involved.
        h.Clock.Set(Local(11, 24, 10));
        await h.DecideAsync("keqiao-police", DispatchOf(view, "keqiao-police"), "INVOLVED");
        await h.DecideAsync("keqiao-transport", DispatchOf(view, "keqiao-transport"), "SURVEY_REQUIRED");
        foreach (var department in Departments.Except(["keqiao-police", "keqiao-transport"]))
            await h.DecideAsync(department, DispatchOf(view, department), "NOT_INVOLVED");
        view = await h.ViewAsync(caseId);
        Assert.Equal("MET", (string?)ClockOf(view, "WORK_ORDER_RESPONSE", "keqiao-water")["state"]);
        Assert.NotNull(ClockOf(view, "DEPARTMENT_INVOLVEMENT", "keqiao-police")["metAt"]);
        // Parallel approval: 5 wd from Tuesday → Wed, Thu, Fri, Mon, Tue 2026-12-01 17:30 — for both "involved" answers.
        foreach (var department in new[] { "keqiao-police", "keqiao-transport" })
        {
            var approval = ClockOf(view, "PARALLEL_APPROVAL", department);
            Assert.Equal(Local(12, 1, 17, 30), Time(approval["dueAt"]));
            Assert.Equal("RUNNING", (string?)approval["state"]);
        }
        // Joint survey: 2 wd from Tuesday → Thursday 17:30; one for the case.
        var survey = ClockOf(view, "JOINT_SURVEY", "keqiao-transport");
        Assert.Equal(Local(11, 26, 17, 30), Time(survey["dueAt"]));
        Assert.Single(view["clocks"]!.AsArray(), c => (string?)c!["step"] == "JOINT_SURVEY");

        // Wednesday 10:00: the survey is done (the utility reports it) and a special-equipment inspection is requested.
        h.Clock.Set(Local(11, 25, 10));
        await h.ReportAsync("keqiao-water", water, "SURVEYED");
        await h.ReportAsync("keqiao-water", water, "INSPECTION_REQUESTED");
        view = await h.ViewAsync(caseId);
        AssertAround(Local(11, 25, 10), ClockOf(view, "JOINT_SURVEY", "keqiao-transport")["metAt"]);
        var inspection = ClockOf(view, "SPECIAL_EQUIPMENT_INSPECTION", "keqiao-water");
        Assert.Equal(Local(12, 2, 17, 30), Time(inspection["dueAt"])); // Thu, Fri, Mon, Tue, Wed
        await h.ReportAsync("keqiao-water", water, "INSPECTED");

        // The approvals: both APPROVAL questions answered, the clocks stop, the go-ahead follows.
        view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).Count(d => (string?)d["question"] == "APPROVAL") == 2);
        foreach (var department in new[] { "keqiao-police", "keqiao-transport" })
            await h.DecideAsync(department, DispatchOf(view, department, "APPROVAL"), "APPROVED");
        view = await h.ViewAsync(caseId);
        Assert.NotNull(ClockOf(view, "SPECIAL_EQUIPMENT_INSPECTION", "keqiao-water")["metAt"]);
        Assert.All(new[] { "keqiao-police", "keqiao-transport" }, d => Assert.Equal("MET", (string?)ClockOf(view, "PARALLEL_APPROVAL", d)["state"]));
        Assert.NotNull(view["outerWorks"]![0]!["goAheadAt"]);

        // Thursday 10:00: the applicant asks for connection — 3 wd → Fri, Mon, Tue 2026-12-01 17:30.
        h.Clock.Set(Local(11, 26, 10));
        await h.ReportAsync("keqiao-water", water, "COMPLETION_REQUESTED");
        view = await h.ViewAsync(caseId);
        Assert.Equal(Local(12, 1, 17, 30), Time(ClockOf(view, "CONNECTION", "keqiao-water")["dueAt"]));
        // …then defers to Thursday 2026-12-03: paused until then, due 3 wd after it (Fri 4, Mon 7, Tue 8) at 17:30.
        await h.ReportAsync("keqiao-water", water, "CONNECTION_DEFERRED", b => b["until"] = "2026-12-03");
        h.Clock.Set(Local(12, 2, 10));
        view = await h.ViewAsync(caseId);
        var connection = ClockOf(view, "CONNECTION", "keqiao-water");
        Assert.Equal("PAUSED", (string?)connection["state"]);
        Assert.Equal(Local(12, 3, 0), Time(connection["pausedUntil"]));
        Assert.Equal(Local(12, 8, 17, 30), Time(connection["dueAt"]));
        // On the applicant's date it runs again.
        h.Clock.Set(Local(12, 3, 10));
        connection = ClockOf(await h.ViewAsync(caseId), "CONNECTION", "keqiao-water");
        Assert.Equal("RUNNING", (string?)connection["state"]);
        Assert.Null(connection["pausedUntil"]);
        foreach (var status in new[] { "CONSTRUCTING", "CONSTRUCTED", "CONNECTED" })
            await h.ReportAsync("keqiao-water", water, status);
        view = await h.ViewAsync(caseId);
        connection = ClockOf(view, "CONNECTION", "keqiao-water");
        AssertAround(Local(12, 3, 10), connection["metAt"]);
        Assert.False((bool)connection["overdue"]!);
        Assert.Equal("CLOSED", (string?)view["status"]);
        Assert.All(view["clocks"]!.AsArray(), c => Assert.Equal("MET", (string?)c!["state"]));

        // Special-demonstration works (a river crossing): the department's approval question carries no due time.
        var special = await h.CaseIdOfAsync(await h.Host.PushZhejiangAsync(Application(150, "RIVER")));
        view = await h.Host.WaitForCaseAsync(special, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.Equal("SPECIAL_DEMONSTRATION", (string?)view["outerWorks"]![0]!["path"]);
        await h.DecideAsync("keqiao-police", DispatchOf(view, "keqiao-police"), "INVOLVED");
        view = await h.ViewAsync(special);
        var question = Dispatches(view).Single(d => (string?)d["question"] == "APPROVAL");
        Assert.Null(question["dueAt"]);
        Assert.NotNull(question["dueNote"]);
        var untimed = ClockOf(view, "PARALLEL_APPROVAL", "keqiao-police");
        Assert.Null(untimed["dueAt"]);
        Assert.NotNull(untimed["note"]);
    }
}
