using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Lifecycle;

/// <summary>
/// A Keqiao case from push to closure against real HTTP fakes: a 250 m water outer work (parallel approval) and a 150 m
/// gas outer work (commitment). Departments answer over REST and SOAP, one asks for a survey and approves later, the
/// water work order gets its go-ahead, both services connect, the case closes, and the portal hears of each step once.
/// </summary>
public sealed class KeqiaoLifecycleTests
{
    private static readonly string[] Departments =
        ["keqiao-police", "keqiao-natural-resources", "keqiao-transport", "keqiao-approval-bureau", "keqiao-law-enforcement", "keqiao-housing"];

    private static string CallerSecret(string id) => $"test-caller-secret-{id}";

    /// <summary>The host's clock starts here (Monday, before the sample's preferred survey date 2026-11-26), whatever today is.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));

    private static byte[] Application(string applyNo) => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s =>
    {
        s["applyNo"] = applyNo;
        s["demands"] = new JsonArray(
            new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 120, ["usage"] = new JsonArray("PRODUCTION") },
            new JsonObject { ["type"] = "GAS", ["biz"] = "NEW", ["dailyM3"] = 300, ["usage"] = new JsonArray("PRODUCTION"), ["pressure"] = "LOW" });
        s["outerWorks"] = new JsonArray(
            new JsonObject { ["type"] = "WATER", ["lengthM"] = 250, ["diameterDn"] = 200, ["specialZones"] = new JsonArray(), ["recentRoad"] = false },
            new JsonObject { ["type"] = "GAS", ["lengthM"] = 150, ["specialZones"] = new JsonArray(), ["recentRoad"] = false });
    });

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task Approvals_go_ahead_commitment_progress_connection_closure_and_every_callback_once(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var fakes = new Dictionary<string, FakeCounterpart>();
        foreach (var id in new[] { "keqiao-water", "keqiao-gas" }.Concat(Departments)) fakes[id] = await FakeCounterpart.StartAsync(id);
        await using var portal = await FakeCounterpart.StartAsync("zhejiang-portal");
        try
        {
            var clock = new SettableClock();
            clock.Set(Start);
            await using var host = await GatewayHost.StartAsync(fakes.Values, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
                [.. deployment, .. fakes.Keys.Select(id => $"--Gateway:Callers:{id}:Secret={CallerSecret(id)}"),
                 $"--Gateway:Portals:zhejiang:CallbackUrl={portal.BaseUrl}callbacks", "--Gateway:Portals:zhejiang:Secret=test-callback-secret"]);
            await RunAsync(host, fakes, portal);
        }
        finally
        {
            foreach (var fake in fakes.Values) await fake.DisposeAsync();
        }
    }

    private static async Task RunAsync(GatewayHost host, Dictionary<string, FakeCounterpart> fakes, FakeCounterpart portal)
    {
        var applyNo = "ZJL" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        using var pushed = await host.PushZhejiangAsync(Application(applyNo));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;

        // Dispatch: two work orders and one INVOLVEMENT question per department, all acknowledged.
        var view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().All(d => (string?)d!["status"] == "ACKNOWLEDGED"));
        var dispatches = view["dispatches"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(8, dispatches.Count);
        string DispatchOf(string counterpart) => (string)dispatches.Single(d => (string?)d["counterpartId"] == counterpart)["dispatchId"]!;
        Assert.All(dispatches.Where(d => (string?)d["kind"] == "APPROVAL_REQUEST"), d => Assert.Equal("INVOLVEMENT", (string?)d["question"]));

        // Policy on the case: water on parallel approval (250 m is not < 200 m), gas on commitment with its receipt.
        var outerWorks = view["outerWorks"]!.AsArray();
        Assert.Equal("PARALLEL_APPROVAL", (string?)outerWorks[0]!["path"]);
        Assert.Contains(outerWorks[0]!["reasons"]!.AsArray(), r => ((string)r!).Contains("250", StringComparison.Ordinal));
        Assert.Null(outerWorks[0]!["goAheadAt"]);
        Assert.Equal("COMMITMENT", (string?)outerWorks[1]!["path"]);
        var receiptNo = (string)outerWorks[1]!["commitmentReceiptNo"]!;
        Assert.StartsWith("CN", receiptNo);
        Assert.All(view["costs"]!.AsArray(), c => Assert.Equal("TARIFF", (string?)c!["bearer"]));
        var jointGroup = (string)view["jointConstructionGroupId"]!;

        // What the utilities received: the go-ahead state, the receipt, and the joint-construction group.
        var waterOrder = JsonNode.Parse(fakes["keqiao-water"].Received.Single().BodyText)!;
        Assert.Equal("PARALLEL_APPROVAL", (string?)waterOrder["outerWorks"]![0]!["path"]);
        Assert.False((bool)waterOrder["outerWorks"]![0]!["goAhead"]!);
        Assert.Equal(jointGroup, (string?)waterOrder["jointConstruction"]!["groupId"]);
        Assert.Equal(["keqiao-gas", "keqiao-water"], waterOrder["jointConstruction"]!["counterpartIds"]!.AsArray().Select(c => (string)c!));
        var gasOrder = JsonNode.Parse(fakes["keqiao-gas"].Received.Single().BodyText)!;
        Assert.Equal(receiptNo, (string?)gasOrder["outerWorks"]![0]!["commitmentReceiptNo"]);
        Assert.True((bool)gasOrder["outerWorks"]![0]!["goAhead"]!);
        var question = JsonNode.Parse(fakes["keqiao-police"].Received.Single().BodyText)!;
        Assert.Equal("INVOLVEMENT", (string?)question["question"]);
        Assert.Equal("/erp/approval-requests", fakes["keqiao-police"].Received.Single().Path);
        Assert.Equal("WATER", (string?)Assert.Single(question["outerWorks"]!.AsArray())!["service"]);

        // Water may not build before the departments approve; gas may (commitment).
        var waterId = DispatchOf("keqiao-water");
        foreach (var status in new[] { "ACCEPTED", "SURVEYED", "DESIGNED" })
            Assert.Equal(HttpStatusCode.Accepted, (await ProgressAsync(host, "keqiao-water", waterId, status)).StatusCode);
        using (var early = await ProgressAsync(host, "keqiao-water", waterId, "CONSTRUCTING"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("OUTER_WORKS_NOT_APPROVED", (string?)(await GatewayHost.ReadJsonAsync(early))["code"]);
        }
        using (var backwards = await ProgressAsync(host, "keqiao-water", waterId, "ACCEPTED"))
            Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        var gasId = DispatchOf("keqiao-gas");
        foreach (var status in new[] { "ACCEPTED", "CONSTRUCTING", "CONNECTED" })
            Assert.Equal(HttpStatusCode.Accepted, (await ProgressAsync(host, "keqiao-gas", gasId, status)).StatusCode);

        // Callers may only speak for themselves and their own dispatches; a repeated event id changes nothing.
        using (var impostor = await ProgressAsync(host, "keqiao-water", gasId, "CONNECTED"))
            Assert.Equal(HttpStatusCode.Forbidden, impostor.StatusCode);
        var eventId = "evt-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Accepted, (await DecideRestAsync(host, "keqiao-police", DispatchOf("keqiao-police"), "NOT_INVOLVED", eventId)).StatusCode);
        using (var repeat = await DecideRestAsync(host, "keqiao-police", DispatchOf("keqiao-police"), "NOT_INVOLVED", eventId))
        {
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            Assert.True((bool)(await GatewayHost.ReadJsonAsync(repeat))["duplicate"]!);
        }
        using (var again = await DecideRestAsync(host, "keqiao-police", DispatchOf("keqiao-police"), "APPROVED"))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The other departments: over SOAP and REST; transport wants a joint survey first.
        Assert.Equal(HttpStatusCode.OK, (await DecideSoapAsync(host, "keqiao-natural-resources", DispatchOf("keqiao-natural-resources"), "APPROVED", "ZRGH-2026-118")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await DecideRestAsync(host, "keqiao-transport", DispatchOf("keqiao-transport"), "SURVEY_REQUIRED")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideSoapAsync(host, "keqiao-approval-bureau", DispatchOf("keqiao-approval-bureau"), "NOT_INVOLVED")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await DecideRestAsync(host, "keqiao-law-enforcement", DispatchOf("keqiao-law-enforcement"), "NOT_INVOLVED")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await DecideRestAsync(host, "keqiao-housing", DispatchOf("keqiao-housing"), "NOT_INVOLVED")).StatusCode);

        view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().Any(d => (string?)d!["question"] == "APPROVAL" && (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.Null(view["outerWorks"]![0]!["goAheadAt"]); // transport has not approved yet
        Assert.Equal("2026-11-26", (string?)view["jointSurveyDate"]); // the applicant's preferred date, still ahead of the pinned clock
        Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "JOINT_SURVEY_SCHEDULED");
        var approvalId = (string)view["dispatches"]!.AsArray().Single(d => (string?)d!["question"] == "APPROVAL")!["dispatchId"]!;
        Assert.Equal("APPROVAL", (string?)JsonNode.Parse(fakes["keqiao-transport"].Received[^1].BodyText)!["question"]);
        Assert.Equal(HttpStatusCode.OK, (await DecideSoapAsync(host, "keqiao-transport", approvalId, "APPROVED", "JT-2026-0042")).StatusCode);

        // Go-ahead: a work order of its own to the water utility, pointing at the original.
        view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().Any(d => (string?)d!["relatesTo"] == waterId && (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.NotNull(view["outerWorks"]![0]!["goAheadAt"]);
        var goAhead = JsonNode.Parse(fakes["keqiao-water"].Received[^1].BodyText)!;
        Assert.Equal(waterId, (string?)goAhead["relatesTo"]);
        Assert.True((bool)goAhead["outerWorks"]![0]!["goAhead"]!);

        foreach (var status in new[] { "CONSTRUCTING", "CONSTRUCTED", "CONNECTED" })
            Assert.Equal(HttpStatusCode.Accepted, (await ProgressAsync(host, "keqiao-water", waterId, status)).StatusCode);
        view = await host.WaitForCaseAsync(caseId, v => (string?)v["status"] == "CLOSED");
        Assert.All(view["dispatches"]!.AsArray(), d => Assert.Contains((string?)d!["status"], new[] { "DONE" }));
        var types = view["timeline"]!.AsArray().Select(t => (string)t!["type"]!).ToList();
        Assert.True(types.IndexOf("CONNECTED") < types.IndexOf("CLOSED"));

        // The portal heard of each step exactly once (by event id), signed.
        await WaitUntilAsync(() => Events(portal).Count(e => e == "CASE_CLOSED") == 1);
        await Task.Delay(300);
        var bodies = portal.Received.Select(r => JsonNode.Parse(r.BodyText)!).ToList();
        Assert.Equal(bodies.Count, bodies.Select(b => (string)b["eventId"]!).Distinct().Count());
        var counts = bodies.GroupBy(b => (string)b["event"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, counts["ACCEPTED"]);
        Assert.Equal(1, counts["COMMITMENT_RECEIPT"]);
        Assert.Equal(10, counts["DISPATCH_RECEIPT"]); // 2 work orders, 6 questions, 1 approval, 1 go-ahead
        Assert.Equal(7, counts["APPROVAL_DECIDED"]);
        Assert.Equal(2, counts["SERVICE_CONNECTED"]);
        Assert.Equal(1, counts["CASE_CLOSED"]);
        Assert.All(bodies, b => Assert.Equal(caseId, (string?)b["caseId"]));
        Assert.All(portal.Received, r => SpecSigner.AssertSigned(r, "gateway", "test-callback-secret"));

        // Keqiao: the applicant rates the service once, after connection.
        using var rated = await host.PushAsync("/api/portals/zhejiang/ratings", Utf8($$"""{"applyNo":"{{applyNo}}","score":5,"comment":"一次办好"}"""));
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        using var twice = await host.PushAsync("/api/portals/zhejiang/ratings", Utf8($$"""{"applyNo":"{{applyNo}}","score":1}"""));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(5, (int)(await host.GetJsonAsync($"/api/cases/{caseId}"))["rating"]!["score"]!);
    }

    private static List<string> Events(FakeCounterpart portal) => portal.Received.Select(r => (string)JsonNode.Parse(r.BodyText)!["event"]!).ToList();

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static Task<HttpResponseMessage> ProgressAsync(GatewayHost host, string counterpart, string dispatchId, string status) =>
        host.PushAsync($"/api/counterparts/{counterpart}/events", Utf8(new JsonObject
        {
            ["eventId"] = "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = dispatchId, ["orderNo"] = "ORD-1",
            ["status"] = status, ["at"] = "2026-11-24T10:00:00+08:00", ["note"] = "现场已处理",
        }.ToJsonString()), counterpart, CallerSecret(counterpart));

    private static Task<HttpResponseMessage> DecideRestAsync(GatewayHost host, string counterpart, string dispatchId, string decision, string? eventId = null) =>
        host.PushAsync($"/api/counterparts/{counterpart}/decisions", Utf8(new JsonObject
        {
            ["eventId"] = eventId ?? "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = dispatchId, ["decision"] = decision,
            ["at"] = "2026-11-24T10:00:00+08:00",
        }.ToJsonString()), counterpart, CallerSecret(counterpart));

    private static Task<HttpResponseMessage> DecideSoapAsync(GatewayHost host, string counterpart, string dispatchId, string decision, string? permitNo = null)
    {
        var body = Utf8($"""
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              <soap:Body>
                <ReportDecision xmlns="urn:hookup:counterpart:v1">
                  <eventId>evt-{Guid.NewGuid():N}</eventId>
                  <dispatchId>{dispatchId}</dispatchId>
                  <decision>{decision}</decision>
                  {(permitNo is null ? "" : $"<permitNo>{permitNo}</permitNo>")}
                  <at>2026-11-24T10:00:00+08:00</at>
                </ReportDecision>
              </soap:Body>
            </soap:Envelope>
            """);
        var request = new HttpRequestMessage(HttpMethod.Post, "/soap/departments") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"urn:hookup:counterpart:v1/ReportDecision\"");
        SpecSigner.Sign(request, "/soap/departments", body, counterpart, CallerSecret(counterpart), host.Clock.GetUtcNow());
        return host.Http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.True(condition(), "timed out waiting for the portal callbacks");
    }
}
