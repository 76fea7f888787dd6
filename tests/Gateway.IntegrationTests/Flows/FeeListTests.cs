using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Deadlines;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using static Gateway.IntegrationTests.Deadlines.ClockHarness;

namespace Gateway.IntegrationTests.Flows;

/// <summary>
/// One fee list, paid once (docs/lifecycle.md "Fee list"), through the signed public endpoints and the real host: utilities
/// quote (the region's cost rules refuse what the applicant may not be charged), the last quote issues the list, the portal
/// hears of it once, confirms the one payment (a wrong total refused, a repeat idempotent) and every utility is told what
/// was paid for its part by a fee notice through the outbox.
/// </summary>
public sealed class FeeListTests
{
    private static readonly string[] Ezhou =
    [
        "ezhou-water", "ezhou-power", "ezhou-gas", "ezhou-cmcc", "ezhou-cucc", "ezhou-ctcc", "ezhou-approval-bureau", "ezhou-housing",
        "ezhou-water-resources", "ezhou-natural-resources", "ezhou-urban-management", "ezhou-police", "ezhou-transport",
    ];

    private static readonly string[] XinCounty =
    [
        "xinxian-water", "xinxian-power", "xinxian-gas", "xinxian-cmcc", "xinxian-cucc", "xinxian-ctcc", "xinxian-approval-bureau",
        "xinxian-urban-management",
    ];

    private static JsonObject Item(string name, long fen, string bearer, string scope) =>
        new() { ["name"] = name, ["amountFen"] = fen, ["bearer"] = bearer, ["scope"] = scope };

