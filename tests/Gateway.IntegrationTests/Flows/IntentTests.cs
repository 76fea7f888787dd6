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
/// Intent registration and 免申办 (docs/lifecycle.md) through the signed public endpoints on the embedded and the production profile: a Puyang
/// project pushed at project approval is an intent (planning notices to the utilities, no work order, no case); pushed again it
/// is the same intent; at construction-permit stage it becomes ONE case linked to the intent, taking over what the later push
/// leaves out; the owner's confirmation through the Henan portal converts another intent; bad input stores nothing.
/// </summary>
public sealed class IntentTests
{
    private static readonly XNamespace Gcjs = "urn:gcjs:hookup:v1";
    private static readonly string[] Utilities = ["puyang-water", "puyang-power", "puyang-gas", "puyang-heating"];
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>The Puyang sample for a project of its own, at <paramref name="stage"/>, optionally changed.</summary>
    private static byte[] Demand(string projectCode, string stage, Action<XElement>? change = null) =>
        PortalPushes.SoapVariant("puyang-casting-workshop.xml", PortalPushes.UniqueNo("GCJS-"), d =>
        {
            d.Element(Gcjs + "Stage")!.Value = stage;
            d.Element(Gcjs + "ProjectCode")!.Value = projectCode;
            change?.Invoke(d);
        });

