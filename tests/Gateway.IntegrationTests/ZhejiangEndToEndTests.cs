using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>Embedded profile: SQLite and the in-memory bus.</summary>
public sealed class ZhejiangEndToEndTests(KeqiaoGateway gateway) : ZhejiangEndToEndSuite<KeqiaoGateway>(gateway);

/// <summary>Production profile: PostgreSQL and RabbitMQ.</summary>
public sealed class ZhejiangEndToEndOnPostgresAndRabbitMqTests(KeqiaoGatewayOnPostgresAndRabbitMq gateway)
    : ZhejiangEndToEndSuite<KeqiaoGatewayOnPostgresAndRabbitMq>(gateway);

/// <summary>
/// The walking skeleton end to end: a signed Zhejiang push through the real host, out over HTTP to fake
/// utility ERPs on 127.0.0.1, back as receipts on the case. Runs once per profile.
/// </summary>
public abstract class ZhejiangEndToEndSuite<TGateway>(TGateway gateway) : IClassFixture<TGateway> where TGateway : KeqiaoGateway
{
    private static readonly JsonObject Sample = GatewayHost.LoadSample("zhejiang", "keqiao-factory.json");

    private static byte[] UniqueSample(Action<JsonObject>? change = null) =>
        GatewayHost.Variant(Sample, s =>
        {
            s["applyNo"] = "ZJT" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            change?.Invoke(s);
        });

    private static bool AllAcknowledged(JsonObject view) =>
        view["dispatches"]!.AsArray().All(d => (string?)d!["status"] == "ACKNOWLEDGED");

    [Fact]
    public async Task Push_fans_out_one_work_order_per_service_and_records_each_receipt()
    {
        var body = UniqueSample();
        using var response = await gateway.Host.PushZhejiangAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await GatewayHost.ReadJsonAsync(response);
        var caseId = (string)receipt["caseId"]!;
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location!.OriginalString);
        Assert.False((bool)receipt["duplicate"]!);
        Assert.Equal("keqiao", (string?)receipt["region"]);
        Assert.Equal("zhejiang", (string?)receipt["portal"]);
        var dispatches = receipt["dispatches"]!.AsArray();
        Assert.Equal(["keqiao-water", "keqiao-power", "keqiao-gas", "keqiao-ctcc"], dispatches.Select(d => (string)d!["counterpartId"]!));
        Assert.All(dispatches, d => Assert.Equal("WORK_ORDER", (string?)d!["kind"]));

        var view = await gateway.Host.WaitForCaseAsync(caseId, AllAcknowledged, TimeSpan.FromSeconds(5));
        Assert.Equal("DISPATCHED", (string?)view["status"]);
        foreach (var d in view["dispatches"]!.AsArray())
        {
            var counterpart = (string)d!["counterpartId"]!;
            var received = Assert.Single(gateway.ReceivedFor(counterpart, caseId));
            Assert.NotNull(received.AnsweredOrderNo);
            Assert.Equal(received.AnsweredOrderNo, (string?)d["externalRef"]);
            Assert.NotNull(d["sentAt"]);
            Assert.NotNull(d["acknowledgedAt"]);
        }

