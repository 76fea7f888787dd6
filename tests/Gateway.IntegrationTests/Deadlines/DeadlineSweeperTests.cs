using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary>
/// The deadline sweeper against a clock the test moves: one warning at 75 % of the period, one missed event with
/// an OVERDUE portal callback at the due time, the case in the overdue list, and restarts in between change nothing —
/// for a dispatch's due time and for a clock (the connection clock), with two instances sweeping the same store.
/// </summary>
public sealed class DeadlineSweeperTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static byte[] WaterOnly() => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json"), s =>
    {
        s["applyNo"] = "ZJD" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    private static int Count(JsonObject view, string type, string dispatchId) =>
        view["timeline"]!.AsArray().Count(t => (string?)t!["type"] == type && (string?)t["dispatchId"] == dispatchId);

    private static List<JsonObject> Callbacks(FakeCounterpart portal, string @event) =>
        portal.Received.Select(r => JsonNode.Parse(r.BodyText)!.AsObject()).Where(b => (string?)b["event"] == @event).ToList();

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task Crossing_the_due_time_raises_one_warning_one_miss_and_one_overdue_callback_across_restarts(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var clock = new SettableClock();
        // Tuesday 2026-11-24 10:00 in Keqiao; its work orders are due in 1 working day: Wednesday 17:30.
        var accepted = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing);
        clock.Set(accepted);
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var portal = await FakeCounterpart.StartAsync("zhejiang-portal");
        string[] settings = [.. deployment, "--Gateway:Deadlines:SweepMilliseconds=100", "--Gateway:Callers:keqiao-water:Secret=test-caller-secret-keqiao-water",
             $"--Gateway:Portals:zhejiang:CallbackUrl={portal.BaseUrl}portal/callbacks", "--Gateway:Portals:zhejiang:Secret=test-callback-secret"];
        await using var host = await GatewayHost.StartAsync([water], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), settings);
        // A second instance on the same store (the same SQLite file, or the same PostgreSQL database): both sweep.
        await using var second = await GatewayHost.StartAsync([water], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            [.. settings, .. profile == "production" ? Array.Empty<string>() : [$"--ConnectionStrings:Store=Data Source={host.SqliteFile}"]]);

        var application = WaterOnly();
        using var pushed = await host.PushZhejiangAsync(application, at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");
        var dispatch = view["dispatches"]![0]!;
        var dispatchId = (string)dispatch["dispatchId"]!;
        var due = new DateTimeOffset(2026, 11, 25, 17, 30, 0, Beijing);
        Assert.Equal(due, DateTimeOffset.Parse((string)dispatch["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False((bool)dispatch["overdue"]!);

        // The applicant asks for connection at once (Tuesday 10:00): the connection clock runs 3 wd → Friday 2026-11-27 17:30;
        // its warning is due at 75 % of the 79.5 hours, Thursday 21:37:30.
        using (var completion = await host.PushAsync("/api/counterparts/keqiao-water/events", GatewayHost.Utf8(new JsonObject
               {
                   ["eventId"] = "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = dispatchId, ["orderNo"] = "ORD-1",
                   ["status"] = "COMPLETION_REQUESTED", ["at"] = "2026-11-24T10:00:00+08:00",
               }.ToJsonString()), "keqiao-water", "test-caller-secret-keqiao-water"))
            Assert.Equal(HttpStatusCode.Accepted, completion.StatusCode);
        var connectionDue = new DateTimeOffset(2026, 11, 27, 17, 30, 0, Beijing);
        var connection = (await host.GetJsonAsync($"/api/cases/{caseId}"))["clocks"]!.AsArray().Single(c => (string?)c!["step"] == "CONNECTION")!;
        Assert.Equal(connectionDue, DateTimeOffset.Parse((string)connection["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Wednesday 09:00 is 23 of the 31.5 hours: under 75 %, no warning yet.
        clock.Set(new DateTimeOffset(2026, 11, 25, 9, 0, 0, Beijing));
        await Task.Delay(500);
        Assert.Equal(0, Count(await host.GetJsonAsync($"/api/cases/{caseId}"), "DEADLINE_WARNING", dispatchId));

        // Wednesday 10:00 is past 75 % (09:37:30).
        clock.Set(new DateTimeOffset(2026, 11, 25, 10, 0, 0, Beijing));
        view = await host.WaitForCaseAsync(caseId, v => Count(v, "DEADLINE_WARNING", dispatchId) > 0);
        Assert.Equal(0, Count(view, "DEADLINE_MISSED", dispatchId));
        Assert.False((bool)view["dispatches"]![0]!["overdue"]!);

        await host.RestartAsync();
        await Task.Delay(500); // several sweeps of the new process
        Assert.Equal(1, Count(await host.GetJsonAsync($"/api/cases/{caseId}"), "DEADLINE_WARNING", dispatchId));
        Assert.Empty(Callbacks(portal, "OVERDUE"));

        clock.Set(due.AddMinutes(1));
        // The miss is recorded, and the dispatch flagged overdue, by the same sweep.
        view = await host.WaitForCaseAsync(caseId, v => Count(v, "DEADLINE_MISSED", dispatchId) > 0 && (bool)v["dispatches"]![0]!["overdue"]!);
        var overdue = await host.GetJsonAsync("/api/cases?overdue=true");
        Assert.Contains(overdue["items"]!.AsArray(), c => (string?)c!["caseId"] == caseId);
        var notOverdue = await host.GetJsonAsync("/api/cases?overdue=false");
        Assert.DoesNotContain(notOverdue["items"]!.AsArray(), c => (string?)c!["caseId"] == caseId);

        await WaitUntilAsync(() => Callbacks(portal, "OVERDUE").Count > 0, "the OVERDUE callback");
        await host.RestartAsync();
        await Task.Delay(500);
        view = await host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(1, Count(view, "DEADLINE_WARNING", dispatchId));
        Assert.Equal(1, Count(view, "DEADLINE_MISSED", dispatchId));

        // The connection clock: one warning and one miss (with its own OVERDUE callback), whichever instance swept first.
        clock.Set(new DateTimeOffset(2026, 11, 26, 22, 0, 0, Beijing));
        view = await host.WaitForCaseAsync(caseId, v => ClockEntries(v, "DEADLINE_WARNING") > 0);
        Assert.Equal(0, ClockEntries(view, "DEADLINE_MISSED"));
        await host.RestartAsync();
        clock.Set(connectionDue.AddMinutes(1));
        view = await second.WaitForCaseAsync(caseId, v => ClockEntries(v, "DEADLINE_MISSED") > 0);
        Assert.True((bool)view["clocks"]!.AsArray().Single(c => (string?)c!["step"] == "CONNECTION")!["overdue"]!);
        await WaitUntilAsync(() => Callbacks(portal, "OVERDUE").Count > 1, "the clock's OVERDUE callback");
        await second.RestartAsync();
        await Task.Delay(500); // several sweeps of both instances
        view = await host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(1, ClockEntries(view, "DEADLINE_WARNING"));
        Assert.Equal(1, ClockEntries(view, "DEADLINE_MISSED"));
        Assert.Equal(1, Count(view, "DEADLINE_WARNING", dispatchId) - ClockEntries(view, "DEADLINE_WARNING"));
        Assert.Equal(1, Count(view, "DEADLINE_MISSED", dispatchId) - ClockEntries(view, "DEADLINE_MISSED"));
        Assert.Equal(2, Callbacks(portal, "OVERDUE").Count);
        Assert.Equal(2, Callbacks(portal, "OVERDUE").Select(c => (string?)c["eventId"]).Distinct().Count());

        var callback = Callbacks(portal, "OVERDUE")[0];
        Assert.Equal(caseId, (string?)callback["caseId"]);
        Assert.Equal("WATER", (string?)callback["service"]);
        Assert.Equal("keqiao-water", (string?)callback["counterpartId"]);
        Assert.Equal((string?)JsonNode.Parse(application)!["applyNo"], (string?)callback["portalApplicationNo"]);
        var request = portal.Received.First(r => r.BodyText.Contains("\"OVERDUE\"", StringComparison.Ordinal));
        Assert.Equal("/erp/portal/callbacks", request.Path); // the fake serves under /erp/
        Assert.Equal((string?)callback["eventId"], request.Header("Idempotency-Key"));
        SpecSigner.AssertSigned(request, "gateway", "test-callback-secret");
        // The portal heard of the acceptance and the receipt too, once each.
        Assert.Single(Callbacks(portal, "ACCEPTED"));
        Assert.Single(Callbacks(portal, "DISPATCH_RECEIPT"));
    }

    /// <summary>Warning or miss entries of the connection clock (their text names the step, 接通).</summary>
    private static int ClockEntries(JsonObject view, string type) =>
        view["timeline"]!.AsArray().Count(t => (string?)t!["type"] == type && ((string?)t["detail"] ?? "").Contains("接通", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