    private static string NewProjectCode() => $"2026-410928-44-01-{Random.Shared.Next(200000, 999999)}";

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task Early_demand_is_an_intent_with_planning_notices_and_its_construction_permit_demand_yields_one_linked_case(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var fakes = new List<FakeCounterpart>();
        foreach (var id in Utilities) fakes.Add(await FakeCounterpart.StartAsync(id));
        try
        {
            var clock = new SettableClock();
            clock.Set(Start);
            await using var host = await GatewayHost.StartAsync(fakes, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
                [.. deployment, .. PortalPushes.CallerSecretArgs()]);
            var cases = await host.CaseCountAsync();
            var project = NewProjectCode();

            // Bad input at an early stage: the same field-level fault as any demand (Chinese message, stable code), nothing stored.
            using (var bad = await SoapAsync(host, Demand(project, "PROJECT_APPROVAL", d => d.Element(Gcjs + "Enterprise")!.Element(Gcjs + "Uscc")!.Value = "91410928MA47LQ2E8X")))
            {
                Assert.Equal(HttpStatusCode.InternalServerError, bad.StatusCode);
                var fault = await PortalPushes.SoapBodyAsync(bad);
                Assert.Contains(PortalPushes.FaultErrors(fault), e => e.Field == "Enterprise/Uscc");
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", fault.Element("detail")!.Elements(Gcjs + "Error").First().Value);
            }

            // Project approval: an intent. The answer says so; one planning notice per utility, no work order, no case.
            using var early = await SoapAsync(host, Demand(project, "PROJECT_APPROVAL"));
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            var answer = await PortalPushes.SoapBodyAsync(early);
            Assert.Null(answer.Element(Gcjs + "CaseId"));
            var intent = answer.Element(Gcjs + "Intent")!;
            var intentId = (string)intent.Element(Gcjs + "IntentId")!;
            Assert.StartsWith("INT-puyang-", intentId);
            Assert.Equal("OPEN", (string?)intent.Element(Gcjs + "Status"));
            Assert.Equal("false", (string?)answer.Element(Gcjs + "Duplicate"));
            Assert.Equal("PROJECT_APPROVAL", (string?)intent.Element(Gcjs + "Stage"));
            Assert.Equal(Utilities.Order(), answer.Elements(Gcjs + "Dispatch").Select(d => (string)d.Element(Gcjs + "CounterpartId")!).Order());
            Assert.All(answer.Elements(Gcjs + "Dispatch"), d => Assert.Equal("PLANNING_NOTICE", (string?)d.Element(Gcjs + "Kind")));
            Assert.Equal(cases, await host.CaseCountAsync());

            var view = await WaitForIntentAsync(host, intentId, v => v["notices"]!.AsArray().All(n => (string?)n!["status"] == "DONE"));
            Assert.Equal("OPEN", (string?)view["status"]);
            Assert.Null(view["caseId"]);
            Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "INTENT_REGISTERED");
            Assert.DoesNotContain(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "INTENT_UPDATED");
            foreach (var fake in fakes)
            {
                var notice = Assert.Single(fake.Received);
                Assert.EndsWith("/planning-notices", notice.Path);
                SpecSigner.AssertSigned(notice, "gateway", GatewayHost.CounterpartSecret(fake.Id));
                var body = JsonNode.Parse(notice.BodyText)!;
                Assert.Equal("PLANNING_NOTICE", (string?)body["kind"]);
                Assert.Equal(intentId, (string?)body["caseId"]);
                Assert.Equal("PROJECT_APPROVAL", (string?)body["stage"]);
                Assert.Null(body["respondBy"]); // no time limit runs
            }

            // The same demand again (a new demand number): the same intent, nothing new sent.
            using var again = await SoapAsync(host, Demand(project, "PROJECT_APPROVAL"));
            var repeat = (await PortalPushes.SoapBodyAsync(again)).Element(Gcjs + "Intent")!;
            Assert.Equal(intentId, (string?)repeat.Element(Gcjs + "IntentId"));
            Assert.Equal("true", (string?)(await PortalPushes.SoapBodyAsync(await SoapAsync(host, Demand(project, "PROJECT_APPROVAL"))))
                .Element(Gcjs + "Duplicate"));
            // Land planning with a changed quantity: the intent is updated, still one.
            using var changed = await SoapAsync(host, Demand(project, "LAND_PLANNING", d => d.Element(Gcjs + "Water")!.Element(Gcjs + "DailyTons")!.Value = "95"));
            var updated = await PortalPushes.SoapBodyAsync(changed);
            Assert.Equal("false", (string?)updated.Element(Gcjs + "Duplicate"));
            Assert.Equal(intentId, (string?)updated.Element(Gcjs + "Intent")!.Element(Gcjs + "IntentId"));
            view = await host.GetJsonAsync($"/api/intents/{intentId}");
            Assert.Equal("LAND_PLANNING", (string?)view["stage"]);
            Assert.Equal(95m, (decimal)view["services"]!.AsArray().Single(s => (string?)s!["service"] == "WATER")!["dailyTons"]!);
            Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "INTENT_UPDATED");
            Assert.Equal(cases, await host.CaseCountAsync());
            await Task.Delay(300);
            Assert.All(fakes, f => Assert.Single(f.Received)); // no second notice, no work order

            // Construction permit: the case, linked, with what this push leaves out (survey date, heating and both outer works)
            // taken over from the intent.
            using var permit = await SoapAsync(host, Demand(project, "CONSTRUCTION_PERMIT", d =>
            {
                d.Element(Gcjs + "SurveyDate")!.Remove();
                d.Element(Gcjs + "Heating")!.Remove();
                d.Elements(Gcjs + "OuterWork").Remove();
                d.Element(Gcjs + "SiteAddress")!.AddAfterSelf(new XElement(Gcjs + "PermitNo", "410928202612010001"));
            }));
            Assert.Equal(HttpStatusCode.OK, permit.StatusCode);
            var receipt = await PortalPushes.SoapBodyAsync(permit);
            var caseId = (string)receipt.Element(Gcjs + "CaseId")!;
            Assert.Equal("false", (string?)receipt.Element(Gcjs + "Duplicate"));
            Assert.Equal(intentId, (string?)receipt.Element(Gcjs + "Intent")!.Element(Gcjs + "IntentId"));
            Assert.Equal("CONVERTED", (string?)receipt.Element(Gcjs + "Intent")!.Element(Gcjs + "Status"));
            Assert.Equal(cases + 1, await host.CaseCountAsync());