    private static async Task<(HttpStatusCode Status, JsonObject Body)> QuoteAsync(ClockHarness h, string counterpart, string dispatchId,
        string eventId, params JsonObject[] items)
    {
        var body = new JsonObject { ["eventId"] = eventId, ["dispatchId"] = dispatchId, ["items"] = new JsonArray(items) };
        using var response = await h.Host.PushAsync($"/api/counterparts/{counterpart}/fee-quotes", Encoding.UTF8.GetBytes(body.ToJsonString()),
            counterpart, CallerSecret(counterpart));
        return (response.StatusCode, await GatewayHost.ReadJsonAsync(response));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PayAsync(ClockHarness h, string portal, string applyNo, string feeListId,
        long totalFen, string paymentRef)
    {
        var body = new JsonObject
        {
            ["applyNo"] = applyNo, ["feeListId"] = feeListId, ["totalFen"] = totalFen, ["paymentRef"] = paymentRef,
            ["paidAt"] = "2026-11-24T10:15:00+08:00",
        };
        using var response = await h.Host.PushAsync($"/api/portals/{portal}/fee-payments", Encoding.UTF8.GetBytes(body.ToJsonString()),
            portal, PortalPushes.SecretOf(portal));
        return (response.StatusCode, await GatewayHost.ReadJsonAsync(response));
    }

    private static List<(string Field, string Code)> Errors(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();

    private static List<JsonObject> WorkOrders(JsonObject view) =>
        Dispatches(view).Where(d => (string?)d["kind"] == "WORK_ORDER").ToList();

    private static async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task Ezhou_quotes_combine_into_one_list_paid_once_and_each_utility_hears_its_part(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        await using var portal = await Gateway.Fakes.FakeCounterpart.StartAsync("hubei-portal");
        await using var h = await StartAsync(Ezhou, Local(11, 23, 9, 30),
            [.. deployment, $"--Gateway:Portals:hubei:CallbackUrl={portal.BaseUrl}callbacks", "--Gateway:Portals:hubei:Secret=test-callback-secret"]);

        // 200 kW of power: Ezhou's finance bears the power outer works; water, gas and network are the utilities'.
        var submitId = PortalPushes.UniqueNo("EHF");
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", submitId)));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.True((bool)view["fees"]!["offered"]!);
        Assert.Contains("缴费", (string)view["fees"]!["source"]!);
        var utilities = WorkOrders(view).ToDictionary(d => (string)d["counterpartId"]!, d => (string)d["dispatchId"]!);
        Assert.Contains("ezhou-water", utilities.Keys);
        Assert.Contains("ezhou-power", utilities.Keys);

        // What the cost rules make free is refused, item by item, and nothing of that quote is kept.
        var (status, problem) = await QuoteAsync(h, "ezhou-power", utilities["ezhou-power"], "q-power-1",
            Item("计量装置", 98_765, "APPLICANT", "INSIDE_RED_LINE"), Item("红线外供电工程", 5_000_000, "APPLICANT", "OUTSIDE_RED_LINE"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FEE_NOT_CHARGEABLE", (string)problem["code"]!);
        Assert.Equal([("items[1].bearer", "FEE_NOT_CHARGEABLE")], Errors(problem));
        Assert.Contains("政府财政", (string)problem["errors"]![0]!["message"]!);
        (status, problem) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-bad",
            Item("红线外供水管网", 3_000_000, "APPLICANT", "OUTSIDE_RED_LINE"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        // A fraction of a fen is a field error, never rounded.
        (status, problem) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-frac",
            new JsonObject { ["name"] = "水表", ["amountFen"] = 12.5, ["bearer"] = "APPLICANT", ["scope"] = "INSIDE_RED_LINE" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([("items[0].amountFen", "INVALID_FORMAT")], Errors(problem));
        Assert.Empty((await h.ViewAsync(caseId))["fees"]!["quotes"]!.AsArray());

        // Quotes; the water quote is revised before the list is issued; a repeated event id changes nothing.
        (status, var receipt) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-1",
            Item("水表及红线内安装", 150_000, "APPLICANT", "INSIDE_RED_LINE"), Item("红线外供水管网", 3_000_000, "UTILITY", "OUTSIDE_RED_LINE"));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, (int)receipt["revision"]!);
        (status, receipt) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-1", Item("x", 1, "APPLICANT", "INSIDE_RED_LINE"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)receipt["duplicate"]!);
        (status, receipt) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-2",
            Item("水表及红线内安装", 120_001, "APPLICANT", "INSIDE_RED_LINE"), Item("红线外供水管网", 3_000_000, "UTILITY", "OUTSIDE_RED_LINE"));
        Assert.Equal(2, (int)receipt["revision"]!);
        Assert.False((bool)receipt["feeListIssued"]!);

        var expectedTotal = 120_001L;
        var parts = new Dictionary<string, long> { ["ezhou-water"] = 120_001 };
        foreach (var (counterpart, dispatchId) in utilities.Where(u => u.Key != "ezhou-water"))
        {
            JsonObject[] items = counterpart switch
            {
                "ezhou-power" => [Item("计量装置", 98_765, "APPLICANT", "INSIDE_RED_LINE"), Item("红线外供电工程", 5_000_000, "GOVERNMENT", "OUTSIDE_RED_LINE")],
                "ezhou-gas" => [Item("燃气表及户内管", 33_333, "APPLICANT", "INSIDE_RED_LINE")],
                _ => [], // a carrier with nothing to charge
            };
            var part = items.Where(i => (string?)i["bearer"] == "APPLICANT").Sum(i => (long)i["amountFen"]!);
            parts[counterpart] = part;
            expectedTotal += part;
            (status, receipt) = await QuoteAsync(h, counterpart, dispatchId, $"q-{counterpart}-1", items);
            Assert.Equal(HttpStatusCode.Accepted, status);
        }
        Assert.True((bool)receipt["feeListIssued"]!); // the last quote issued the list

        // No revision after the list is issued.
        (status, problem) = await QuoteAsync(h, "ezhou-water", utilities["ezhou-water"], "q-water-3", Item("水表", 1, "APPLICANT", "INSIDE_RED_LINE"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("FEE_LIST_ALREADY_ISSUED", (string)problem["code"]!);

        view = await h.ViewAsync(caseId);
        var list = view["fees"]!["list"]!;
        var feeListId = (string)list["feeListId"]!;
        Assert.Equal("ISSUED", (string)list["status"]!);
        Assert.Equal(expectedTotal, (long)list["applicantTotalFen"]!);
        Assert.Equal(expectedTotal, list["lines"]!.AsArray().Where(l => (string?)l!["bearer"] == "APPLICANT").Sum(l => (long)l!["amountFen"]!));
        Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "FEE_LIST_ISSUED");

        // The portal hears of the list once, with the list in the callback.
        await WaitUntilAsync(() => portal.Received.Any(r => r.BodyText.Contains("\"FEE_LIST_ISSUED\"")), "the FEE_LIST_ISSUED callback");
        var callback = JsonNode.Parse(Assert.Single(portal.Received, r => r.BodyText.Contains("\"FEE_LIST_ISSUED\"")).BodyText)!;
        Assert.Equal(feeListId, (string)callback["feeList"]!["feeListId"]!);
        Assert.Equal(expectedTotal, (long)callback["feeList"]!["applicantTotalFen"]!);
        Assert.Equal(submitId, (string)callback["portalApplicationNo"]!);

        // One payment: a wrong total is refused and stores nothing; the right one is taken once; a repeat is idempotent.
        h.Clock.Set(Local(11, 24, 10, 20));
        (status, problem) = await PayAsync(h, "hubei", submitId, feeListId, expectedTotal - 1, "PAY-EZ-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FEE_TOTAL_MISMATCH", (string)problem["code"]!);
        Assert.Equal([("totalFen", "FEE_TOTAL_MISMATCH")], Errors(problem));
        Assert.Equal("ISSUED", (string)(await h.ViewAsync(caseId))["fees"]!["list"]!["status"]!);
        (status, receipt) = await PayAsync(h, "hubei", submitId, feeListId, expectedTotal, "PAY-EZ-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)receipt["duplicate"]!);
        (status, receipt) = await PayAsync(h, "hubei", submitId, feeListId, expectedTotal, "PAY-EZ-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)receipt["duplicate"]!);
        (status, problem) = await PayAsync(h, "hubei", submitId, feeListId, expectedTotal, "PAY-EZ-2");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("FEE_LIST_ALREADY_PAID", (string)problem["code"]!);

        // Each utility that quoted gets one fee notice with its part, through the outbox; the notices settle on receipt.
        view = await h.Host.WaitForCaseAsync(caseId, v =>
            Dispatches(v).Count(d => (string?)d["kind"] == "FEE_NOTICE" && (string?)d["status"] == "DONE") == utilities.Count, TimeSpan.FromSeconds(20));
        Assert.Equal("PAID", (string)view["fees"]!["list"]!["status"]!);
        Assert.Equal("PAY-EZ-1", (string)view["fees"]!["list"]!["paymentRef"]!);
        Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "FEE_PAID");
        Assert.DoesNotContain(view["clocks"]!.AsArray(), c => (string?)c!["step"] == "FEE_NOTICE");
        foreach (var (counterpart, part) in parts)
        {
            var notices = h.Fake(counterpart).Received.Where(r => r.Path.EndsWith("/fee-notices", StringComparison.Ordinal)).ToList();
            var notice = JsonNode.Parse(Assert.Single(notices).BodyText)!;
            Assert.Equal("FEE_NOTICE", (string)notice["kind"]!);
            Assert.Equal(feeListId, (string)notice["feePaid"]!["feeListId"]!);
            Assert.Equal("PAY-EZ-1", (string)notice["feePaid"]!["paymentRef"]!);
            Assert.Equal(part, (long)notice["feePaid"]!["applicantPaidFen"]!);
        }
        Assert.Single(portal.Received, r => r.BodyText.Contains("\"FEE_LIST_ISSUED\""));
    }

    [Fact]
    public async Task Xin_county_refuses_charging_the_applicant_for_outer_works_and_offers_no_list()
    {
        await using var h = await StartAsync(XinCounty, Local(11, 23, 9, 30));
        var sqbh = PortalPushes.UniqueNo("HNF");
        var caseId = await h.CaseIdOfAsync(await h.Host.PushHenanAsync(PortalPushes.HenanVariant("xinxian-tea-factory.xml", sqbh)));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        Assert.False((bool)view["fees"]!["offered"]!);

        foreach (var order in WorkOrders(view))
        {
            var counterpart = (string)order["counterpartId"]!;
            var (status, problem) = await QuoteAsync(h, counterpart, (string)order["dispatchId"]!, $"q-{counterpart}-bad",
                Item("红线外接入工程", 1_000_000, "APPLICANT", "OUTSIDE_RED_LINE"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("FEE_NOT_CHARGEABLE", (string)problem["code"]!);
            Assert.Contains("不需要缴纳任何费用", (string)problem["errors"]![0]!["message"]!);
            (status, _) = await QuoteAsync(h, counterpart, (string)order["dispatchId"]!, $"q-{counterpart}-ok",
                Item("表计", 10_000, "APPLICANT", "INSIDE_RED_LINE"), Item("红线外接入工程", 1_000_000, "UTILITY", "OUTSIDE_RED_LINE"));
            Assert.Equal(HttpStatusCode.Accepted, status);
        }
        view = await h.ViewAsync(caseId);
        Assert.Equal(WorkOrders(view).Count, view["fees"]!["quotes"]!.AsArray().Count);
        Assert.Null(view["fees"]!["list"]);

        var (payStatus, payProblem) = await PayAsync(h, "henan", sqbh, "FL-" + caseId, 10_000, "PAY-XX-1");
        Assert.Equal(HttpStatusCode.Conflict, payStatus);
        Assert.Equal("FEE_LIST_NOT_OFFERED", (string)payProblem["code"]!);
        (payStatus, payProblem) = await PayAsync(h, "henan", "NO-SUCH-SQBH", "FL-x", 1, "PAY-XX-2");
        Assert.Equal(HttpStatusCode.NotFound, payStatus);
        Assert.Equal("CASE_NOT_FOUND", (string)payProblem["code"]!);
    }
}