        var timeline = view["timeline"]!.AsArray().Select(t => (string)t!["type"]!).ToList();
        Assert.Equal("ACCEPTED", timeline[0]);
        Assert.Equal(4, timeline.Count(t => t == "DISPATCH_SENT"));
        Assert.Equal(4, timeline.Count(t => t == "DISPATCH_ACKNOWLEDGED"));
        Assert.Equal("DISPATCHED", timeline[^1]);
    }

    [Fact]
    public async Task Work_order_body_headers_and_signature_are_exactly_the_agreement()
    {
        using var response = await gateway.Host.PushZhejiangAsync(UniqueSample());
        var receipt = await GatewayHost.ReadJsonAsync(response);
        var caseId = (string)receipt["caseId"]!;
        await gateway.Host.WaitForCaseAsync(caseId, AllAcknowledged);
        var waterDispatch = receipt["dispatches"]!.AsArray().Single(d => (string?)d!["counterpartId"] == "keqiao-water")!;

        var request = Assert.Single(gateway.ReceivedFor("keqiao-water", caseId));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/erp/work-orders", request.Path);
        Assert.Equal((string)waterDispatch["dispatchId"]!, request.Header("Idempotency-Key"));
        Assert.Equal(caseId, request.Header("X-Correlation-Id"));

        // Signature: recomputed here from the agreement's string-to-sign with the counterpart's secret.
        SpecSigner.AssertSigned(request, "gateway", GatewayHost.CounterpartSecret("keqiao-water"));
        var sentAt = DateTimeOffset.Parse(request.Header("X-Gw-Date"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        // Body: every field the agreement lists, with the sample's values.
        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        Assert.Equal((string)waterDispatch["dispatchId"]!, (string?)body["dispatchId"]);
        Assert.Equal(caseId, (string?)body["caseId"]);
        Assert.Equal("keqiao", (string?)body["region"]);
        Assert.Equal("kqedz", (string?)body["zone"]);
        Assert.Equal("WORK_ORDER", (string?)body["kind"]);
        Assert.Equal("WATER", (string?)body["service"]);
        Assert.Equal("keqiao-water", (string?)body["counterpartId"]);
        Assert.Equal("绍兴柯桥恒嘉纺织科技有限公司", (string?)body["applicant"]!["name"]);
        Assert.Equal("91330621MA2D8Q5X1A", (string?)body["applicant"]!["uscc"]);
        Assert.Equal("王建平", (string?)body["applicant"]!["contact"]);
        Assert.Equal("13905851234", (string?)body["applicant"]!["phone"]);
        Assert.Equal("2026-330603-44-01-100231", (string?)body["project"]!["code"]);
        Assert.Equal("柯桥经开区智能纺织产业园一期厂房", (string?)body["project"]!["name"]);
        Assert.Equal("浙江省绍兴市柯桥区齐贤街道兴业路88号", (string?)body["project"]!["address"]);
        Assert.True(body["project"]!.AsObject().ContainsKey("permitNo"));
        Assert.Null(body["project"]!["permitNo"]);
        Assert.Equal("NEW", (string?)body["demand"]!["business"]);
        Assert.Equal(120m, (decimal)body["demand"]!["dailyTons"]!);
        Assert.Equal(["PRODUCTION", "DOMESTIC"], body["demand"]!["natures"]!.AsArray().Select(n => (string)n!));
        Assert.False(body["demand"]!.AsObject().ContainsKey("service"));
        var outer = Assert.Single(body["outerWorks"]!.AsArray())!;
        Assert.Equal(150m, (decimal)outer["lengthM"]!);
        Assert.Equal(200m, (decimal)outer["diameterDn"]!);
        Assert.Equal(40m, (decimal)outer["greenM2"]!);
        Assert.Equal(0m, (decimal)outer["roadCrossingM"]!);
        Assert.False((bool)outer["recentRoad"]!);
        Assert.Equal("2026-11-26", (string?)body["surveyDate"]);
        Assert.Equal((string?)waterDispatch["dueAt"], (string?)body["respondBy"]);

        // The power order carries no outer works (the sample has water outer works only).
        var power = JsonNode.Parse(Assert.Single(gateway.ReceivedFor("keqiao-power", caseId)).BodyText)!;
        Assert.Empty(power["outerWorks"]!.AsArray());
        Assert.Equal(630m, (decimal)power["demand"]!["capacityKva"]!);
        Assert.Equal(10m, (decimal)power["demand"]!["voltageKv"]!);
    }

    [Fact]
    public async Task Repeated_push_returns_the_original_receipt_and_sends_nothing_new()
    {
        var body = UniqueSample();
        using var first = await gateway.Host.PushZhejiangAsync(body);
        var original = await GatewayHost.ReadJsonAsync(first);
        var caseId = (string)original["caseId"]!;
        await gateway.Host.WaitForCaseAsync(caseId, AllAcknowledged);

        using var again = await gateway.Host.PushZhejiangAsync(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await GatewayHost.ReadJsonAsync(again);
        Assert.True((bool)repeat["duplicate"]!);
        Assert.Equal(caseId, (string?)repeat["caseId"]);
        Assert.Equal((string?)original["receiptNo"], (string?)repeat["receiptNo"]);
        Assert.Equal(original["dispatches"]!.ToJsonString(), repeat["dispatches"]!.ToJsonString());

        await Task.Delay(500); // give a wrongly re-sent work order time to arrive
        var view = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(4, view["dispatches"]!.AsArray().Count);
        foreach (var id in new[] { "keqiao-water", "keqiao-power", "keqiao-gas", "keqiao-ctcc" })
            Assert.Single(gateway.ReceivedFor(id, caseId));
    }

    [Fact]
    public async Task Same_application_number_with_other_content_is_a_conflict()
    {
        var applyNo = "ZJT" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        using var first = await gateway.Host.PushZhejiangAsync(GatewayHost.Variant(Sample, s => s["applyNo"] = applyNo));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(first))["caseId"]!;

        using var changed = await gateway.Host.PushZhejiangAsync(GatewayHost.Variant(Sample, s =>
        {
            s["applyNo"] = applyNo;
            s["demands"]![0]!["dailyTons"] = 999;
        }));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("APPLICATION_CONFLICT", (string?)(await GatewayHost.ReadJsonAsync(changed))["code"]);
        var view = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(120m, (decimal)view["services"]![0]!["dailyTons"]!);
    }

    [Fact]
    public async Task Network_without_named_carriers_goes_to_all_three()
    {
        using var response = await gateway.Host.PushZhejiangAsync(UniqueSample(s =>
        {
            s["demands"] = new JsonArray(new JsonObject { ["type"] = "NETWORK", ["biz"] = "NEW", ["users"] = 10 });
            s.Remove("outerWorks");
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await GatewayHost.ReadJsonAsync(response);
        Assert.Equal(["keqiao-cmcc", "keqiao-cucc", "keqiao-ctcc"], receipt["dispatches"]!.AsArray().Select(d => (string)d!["counterpartId"]!));
        var caseId = (string)receipt["caseId"]!;
        await gateway.Host.WaitForCaseAsync(caseId, AllAcknowledged);
        foreach (var carrier in new[] { "keqiao-cmcc", "keqiao-cucc", "keqiao-ctcc" })
        {
            var order = JsonNode.Parse(Assert.Single(gateway.ReceivedFor(carrier, caseId)).BodyText)!;
            Assert.Equal("NETWORK", (string?)order["service"]);
            Assert.Equal(10, (int)order["demand"]!["users"]!);
        }
    }

    [Fact]
    public async Task Unsigned_push_is_refused_and_stores_nothing()
    {
        var before = await gateway.Host.CaseCountAsync();
        using var content = new ByteArrayContent(UniqueSample());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await gateway.Host.Http.PostAsync("/api/portals/zhejiang/applications", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_MISSING", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    [Fact]
    public async Task Invalid_uscc_is_a_field_error_and_stores_nothing()
    {
        var before = await gateway.Host.CaseCountAsync();
        using var response = await gateway.Host.PushZhejiangAsync(UniqueSample(s => s["applicant"]!["uscc"] = "91330621MA2D8Q5X1B"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await GatewayHost.ReadJsonAsync(response);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("applicant.uscc", (string?)error["field"]);
        Assert.Equal("USCC_CHECKSUM", (string?)error["code"]);
        Assert.Contains("校验位", (string?)error["message"]);
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    [Fact]
    public async Task Every_problem_of_a_bad_push_is_listed_with_the_portals_field_paths()
    {
        using var response = await gateway.Host.PushZhejiangAsync(UniqueSample(s =>
        {
            s["zoneCode"] = "nowhere";
            s["project"]!["code"] = "2026-110101-44-01-100231";
            s["applicant"]!["mobile"] = "12345";
            s["demands"]![1]!["voltageKv"] = 110;
            s["demands"]![2]!["pressure"] = "HIGH";
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await GatewayHost.ReadJsonAsync(response))["errors"]!.AsArray()
            .Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToHashSet();
        Assert.Equal(new HashSet<(string, string)>
        {
            ("zoneCode", "INVALID_VALUE"),
            ("project.code", "REGION_MISMATCH"),
            ("applicant.mobile", "INVALID_FORMAT"),
            ("demands[1].voltageKv", "OUT_OF_SCOPE"),
            ("demands[2].pressure", "INVALID_VALUE"),
        }, errors);
    }

    [Fact]
    public async Task Tampered_replayed_stale_and_unknown_callers_are_refused_before_parsing()
    {
        var body = UniqueSample();
        using (var tampered = await gateway.Host.PushAsync("/api/portals/zhejiang/applications", body, signedBody: UniqueSample()))
            Assert.Equal("BODY_DIGEST_MISMATCH", await CodeOf(tampered, HttpStatusCode.Unauthorized));

        using (var stale = await gateway.Host.PushZhejiangAsync(body, at: DateTimeOffset.UtcNow.AddMinutes(-5)))
            Assert.Equal("CLOCK_SKEW", await CodeOf(stale, HttpStatusCode.Unauthorized));

        using (var wrongSecret = await gateway.Host.PushAsync("/api/portals/zhejiang/applications", body, secret: "not-the-secret"))
            Assert.Equal("SIGNATURE_INVALID", await CodeOf(wrongSecret, HttpStatusCode.Unauthorized));

        using (var unknown = await gateway.Host.PushAsync("/api/portals/zhejiang/applications", body, accessKey: "someone-else"))
            Assert.Equal("ACCESS_KEY_UNKNOWN", await CodeOf(unknown, HttpStatusCode.Unauthorized));

        var nonce = "replay-" + Guid.NewGuid().ToString("N");
        using (var first = await gateway.Host.PushZhejiangAsync(body, nonce: nonce))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var replay = await gateway.Host.PushZhejiangAsync(body, nonce: nonce))
            Assert.Equal("NONCE_REPLAYED", await CodeOf(replay, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Malformed_wrong_type_and_oversized_bodies_get_clear_errors()
    {
        using (var notJson = await gateway.Host.PushZhejiangAsync(GatewayHost.Utf8("{\"applyNo\": ")))
            Assert.Equal("MALFORMED_BODY", await CodeOf(notJson, HttpStatusCode.BadRequest));

        using (var wrongType = await gateway.Host.PushZhejiangAsync(UniqueSample(s => s["demands"]![0]!["dailyTons"] = "很多")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
            var problem = await GatewayHost.ReadJsonAsync(wrongType);
            Assert.Equal("demands[0].dailyTons", (string?)problem["errors"]![0]!["field"]);
        }

        using (var xml = await gateway.Host.PushAsync("/api/portals/zhejiang/applications", GatewayHost.Utf8("<a/>"), contentType: "application/xml"))
            Assert.Equal("UNSUPPORTED_MEDIA_TYPE", await CodeOf(xml, HttpStatusCode.UnsupportedMediaType));

        var huge = new byte[1024 * 1024 + 10];
        Array.Fill(huge, (byte)' ');
        using (var tooBig = await gateway.Host.PushZhejiangAsync(huge))
            Assert.Equal("PAYLOAD_TOO_LARGE", await CodeOf(tooBig, HttpStatusCode.RequestEntityTooLarge));
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return (string?)JsonNode.Parse(text)!["code"];
    }
}
