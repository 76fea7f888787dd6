using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Portals;
using static Gateway.IntegrationTests.Deadlines.ClockHarness;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary>
/// The clocks of Puyang, Xin County, Ezhou and Ninghe through the real host and signed calls, each due instant computed by
/// hand (default office hours 09:00–12:00, 13:30–17:30; Monday 2026-11-23 09:30 is the start of every case here).
/// </summary>
public sealed class RegionClockTests
{
    private static readonly DateTimeOffset Monday = Local(11, 23, 9, 30);

    private static readonly string[] PuyangParties =
        ["puyang-water", "puyang-power", "puyang-gas", "puyang-heating", "puyang-approval-bureau", "puyang-urban-management", "puyang-police", "puyang-housing"];

    [Fact]
    public async Task Puyang_contact_approval_plan_commitment_filing_and_road_restoration_are_timed_and_early_construction_is_a_violation()
    {
        await using var h = await StartAsync(PuyangParties, Monday);
        // The water connection is a small attached facility (FSXS 是): commitment path; the heating pipe goes to parallel approval.
        var body = PortalPushes.HenanVariant("puyang-heating-gbk.xml", PortalPushes.UniqueNo("HNP"),
            xml => xml.Replace("<LDMJ>0</LDMJ></GC>", "<LDMJ>0</LDMJ><FSXS>是</FSXS></GC>"));
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHenanAsync(body));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.Equal("COMMITMENT", (string?)view["outerWorks"]![0]!["path"]);
        Assert.Equal("PARALLEL_APPROVAL", (string?)view["outerWorks"]![1]!["path"]);
        Assert.Contains(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "COMMITMENT_RECEIPT_ISSUED"
            && ((string)t["detail"]!).StartsWith("《建设项目附属小型水电气暖设施接入工程告知承诺回执》", StringComparison.Ordinal)
            && ((string)t["detail"]!).Contains("开工前 2 个工作日", StringComparison.Ordinal));

        // Contact and approval: 0.5 wd = 3.5 office hours from 09:30 → 12:00 (2.5 h) + 13:30–14:30.
        var water = DispatchOf(view, "puyang-water");
        // (A period in hours runs from the instant: the case was accepted a moment after 09:30 on the running clock.)
        AssertAround(Local(11, 23, 14, 30), ClockOf(view, "WORK_ORDER_RESPONSE", "puyang-water")["dueAt"]);
        var bureau = ClockOf(view, "PARALLEL_APPROVAL", "puyang-approval-bureau");
        AssertAround(Local(11, 23, 14, 30), bureau["dueAt"]);
        await h.DecideAsync("puyang-approval-bureau", DispatchOf(view, "puyang-approval-bureau"), "APPROVED");

        // 10:00 the utility takes it up: the plan is due in 2 wd (Tue, Wed 17:30); 11:00 it files the commitment.
        h.Clock.Set(Local(11, 23, 10));
        await h.ReportAsync("puyang-water", water, "ACCEPTED");
        h.Clock.Set(Local(11, 23, 11));
        await h.ReportAsync("puyang-water", water, "COMMITMENT_FILED", b => b["plannedStart"] = "2026-11-26");
        view = await h.ViewAsync(caseId);
        Assert.Equal("MET", (string?)ClockOf(view, "WORK_ORDER_RESPONSE", "puyang-water")["state"]);
        Assert.Equal("MET", (string?)ClockOf(view, "PARALLEL_APPROVAL", "puyang-approval-bureau")["state"]);
        Assert.Equal(Local(11, 25, 17, 30), Time(ClockOf(view, "PLAN_COMPILED", "puyang-water")["dueAt"]));
        // Filed Monday: the 2 wd run to Wednesday's close; construction may start only after that.
        var filing = ClockOf(view, "COMMITMENT_FILING", "puyang-water");
        Assert.Equal(Local(11, 25, 17, 30), Time(filing["notBefore"]));
        Assert.Null(filing["dueAt"]);

