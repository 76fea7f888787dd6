using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>
/// How the gateway treats a counterpart's answers (docs/lifecycle.md): transient errors retried with the same
/// idempotency key, permanent ones recorded as failures, 409 with an order number taken as success.
/// Each test has its own host and fakes, so scripted answers never leak between tests.
/// </summary>
public sealed class CounterpartFailureTests
{
    private static readonly JsonObject Sample = GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json");

    /// <summary>A water-only application: one dispatch, to keqiao-water.</summary>
    private static byte[] WaterOnly() => GatewayHost.Variant(Sample, s =>
    {
        s["applyNo"] = "ZJF" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    private static async Task<(GatewayHost Host, FakeCounterpart Water)> StartAsync(params string[] args)
    {
        var water = await FakeCounterpart.StartAsync("keqiao-water");
        return (await GatewayHost.StartAsync([water], args), water);
    }

    private static async Task<(string CaseId, JsonObject Dispatch)> PushAndWaitAsync(GatewayHost host, string expectedStatus)
    {
        using var response = await host.PushZhejiangAsync(WaterOnly());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == expectedStatus);
        return (caseId, view["dispatches"]![0]!.AsObject());
    }

    [Fact]
    public async Task Transient_errors_are_retried_with_the_same_idempotency_key_and_fresh_signatures()
    {
        var (host, water) = await StartAsync();
        await using var _ = host;
        await using var __ = water;
        water.Script(new FakeAnswer(503, null), new FakeAnswer(429, null, RetryAfterSeconds: 0), new FakeAnswer(500, "{}"));

        var (_, dispatch) = await PushAndWaitAsync(host, "ACKNOWLEDGED");

        var received = water.Received;
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.Equal((string?)dispatch["dispatchId"], r.Header("Idempotency-Key")));
        Assert.Equal(4, received.Select(r => r.Header("X-Gw-Nonce")).Distinct().Count());
        Assert.Equal(received[^1].AnsweredOrderNo, (string?)dispatch["externalRef"]);
        Assert.Single(received.Select(r => r.BodyText).Distinct());
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried_and_lands_in_the_failed_store()
    {
        var (host, water) = await StartAsync();
        await using var _ = host;
        await using var __ = water;
        water.Script(new FakeAnswer(422, """{"error":"unknown project"}"""));

        var (caseId, dispatch) = await PushAndWaitAsync(host, "FAILED");

        Assert.Single(water.Received);
        Assert.Contains("HTTP 422", (string?)dispatch["lastError"]);
        Assert.Contains("unknown project", (string?)dispatch["lastError"]);
        var view = await host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("ACCEPTED", (string?)view["status"]);
        Assert.Contains(view["timeline"]!.AsArray(), t => (string?)t!["type"] == "DISPATCH_FAILED");
        var counterparts = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/admin/counterparts")
        {
            Headers = { Authorization = new("Bearer", GatewayHost.ViewerToken) },
        });
        var waterRow = JsonNode.Parse(await counterparts.Content.ReadAsStringAsync())!.AsArray().Single(c => (string?)c!["id"] == "keqiao-water")!;
        Assert.Equal(1, (int)waterRow["failed"]!);
        Assert.False((bool)waterRow["sandbox"]!);
        Assert.Equal(water.BaseUrl.ToString(), (string?)waterRow["baseUrl"]);
    }

    [Fact]
    public async Task Exhausted_retries_end_as_a_failure_with_the_last_error()
    {
        var (host, water) = await StartAsync("--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=3");
        await using var _ = host;
        await using var __ = water;
        water.Script(Enumerable.Repeat(new FakeAnswer(503, """{"busy":true}"""), 3).ToArray());

        var (_, dispatch) = await PushAndWaitAsync(host, "FAILED");

        Assert.Equal(3, water.Received.Count);
        Assert.Contains("HTTP 503", (string?)dispatch["lastError"]);
    }

    [Fact]
    public async Task A_409_with_an_order_number_means_already_received()
    {
        var (host, water) = await StartAsync();
        await using var _ = host;
        await using var __ = water;
        water.Script(new FakeAnswer(409, """{"orderNo":"WATER-EXISTING-7","acceptedAt":"2026-11-20T09:00:00+08:00"}"""));

        var (_, dispatch) = await PushAndWaitAsync(host, "ACKNOWLEDGED");

        Assert.Single(water.Received);
        Assert.Equal("WATER-EXISTING-7", (string?)dispatch["externalRef"]);
    }

    [Fact]
    public async Task An_unreachable_counterpart_is_a_transient_failure()
    {
        var water = await FakeCounterpart.StartAsync("keqiao-water");
        var deadUrl = water.BaseUrl;
        await water.DisposeAsync(); // nothing listens there any more
        await using var host = await GatewayHost.StartAsync([],
            $"--Gateway:Counterparts:keqiao-water:BaseUrl={deadUrl}",
            "--Gateway:Counterparts:keqiao-water:Secret=x",
            "--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=2");

        var (_, dispatch) = await PushAndWaitAsync(host, "FAILED");
        Assert.Equal(1, (int)dispatch["attempts"]!);
        Assert.NotNull((string?)dispatch["lastError"]);
    }
}
