using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Flows;

/// <summary>
/// Ratings per utility (docs/lifecycle.md) through the signed public endpoints on the embedded and the production profile: a Ninghe case from the
/// project-approval platform; once water is connected the applicant rates it through the platform's ratings route, the water
/// utility receives the rating, the case view shows it, and the operators' summary counts and averages by region and utility.
/// A service not yet connected, not requested, or rated twice is refused; bad input stores nothing.
/// </summary>
public sealed class RatingTests
{
    private static readonly XNamespace Gcjs = "urn:gcjs:hookup:v1";
    private static readonly string[] Counterparts = ["ninghe-water", "ninghe-power", "ninghe-approval-bureau"];
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));
    private const string Route = "/api/portals/project-approval/ratings";

    private static string CallerSecret(string id) => $"test-caller-secret-{id}";

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task A_connected_service_is_rated_once_the_utility_hears_of_it_and_the_summary_averages_by_region_and_utility(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var fakes = new Dictionary<string, FakeCounterpart>();
        foreach (var id in Counterparts) fakes[id] = await FakeCounterpart.StartAsync(id);
        try
        {
            var clock = new SettableClock();
            clock.Set(Start);
            await using var host = await GatewayHost.StartAsync(fakes.Values, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
                [.. deployment, .. PortalPushes.CallerSecretArgs(), .. Counterparts.Select(id => $"--Gateway:Callers:{id}:Secret={CallerSecret(id)}")]);

            var (caseId, demandNo) = await ConnectedWaterCaseAsync(host);

            // Bad input: field-level problems with stable codes, nothing stored.
            using (var bad = await RateAsync(host, new JsonObject { ["applyNo"] = "", ["service"] = "SEWAGE", ["score"] = 9 }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Equal(new HashSet<(string, string)> { ("applyNo", "REQUIRED"), ("service", "INVALID_VALUE"), ("score", "OUT_OF_RANGE") },
                    await PortalPushes.ProblemErrorsAsync(bad));
            }
            using (var noService = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["score"] = 5 }))
                Assert.Equal(new HashSet<(string, string)> { ("service", "REQUIRED") }, await PortalPushes.ProblemErrorsAsync(noService));
            using (var notRequested = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["service"] = "GAS", ["score"] = 5 }))
                Assert.Equal(new HashSet<(string, string)> { ("service", "INVALID_VALUE") }, await PortalPushes.ProblemErrorsAsync(notRequested));
            using (var notConnected = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["service"] = "POWER", ["score"] = 5 }))
            {
                Assert.Equal(HttpStatusCode.Conflict, notConnected.StatusCode);
                Assert.Equal("RATING_NOT_ALLOWED", (string?)(await GatewayHost.ReadJsonAsync(notConnected))["code"]);
            }
            using (var unknown = await RateAsync(host, new JsonObject { ["applyNo"] = "GCJS-NONE", ["service"] = "WATER", ["score"] = 5 }))
                Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using (var impostor = await host.PushAsync(Route, GatewayHost.Utf8(new JsonObject { ["applyNo"] = demandNo, ["service"] = "WATER", ["score"] = 1 }.ToJsonString())))
                Assert.Equal(HttpStatusCode.Forbidden, impostor.StatusCode); // zhejiang's key on the platform's route
            Assert.Empty((await host.GetJsonAsync("/api/admin/ratings", GatewayHost.ViewerToken))["items"]!.AsArray());

            // Rated: the water utility is told, the case shows it.
            using var rated = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["service"] = "WATER", ["score"] = 5, ["comment"] = "接水很快，联系人 13812345678" });
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
            var receipt = await GatewayHost.ReadJsonAsync(rated);
            Assert.Equal(caseId, (string?)receipt["caseId"]);
            Assert.Equal("WATER", (string?)receipt["service"]);
            Assert.Equal(["ninghe-water"], receipt["counterpartIds"]!.AsArray().Select(c => (string)c!));
            await WaitUntilAsync(() => fakes["ninghe-water"].Received.Any(r => r.Path.EndsWith("/ratings", StringComparison.Ordinal)));
            var sent = fakes["ninghe-water"].Received.Single(r => r.Path.EndsWith("/ratings", StringComparison.Ordinal));
            SpecSigner.AssertSigned(sent, "gateway", GatewayHost.CounterpartSecret("ninghe-water"));
            var document = JsonNode.Parse(sent.BodyText)!;
            Assert.Equal("RATING", (string?)document["kind"]);
            Assert.Equal(caseId, (string?)document["caseId"]);
            Assert.Equal(5, (int)document["rating"]!["score"]!);
            Assert.DoesNotContain("13812345678", sent.BodyText); // the comment was masked before it was stored
            Assert.DoesNotContain(fakes["ninghe-power"].Received, r => r.Path.EndsWith("/ratings", StringComparison.Ordinal));

            var view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().Any(d => (string?)d!["kind"] == "RATING" && (string?)d["status"] == "DONE"));
            var rating = Assert.Single(view["ratings"]!.AsArray())!;
            Assert.Equal("WATER", (string?)rating["service"]);
            Assert.Equal(5, (int)rating["score"]!);
            Assert.DoesNotContain(view["clocks"]!.AsArray(), c => (string?)c!["dispatchId"] == (string?)view["dispatches"]!.AsArray().Single(d => (string?)d!["kind"] == "RATING")!["dispatchId"]);
            Assert.Contains(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "RATED");

            // The same rating again: 200, nothing new; another score: refused.
            using (var repeat = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["service"] = "WATER", ["score"] = 5, ["comment"] = "接水很快，联系人 13812345678" }))
            {
                Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
                Assert.True((bool)(await GatewayHost.ReadJsonAsync(repeat))["duplicate"]!);
            }
            using (var other = await RateAsync(host, new JsonObject { ["applyNo"] = demandNo, ["service"] = "WATER", ["score"] = 1 }))
                Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);

            // A second case rates water 4: the summary counts two and averages 4.5 for Ninghe's water utility.
            var (_, secondNo) = await ConnectedWaterCaseAsync(host);
            using (var second = await RateAsync(host, new JsonObject { ["applyNo"] = secondNo, ["service"] = "WATER", ["score"] = 4 }))
                Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            var summary = await host.GetJsonAsync("/api/admin/ratings?region=ninghe", GatewayHost.ViewerToken);
            var water = Assert.Single(summary["items"]!.AsArray())!;
            Assert.Equal("ninghe", (string?)water["region"]);
            Assert.Equal("ninghe-water", (string?)water["counterpartId"]);
            Assert.Equal("WATER", (string?)water["service"]);
            Assert.Equal(2, (int)water["count"]!);
            Assert.Equal(4.5, (double)water["average"]!);
            using var badRegion = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/admin/ratings?region=atlantis")
                { Headers = { Authorization = new("Bearer", GatewayHost.ViewerToken) } });
            Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        }
        finally
        {
            foreach (var fake in fakes.Values) await fake.DisposeAsync();
        }
    }

    /// <summary>A Ninghe demand for water and power only (no outer works), its water work order reported CONNECTED.</summary>
    private static async Task<(string CaseId, string DemandNo)> ConnectedWaterCaseAsync(GatewayHost host)
    {
        var demandNo = PortalPushes.UniqueNo("GCJS-");
        using var pushed = await SoapAsync(host, PortalPushes.SoapVariant("ninghe-medical-center.xml", demandNo, d =>
        {
            d.Element(Gcjs + "ProjectCode")!.Value = $"2026-120117-84-01-{Random.Shared.Next(100000, 999999)}";
            d.Element(Gcjs + "Gas")!.Remove();
            d.Element(Gcjs + "Network")!.Remove();
            d.Elements(Gcjs + "OuterWork").Remove();
        }));
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var caseId = (string)(await PortalPushes.SoapBodyAsync(pushed)).Element(Gcjs + "CaseId")!;
        var view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().Any(d => (string?)d!["counterpartId"] == "ninghe-water" && (string?)d["status"] == "ACKNOWLEDGED"));
        var waterId = (string)view["dispatches"]!.AsArray().First(d => (string?)d!["counterpartId"] == "ninghe-water")!["dispatchId"]!;
        using var connected = await host.PushAsync("/api/counterparts/ninghe-water/events", GatewayHost.Utf8(new JsonObject
        {
            ["eventId"] = "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = waterId, ["orderNo"] = "ORD-1",
            ["status"] = "CONNECTED", ["at"] = "2026-11-24T10:00:00+08:00", ["note"] = "已通水",
        }.ToJsonString()), "ninghe-water", CallerSecret("ninghe-water"));
        Assert.Equal(HttpStatusCode.Accepted, connected.StatusCode);
        return (caseId, demandNo);
    }

    private static Task<HttpResponseMessage> RateAsync(GatewayHost host, JsonObject body) =>
        host.PushAsync(Route, GatewayHost.Utf8(body.ToJsonString()), "project-approval", PortalPushes.SecretOf("project-approval"));

    /// <summary>SubmitHookupDemand as the platform sends it, signed at the host's (pinned) clock.</summary>
    private static Task<HttpResponseMessage> SoapAsync(GatewayHost host, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PortalPushes.SoapRoute) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", PortalPushes.SoapAction);
        SpecSigner.Sign(request, PortalPushes.SoapRoute, body, "project-approval", PortalPushes.SecretOf("project-approval"), host.Clock.GetUtcNow());
        return host.Http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        Assert.True(condition());
    }
}
