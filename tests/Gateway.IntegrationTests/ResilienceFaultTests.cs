using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>
/// The real resilience pipeline (Microsoft.Extensions.Http.Resilience, per-counterpart options) against WireMock's
/// fault injection: a try slower than the per-try timeout, a connection reset, a malformed body and a malformed
/// chunk (WireMock's MALFORMED_RESPONSE_CHUNK: a status line, then random bytes). 503 with Retry-After:
/// FailedMessageReplayTests. Every failed try is in the failed message's attempts.
/// </summary>
public sealed class ResilienceFaultTests
{
    private static readonly JsonObject Sample = GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json");
    private const string Ack = """{"orderNo":"TOO-LATE-1","acceptedAt":"2026-11-23T10:00:00+08:00"}""";

    private static byte[] WaterOnly() => GatewayHost.Variant(Sample, s =>
    {
        s["applyNo"] = "ZJW" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    private static async Task<JsonObject> PushAndWaitAsync(GatewayHost host, string expectedStatus)
    {
        using var response = await host.PushZhejiangAsync(WaterOnly());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == expectedStatus, TimeSpan.FromSeconds(30));
        return view["dispatches"]![0]!.AsObject();
    }

    private static async Task<List<string>> AttemptErrorsAsync(GatewayHost host, JsonObject dispatch) =>
        (await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}"))["attempts"]!.AsArray()
            .Select(a => (string)a!["error"]!).ToList();

    [Fact]
    public async Task A_try_slower_than_the_per_try_timeout_is_abandoned_and_the_next_try_delivers()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water], "--Gateway:Counterparts:keqiao-water:TimeoutSeconds=0.5");
        water.Script(new FakeAnswer(201, Ack) { Delay = TimeSpan.FromSeconds(3) });

        var dispatch = await PushAndWaitAsync(host, "ACKNOWLEDGED");

        // The slow answer never counted: the order is the one the second try created.
        Assert.Equal(water.OrdersByIdempotencyKey[(string)dispatch["dispatchId"]!], (string?)dispatch["externalRef"]);
        Assert.NotEqual("TOO-LATE-1", (string?)dispatch["externalRef"]);
    }

    [Fact]
    public async Task Tries_that_all_time_out_fail_with_every_timeout_in_the_attempts()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water],
            "--Gateway:Counterparts:keqiao-water:TimeoutSeconds=0.5", "--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=2");
        water.Script(new FakeAnswer(201, Ack) { Delay = TimeSpan.FromSeconds(3) }, new FakeAnswer(201, Ack) { Delay = TimeSpan.FromSeconds(3) });

        var dispatch = await PushAndWaitAsync(host, "FAILED");

        var failed = await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}");
        Assert.Equal("TIMEOUT", (string?)failed["reason"]);
        Assert.Equal(["timed out after 0.5 s", "timed out after 0.5 s"], await AttemptErrorsAsync(host, dispatch));
    }

    [Fact]
    public async Task A_connection_reset_is_retried_and_the_next_try_delivers()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(FakeAnswer.Reset());

        var dispatch = await PushAndWaitAsync(host, "ACKNOWLEDGED");

        Assert.Equal(2, water.Received.Count);
        Assert.Equal(water.OrdersByIdempotencyKey[(string)dispatch["dispatchId"]!], (string?)dispatch["externalRef"]);
    }

    [Fact]
    public async Task Resets_on_every_try_fail_as_a_connection_error_with_each_try_recorded()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water], "--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=2");
        water.Script(FakeAnswer.Reset(), FakeAnswer.Reset());

        var dispatch = await PushAndWaitAsync(host, "FAILED");

        var failed = await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}");
        Assert.Equal("CONNECTION", (string?)failed["reason"]);
        var attempts = await AttemptErrorsAsync(host, dispatch);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.StartsWith("HttpRequestException", a));
    }

    [Fact]
    public async Task A_2xx_with_garbage_for_a_body_is_a_permanent_failure_sent_once()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(FakeAnswer.MalformedChunk(201));

        var dispatch = await PushAndWaitAsync(host, "FAILED");

        // The ERP said "created" without saying what: not retried blindly; an operator replay (same Idempotency-Key)
        // gets the order number from the ERP's 409.
        Assert.Single(water.Received);
        var failed = await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}");
        Assert.Equal("HTTP_201", (string?)failed["reason"]);
        Assert.Contains("no orderNo in the answer", (string?)failed["lastError"]);
    }

    [Fact]
    public async Task A_2xx_whose_body_is_not_an_acknowledgement_is_a_permanent_failure_sent_once()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(new FakeAnswer(201, """{"orderNo": """));

        var dispatch = await PushAndWaitAsync(host, "FAILED");

        Assert.Single(water.Received);
        var failed = await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}");
        Assert.Equal("HTTP_201", (string?)failed["reason"]);
        Assert.Contains("no orderNo in the answer", (string?)failed["lastError"]);
    }
}