            var caseView = await host.GetJsonAsync($"/api/cases/{caseId}");
            Assert.Equal(intentId, (string?)caseView["intent"]!["intentId"]);
            Assert.Equal("LAND_PLANNING", (string?)caseView["intent"]!["stage"]);
            Assert.Contains("HEATING", caseView["services"]!.AsArray().Select(s => (string?)s!["service"]));
            // Water is given again by this push (80 t/d): the later demand wins over the intent's 95.
            Assert.Equal(80m, (decimal)caseView["services"]!.AsArray().Single(s => (string?)s!["service"] == "WATER")!["dailyTons"]!);
            Assert.Equal("2026-11-27", (string?)caseView["surveyDate"]);
            Assert.Equal(2, caseView["outerWorks"]!.AsArray().Count);
            Assert.Equal("410928202612010001", (string?)caseView["project"]!["permitNo"]);
            var linked = Assert.Single(caseView["timeline"]!.AsArray(), t => (string?)t!["type"] == "INTENT_LINKED")!;
            Assert.Contains("heating", (string?)linked["detail"]);
            view = await host.GetJsonAsync($"/api/intents/{intentId}");
            Assert.Equal("CONVERTED", (string?)view["status"]);
            Assert.Equal(caseId, (string?)view["caseId"]);
            Assert.Contains(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "INTENT_CONVERTED");
            // Now the utilities get their work orders.
            await WaitUntilAsync(() => fakes.All(f => f.Received.Any(r => r.Path.EndsWith("/work-orders", StringComparison.Ordinal))));

