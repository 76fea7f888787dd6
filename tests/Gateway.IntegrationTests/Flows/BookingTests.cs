using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Deadlines;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using static Gateway.IntegrationTests.Deadlines.ClockHarness;

namespace Gateway.IntegrationTests.Flows;

/// <summary>
/// Booked joint acceptance and connection through the signed public endpoints on a pinned clock (docs/lifecycle.md): the
/// portal books, every utility of the case receives the appointment and answers; all confirmed settles the booking, tells
/// the portal the date and starts the Keqiao connection clocks from it (due instants computed by hand); a proposal is a
/// conflict reported to the portal, who books again. Bad input answers field-level problems and stores nothing.
/// </summary>
public sealed class BookingTests
{
    private const string Bookings = "/api/portals/zhejiang/bookings";
    private static readonly string[] Utilities = ["keqiao-power", "keqiao-water"];

    private static byte[] Application() =>
        GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s =>
        {
            s["applyNo"] = "ZJB" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            s["surveyDate"] = null;
            s["demands"] = new JsonArray(
                new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 120, ["usage"] = new JsonArray("PRODUCTION") },
                new JsonObject { ["type"] = "POWER", ["biz"] = "NEW", ["capacityKva"] = 630, ["voltageKv"] = 10 });
            s["outerWorks"] = new JsonArray();
        });

    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // PostgreSQL + RabbitMQ from ./test.sh
    public async Task A_booking_settles_for_all_and_starts_the_connection_clocks_or_reports_the_conflict(string profile)
    {
        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        await using var portal = await FakeCounterpart.StartAsync("zhejiang-portal");
        // Monday 2026-11-23 09:40 in Keqiao.
        await using var h = await StartAsync(Utilities, Local(11, 23, 9, 40),
            [.. deployment, $"--Gateway:Portals:zhejiang:CallbackUrl={portal.BaseUrl}callbacks", "--Gateway:Portals:zhejiang:Secret=test-callback-secret"]);
        var application = Application();
        var applyNo = (string)JsonNode.Parse(application)!["applyNo"]!;
        var caseId = await h.CaseIdOfAsync(await h.Host.PushZhejiangAsync(application));
        var view = await h.Host.WaitForCaseAsync(caseId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var timeline = view["timeline"]!.AsArray().Count;

        // Bad input: field-level problems with stable codes, nothing stored.
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-11-20", "09:00-12:00"), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "date", "DATE_IN_PAST");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-11-23", null), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "date", "DATE_IN_PAST");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-11-28", null), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "date", "NOT_WORKING_DAY");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026/12/03", null), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "date", "INVALID_FORMAT");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-12-03", "9点-12点"), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "slot", "INVALID_FORMAT");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-12-03", "12:00-09:00"), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "slot", "OUT_OF_RANGE");
        await AssertFieldErrorAsync(h, Booking(applyNo, "2026-12-03", "07:00-09:00"), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "slot", "OUT_OF_RANGE");
        await AssertFieldErrorAsync(h, Booking(null, "2026-12-03", null), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "applyNo", "REQUIRED");
        await AssertFieldErrorAsync(h, Booking("ZJB-NO-SUCH-APPLICATION", "2026-12-03", null), HttpStatusCode.NotFound, "CASE_NOT_FOUND",
            "applyNo", "UNKNOWN_APPLICATION");
        // Ezhou's plan offers no booking.
        var ezhou = GatewayHost.Variant(GatewayHost.LoadSample("hubei", "ezhou-logistics-park.json"), s => s["submitId"] = PortalPushes.UniqueNo("EHB"));
        var ezhouCase = await h.CaseIdOfAsync(await h.Host.PushHubeiAsync(ezhou));
        using (var refused = await h.Host.PushAsync("/api/portals/hubei/bookings", Booking((string)JsonNode.Parse(ezhou)!["submitId"]!, "2026-12-03", null),
                   "hubei", PortalPushes.SecretOf("hubei")))
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "BOOKING_NOT_OFFERED", "applyNo", "BOOKING_NOT_OFFERED");
        Assert.Null((await h.ViewAsync(ezhouCase))["booking"]);
        view = await h.ViewAsync(caseId);
        Assert.Null(view["booking"]);
        Assert.Equal(timeline, view["timeline"]!.AsArray().Count);
        Assert.Equal(2, Dispatches(view).Count);

        // The applicant books Thursday 2026-12-03 09:00-12:00: both utilities receive the appointment.
        var receipt = await BookAsync(h, applyNo, "2026-12-03", "09:00-12:00");
        Assert.Equal(1, (int)receipt["round"]!);
        Assert.Equal("PENDING", (string?)receipt["status"]);
        Assert.Equal(Local(12, 3, 9), Time(receipt["start"]));
        Assert.Equal(Local(12, 3, 12), Time(receipt["end"]));
        Assert.Equal(Utilities, receipt["counterpartIds"]!.AsArray().Select(c => (string)c!).Order());
        using (var again = await h.Host.PushAsync(Bookings, Booking(applyNo, "2026-12-04", null)))
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "BOOKING_PENDING");
        view = await h.Host.WaitForCaseAsync(caseId, v => Appointments(v).Count == 2 && Appointments(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        foreach (var utility in Utilities)
        {
            var sent = h.Fake(utility).Received.Single(r => r.Path.EndsWith("/appointments", StringComparison.Ordinal));
            var document = JsonNode.Parse(sent.BodyText)!;
            Assert.Equal("APPOINTMENT", (string?)document["kind"]);
            Assert.Equal(DispatchOf(view, utility, kind: "WORK_ORDER"), (string?)document["relatesTo"]);
            Assert.Equal(Local(12, 3, 9), Time(document["appointment"]!["start"]));
            Assert.Equal((string?)receipt["bookingId"], (string?)document["appointment"]!["bookingId"]);
        }

        // Tuesday 10:00: both confirm (a repeated event id changes nothing); the last answer settles the booking.
        h.Clock.Set(Local(11, 24, 10));
        var water = await AnswerAsync(h, view, "keqiao-water", "CONFIRMED");
        await AnswerAsync(h, view, "keqiao-water", "CONFIRMED", eventId: water, expected: HttpStatusCode.OK);
        Assert.Equal("PENDING", (string?)(await h.ViewAsync(caseId))["booking"]!["status"]);
        await AnswerAsync(h, view, "keqiao-power", "CONFIRMED");
        view = await h.ViewAsync(caseId);
        Assert.Equal("SETTLED", (string?)view["booking"]!["status"]);
        AssertAround(Local(11, 24, 10), view["booking"]!["settledAt"]);
        Assert.All(Appointments(view), a => Assert.Equal("DONE", (string?)a["status"]));
        // Keqiao connects within 3 wd of the agreed time (Thursday 09:00; its day not counted): Fri 4, Mon 7, Tue 2026-12-08 17:30.
        foreach (var utility in Utilities)
        {
            var connection = ClockOf(view, "CONNECTION", utility);
            Assert.Equal(Local(12, 8, 17, 30), Time(connection["dueAt"]));
            Assert.Equal("RUNNING", (string?)connection["state"]);
            Assert.Equal(DispatchOf(view, utility, kind: "WORK_ORDER"), (string?)connection["dispatchId"]);
        }
        Assert.Single(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "BOOKING_SETTLED");
        var settled = await CallbackAsync(portal, "BOOKING_SETTLED");
        Assert.Equal(caseId, (string?)settled["caseId"]);
        Assert.StartsWith("2026-12-03 09:00-12:00", (string?)settled["detail"]);
        using (var twice = await h.Host.PushAsync(Bookings, Booking(applyNo, "2026-12-04", null)))
            await AssertProblemAsync(twice, HttpStatusCode.Conflict, "BOOKING_ALREADY_SETTLED");

        // A second case: the power company cannot come on the day and proposes Friday afternoon — a conflict for the portal.
        var second = Application();
        var secondNo = (string)JsonNode.Parse(second)!["applyNo"]!;
        var secondId = await h.CaseIdOfAsync(await h.Host.PushZhejiangAsync(second));
        await h.Host.WaitForCaseAsync(secondId, v => Dispatches(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var whole = await BookAsync(h, secondNo, "2026-12-03", null);
        Assert.Equal(Local(12, 3, 17, 30), Time(whole["end"])); // no slot: the whole office day
        view = await h.Host.WaitForCaseAsync(secondId, v => Appointments(v).Count == 2 && Appointments(v).All(d => (string?)d["status"] == "ACKNOWLEDGED"));
        var firstRound = view;
        await AnswerAsync(h, view, "keqiao-power", "PROPOSED", expected: HttpStatusCode.BadRequest); // no proposedDate
        await AnswerAsync(h, view, "keqiao-water", "CONFIRMED");
        await AnswerAsync(h, view, "keqiao-power", "PROPOSED", b => { b["proposedDate"] = "2026-12-04"; b["proposedSlot"] = "13:30-17:30"; });
        view = await h.ViewAsync(secondId);
        Assert.Equal("CONFLICT", (string?)view["booking"]!["status"]);
        Assert.False(HasClock(view, "CONNECTION", "keqiao-water"));
        var power = view["booking"]!["answers"]!.AsArray().Single(a => (string?)a!["counterpartId"] == "keqiao-power")!;
        Assert.Equal("PROPOSED", (string?)power["answer"]);
        Assert.Equal(Local(12, 4, 13, 30), Time(power["proposedStart"]));
        var conflict = await CallbackAsync(portal, "BOOKING_CONFLICT");
        Assert.Equal(secondId, (string?)conflict["caseId"]);
        Assert.Contains("keqiao-power 提议 2026-12-04 13:30-17:30", (string?)conflict["detail"]);

        // The portal books the proposed time (round 2); an answer to round 1 no longer counts; both confirm.
        var round2 = await BookAsync(h, secondNo, "2026-12-04", "13:30-17:30");
        Assert.Equal(2, (int)round2["round"]!);
        view = await h.Host.WaitForCaseAsync(secondId, v => Appointments(v).Count == 4 && Appointments(v).All(d => (string?)d["status"] is "ACKNOWLEDGED" or "DONE"));
        await AnswerAsync(h, firstRound, "keqiao-water", "CONFIRMED", expected: HttpStatusCode.Conflict);
        foreach (var utility in Utilities) await AnswerAsync(h, view, utility, "CONFIRMED");
        view = await h.ViewAsync(secondId);
        Assert.Equal("SETTLED", (string?)view["booking"]!["status"]);
        // From Friday 13:30: Mon 7, Tue 8, Wed 2026-12-09 17:30.
        foreach (var utility in Utilities) Assert.Equal(Local(12, 9, 17, 30), Time(ClockOf(view, "CONNECTION", utility)["dueAt"]));
    }

    private static byte[] Booking(string? applyNo, string date, string? slot) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["applyNo"] = applyNo, ["date"] = date, ["slot"] = slot,
    }.ToJsonString());

    private static List<JsonObject> Appointments(JsonObject view) => Dispatches(view).Where(d => (string?)d["kind"] == "APPOINTMENT").ToList();

    /// <summary>The utility's dispatch of this kind; for appointments, the newest (the latest round).</summary>
    private static string DispatchOf(JsonObject view, string counterpart, string kind) =>
        (string)Dispatches(view).Last(d => (string?)d["counterpartId"] == counterpart && (string?)d["kind"] == kind)["dispatchId"]!;

    private static async Task<JsonObject> BookAsync(ClockHarness h, string applyNo, string date, string? slot)
    {
        using var response = await h.Host.PushAsync(Bookings, Booking(applyNo, date, slot));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"booking → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The utility's answer to its latest appointment, signed as itself; returns the event id.</summary>
    private static async Task<string> AnswerAsync(ClockHarness h, JsonObject view, string utility, string answer, Action<JsonObject>? extra = null,
        string? eventId = null, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        eventId ??= "evt-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject
        {
            ["eventId"] = eventId, ["dispatchId"] = DispatchOf(view, utility, "APPOINTMENT"), ["answer"] = answer,
            ["at"] = h.Host.Clock.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        };
        extra?.Invoke(body);
        using var response = await h.Host.PushAsync($"/api/counterparts/{utility}/appointments", Encoding.UTF8.GetBytes(body.ToJsonString()),
            utility, CallerSecret(utility));
        Assert.True(response.StatusCode == expected, $"{utility} {answer} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return eventId;
    }

    private static async Task AssertFieldErrorAsync(ClockHarness h, byte[] body, HttpStatusCode status, string code, string field, string fieldCode)
    {
        using var response = await h.Host.PushAsync(Bookings, body);
        await AssertProblemAsync(response, status, code, field, fieldCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null, string? fieldCode = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(code, (string?)problem["code"]);
        if (field is null) return;
        var error = problem["errors"]!.AsArray().Single(e => (string?)e!["field"] == field)!;
        Assert.Equal(fieldCode, (string?)error["code"]);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string?)error["message"]); // Chinese
    }

    private static async Task<JsonObject> CallbackAsync(FakeCounterpart portal, string @event)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            var found = portal.Received.Select(r => JsonNode.Parse(r.BodyText)!.AsObject()).FirstOrDefault(b => (string?)b["event"] == @event);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"no {@event} callback reached the portal");
    }
}