        h.Clock.Set(Local(11, 24, 10));
        await h.ReportAsync("puyang-water", water, "DESIGNED");
        // Wednesday 10:00: construction starts before the filing period has run — accepted, and recorded as a violation.
        h.Clock.Set(Local(11, 25, 10));
        await h.ReportAsync("puyang-water", water, "CONSTRUCTING");
        h.Clock.Set(Local(11, 25, 11));
        await h.ReportAsync("puyang-water", water, "CONSTRUCTED");
        view = await h.ViewAsync(caseId);
        AssertAround(Local(11, 24, 10), ClockOf(view, "PLAN_COMPILED", "puyang-water")["metAt"]);
        filing = ClockOf(view, "COMMITMENT_FILING", "puyang-water");
        Assert.Equal("CONSTRUCTION_BEFORE_FILING_PERIOD", (string?)filing["violation"]);
        Assert.Contains(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "CLOCK_VIOLATION");
        // Road restored within 5 wd after the works: Thu, Fri, Mon, Tue, Wed 2026-12-02 17:30.
        var road = ClockOf(view, "ROAD_RESTORED", "puyang-water");
        Assert.Equal(Local(12, 2, 17, 30), Time(road["dueAt"]));
        h.Clock.Set(Local(11, 30, 10));
        await h.ReportAsync("puyang-water", water, "ROAD_RESTORED");
        road = ClockOf(await h.ViewAsync(caseId), "ROAD_RESTORED", "puyang-water");
        AssertAround(Local(11, 30, 10), road["metAt"]);
        Assert.False((bool)road["overdue"]!);
    }

    [Fact]
    public async Task Puyang_approval_runs_from_the_request_pauses_for_missing_materials_and_restarts_in_full_when_they_are_complete()
    {
        await using var h = await StartAsync(PuyangParties, Monday);
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHenanAsync(PortalPushes.HenanVariant("puyang-heating-gbk.xml", PortalPushes.UniqueNo("HNP"))));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var bureau = DispatchOf(view, "puyang-approval-bureau");
        var police = DispatchOf(view, "puyang-police");
        // Request sent Monday 09:30: 0.5 wd = 3.5 office hours → 14:30.
        AssertAround(Local(11, 23, 14, 30), ClockOf(view, "PARALLEL_APPROVAL", "puyang-approval-bureau")["dueAt"]);

        // Monday 10:00. Complete materials answer only the department's own request for more.
        h.Clock.Set(Local(11, 23, 10));
        await h.DecideAsync("puyang-approval-bureau", bureau, "MATERIALS_COMPLETE", expected: HttpStatusCode.Conflict);
        // The bureau asks for more materials (申请材料不齐): its clock stops and waits.
        await h.DecideAsync("puyang-approval-bureau", bureau, "NEEDS_MORE_INFO", reason: "缺少施工图设计文件");
        // The police answer "involved": the approval that follows continues the clock that runs from the request (14:30 still).
        await h.DecideAsync("puyang-police", police, "INVOLVED");
        view = await h.ViewAsync(caseId);
        var waiting = ClockOf(view, "PARALLEL_APPROVAL", "puyang-approval-bureau");
        Assert.Equal("PAUSED", (string?)waiting["state"]);
        Assert.Null(waiting["dueAt"]);
        Assert.Contains("MATERIALS_COMPLETE", (string?)waiting["note"], StringComparison.Ordinal);
        var policeApproval = DispatchOf(view, "puyang-police", "APPROVAL");
        AssertAround(Local(11, 23, 14, 30), ClockOf(view, "PARALLEL_APPROVAL", "puyang-police", policeApproval)["dueAt"]);

        // Tuesday 10:00 the materials are complete: the full 0.5 wd counts again → 10:00–12:00 + 13:30–15:00.
        h.Clock.Set(Local(11, 24, 10));
        await h.DecideAsync("puyang-approval-bureau", bureau, "MATERIALS_COMPLETE");
        view = await h.ViewAsync(caseId);
        var restarted = ClockOf(view, "PARALLEL_APPROVAL", "puyang-approval-bureau");
        Assert.Equal("RUNNING", (string?)restarted["state"]);
        AssertAround(Local(11, 24, 10), restarted["startedAt"]);
        AssertAround(Local(11, 24, 15), restarted["dueAt"]);
        Assert.False((bool)restarted["overdue"]!);

        // Tuesday 11:00 the permit: the clock stops, met in time.
        h.Clock.Set(Local(11, 24, 11));
        await h.DecideAsync("puyang-approval-bureau", bureau, "APPROVED");
        var met = ClockOf(await h.ViewAsync(caseId), "PARALLEL_APPROVAL", "puyang-approval-bureau");
        Assert.Equal("MET", (string?)met["state"]);
        AssertAround(Local(11, 24, 11), met["metAt"]);
    }

    [Fact]
    public async Task Xin_county_connection_runs_from_the_agreed_time_departments_get_no_invented_limit_and_power_costs_nothing()
    {
        string[] parties = ["xinxian-water", "xinxian-power", "xinxian-gas", "xinxian-cmcc", "xinxian-ctcc", "xinxian-approval-bureau", "xinxian-urban-management"];
        await using var h = await StartAsync(parties, Monday);
        // A 250 m water pipe is past the commitment limit (≤ 200 m): parallel approval, so the departments are asked.
        var body = PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HNX"),
            xml => xml.Replace("<GC LB=\"YS\"><GJ>300</GJ><CD>180</CD>", "<GC LB=\"YS\"><GJ>300</GJ><CD>250</CD>"));
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHenanAsync(body));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));

        // The plan names no department limit: no due time on the request, the document or the case view, which says why.
        foreach (var department in new[] { "xinxian-approval-bureau", "xinxian-urban-management" })
        {
            var request = Dispatches(view).Single(d => (string?)d["counterpartId"] == department);
            Assert.Null(request["dueAt"]);
            Assert.False(string.IsNullOrEmpty((string?)request["dueNote"]));
            var clock = ClockOf(view, "DEPARTMENT_INVOLVEMENT", department);
            Assert.Null(clock["dueAt"]);
            Assert.NotNull(clock["note"]);
            var sent = JsonNode.Parse(h.Fake(department).Received.Single().BodyText)!.AsObject();
            Assert.True(sent.ContainsKey("respondBy"));
            Assert.Null(sent["respondBy"]);
        }
        // 用电 outside the red line costs the applicant nothing (新县方案), like water, gas and network.
        Assert.Equal("UTILITY", (string?)view["costs"]!.AsArray().Single(c => (string?)c!["service"] == "POWER")!["bearer"]);

        // Gas (commitment path) agrees a connection time of Wednesday 15:00: connected within 1 wd → Thursday 17:30.
        var gas = DispatchOf(view, "xinxian-gas");
        await h.ReportAsync("xinxian-gas", gas, "ACCEPTED");
        await h.ReportAsync("xinxian-gas", gas, "CONNECTION_AGREED", b => b["agreedAt"] = "2026-11-25T15:00:00+08:00");
        await h.ReportAsync("xinxian-gas", gas, "CONNECTION_AGREED", expected: HttpStatusCode.BadRequest); // agreedAt is required
        view = await h.ViewAsync(caseId);
        var connection = ClockOf(view, "CONNECTION", "xinxian-gas");
        Assert.Equal(Local(11, 26, 17, 30), Time(connection["dueAt"]));
        h.Clock.Set(Local(11, 25, 16));
        await h.ReportAsync("xinxian-gas", gas, "CONNECTED");
        AssertAround(Local(11, 25, 16), ClockOf(await h.ViewAsync(caseId), "CONNECTION", "xinxian-gas")["metAt"]);
    }

    [Fact]
    public async Task Ezhou_whole_hookup_is_due_by_distance_and_stops_when_connected()
    {
        string[] parties = ["ezhou-water", "ezhou-power", "ezhou-gas", "ezhou-cmcc", "ezhou-cucc", "ezhou-ctcc"];
        await using var h = await StartAsync(parties, Monday);
        // 350 m from the main network: 3 wd from Monday → Thursday 2026-11-26 17:30.
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"))));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var hookup = ClockOf(view, "HOOKUP_BY_DISTANCE", "ezhou-water");
        Assert.Equal(Local(11, 26, 17, 30), Time(hookup["dueAt"]));
        var water = DispatchOf(view, "ezhou-water");
        await h.ReportAsync("ezhou-water", water, "ACCEPTED");
        Assert.Equal("RUNNING", (string?)ClockOf(await h.ViewAsync(caseId), "HOOKUP_BY_DISTANCE", "ezhou-water")["state"]); // not met by acceptance
        h.Clock.Set(Local(11, 25, 10));
        await h.ReportAsync("ezhou-water", water, "CONNECTED");
        hookup = ClockOf(await h.ViewAsync(caseId), "HOOKUP_BY_DISTANCE", "ezhou-water");
        Assert.Equal("MET", (string?)hookup["state"]);
        AssertAround(Local(11, 25, 10), hookup["metAt"]);
    }

    [Fact]
    public async Task Ninghe_work_orders_are_due_in_one_working_day_and_its_department_gets_no_invented_limit()
    {
        string[] parties = ["ninghe-water", "ninghe-power", "ninghe-gas", "ninghe-cmcc", "ninghe-cucc", "ninghe-ctcc", "ninghe-approval-bureau"];
        await using var h = await StartAsync(parties, Monday);
        var caseId = await h.CaseIdOfAsync(await h.PushSoapAsync(PortalPushes.SoapVariant("ninghe-medical-center.xml", PortalPushes.UniqueNo("GCN"))));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.Equal(Local(11, 24, 17, 30), Time(ClockOf(view, "WORK_ORDER_RESPONSE", "ninghe-water")["dueAt"]));
        var department = ClockOf(view, "DEPARTMENT_INVOLVEMENT", "ninghe-approval-bureau");
        Assert.Null(department["dueAt"]);
        Assert.NotNull(department["note"]);

        await h.ReportAsync("ninghe-water", DispatchOf(view, "ninghe-water"), "ACCEPTED");
        var response = ClockOf(await h.ViewAsync(caseId), "WORK_ORDER_RESPONSE", "ninghe-water");
        Assert.Equal("MET", (string?)response["state"]);
        AssertAround(Monday, response["metAt"]);
    }
}