            // Another construction-permit demand of the project (a new demand number): the one case, not a second application.
            using var second = await SoapAsync(host, Demand(project, "CONSTRUCTION_PERMIT"));
            var secondReceipt = await PortalPushes.SoapBodyAsync(second);
            Assert.Equal(caseId, (string?)secondReceipt.Element(Gcjs + "CaseId"));
            Assert.Equal("true", (string?)secondReceipt.Element(Gcjs + "Duplicate"));
            // And an early-stage push now: the intent, converted, naming its case.
            var late = (await PortalPushes.SoapBodyAsync(await SoapAsync(host, Demand(project, "PROJECT_APPROVAL")))).Element(Gcjs + "Intent")!;
            Assert.Equal(caseId, (string?)late.Element(Gcjs + "CaseId"));
            Assert.Equal(cases + 1, await host.CaseCountAsync());
        }
        finally
        {
            foreach (var fake in fakes) await fake.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task The_owner_confirms_an_intent_through_a_portal_of_its_region_and_bad_input_stores_nothing(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var fakes = new List<FakeCounterpart>();
        foreach (var id in Utilities) fakes.Add(await FakeCounterpart.StartAsync(id));
        try
        {
            var clock = new SettableClock();
            clock.Set(Start);
            await using var host = await GatewayHost.StartAsync(fakes, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
                [.. deployment, .. PortalPushes.CallerSecretArgs()]);
            var project = NewProjectCode();
            var intent = (await PortalPushes.SoapBodyAsync(await SoapAsync(host, Demand(project, "LAND_PLANNING")))).Element(Gcjs + "Intent")!;
            var intentId = (string)intent.Element(Gcjs + "IntentId")!;
            var cases = await host.CaseCountAsync();

            // Bad input: field-level problems in Chinese with stable codes, nothing stored.
            using var bad = await ConfirmAsync(host, "henan", new JsonObject { ["intentId"] = "", ["applicationNo"] = "" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(new HashSet<(string, string)> { ("intentId", "REQUIRED"), ("applicationNo", "REQUIRED") }, await PortalPushes.ProblemErrorsAsync(bad));
            using var malformed = await host.PushAsync(IntentRoute("henan"), GatewayHost.Utf8("{\"intentId\":"), "henan", PortalPushes.SecretOf("henan"));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            // A portal that does not serve Puyang does not see the intent; another portal cannot sign for Henan.
            using var elsewhere = await ConfirmAsync(host, "hubei", new JsonObject { ["intentId"] = intentId, ["applicationNo"] = PortalPushes.UniqueNo("EHB") });
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            Assert.Equal("INTENT_NOT_FOUND", (string?)(await GatewayHost.ReadJsonAsync(elsewhere))["code"]);
            using var unknown = await ConfirmAsync(host, "henan", new JsonObject { ["intentId"] = "INT-puyang-20261123-00000000", ["applicationNo"] = "HN-1" });
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var impostor = await host.PushAsync(IntentRoute("henan"), GatewayHost.Utf8(new JsonObject { ["intentId"] = intentId, ["applicationNo"] = "HN-2" }.ToJsonString()),
                "hubei", PortalPushes.SecretOf("hubei"));
            Assert.Equal(HttpStatusCode.Forbidden, impostor.StatusCode);
            Assert.Equal(cases, await host.CaseCountAsync());
            Assert.Equal("OPEN", (string?)(await host.GetJsonAsync($"/api/intents/{intentId}"))["status"]);

            // 免申办: the owner confirms through the Henan portal; the case is filed under the portal's number, nothing asked again.
            var applicationNo = PortalPushes.UniqueNo("HNQR");
            using var confirmed = await ConfirmAsync(host, "henan", new JsonObject { ["intentId"] = intentId, ["applicationNo"] = applicationNo });
            Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
            var receipt = await GatewayHost.ReadJsonAsync(confirmed);
            var caseId = (string)receipt["caseId"]!;
            Assert.Equal($"/api/cases/{caseId}", confirmed.Headers.Location!.OriginalString);
            Assert.Equal(intentId, (string?)receipt["intentId"]);
            Assert.Equal("henan", (string?)receipt["portal"]);
            Assert.Equal(applicationNo, (string?)receipt["portalApplicationNo"]);
            var caseView = await host.GetJsonAsync($"/api/cases/{caseId}");
            Assert.Equal(intentId, (string?)caseView["intent"]!["intentId"]);
            Assert.Equal(4, caseView["services"]!.AsArray().Count);
            Assert.Equal(cases + 1, await host.CaseCountAsync());

            // Confirmed again: the same case (200, duplicate); the construction-permit push afterwards: still that one case.
            using var twice = await ConfirmAsync(host, "henan", new JsonObject { ["intentId"] = intentId, ["applicationNo"] = applicationNo });
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            Assert.True((bool)(await GatewayHost.ReadJsonAsync(twice))["duplicate"]!);
            var permit = await PortalPushes.SoapBodyAsync(await SoapAsync(host, Demand(project, "CONSTRUCTION_PERMIT")));
            Assert.Equal(caseId, (string?)permit.Element(Gcjs + "CaseId"));
            Assert.Equal(cases + 1, await host.CaseCountAsync());
        }
        finally
        {
            foreach (var fake in fakes) await fake.DisposeAsync();
        }
    }

    private static string IntentRoute(string portal) => $"/api/portals/{portal}/intents/confirm";

    private static Task<HttpResponseMessage> ConfirmAsync(GatewayHost host, string portal, JsonObject body) =>
        host.PushAsync(IntentRoute(portal), GatewayHost.Utf8(body.ToJsonString()), portal, PortalPushes.SecretOf(portal));

    private static async Task<JsonObject> WaitForIntentAsync(GatewayHost host, string intentId, Func<JsonObject, bool> done)
    {
        var waited = Stopwatch.StartNew();
        JsonObject view;
        do
        {
            view = await host.GetJsonAsync($"/api/intents/{intentId}");
            if (done(view)) return view;
            await Task.Delay(50);
        } while (waited.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Fail($"intent {intentId} did not reach the expected state; last view: {view.ToJsonString()}");
        return view;
    }

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
