using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.Cli;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>
/// Recoverability (issue "Recoverability and operator replay"): retries that honour the counterpart, failures that
/// land in the failed-message store with every attempt, and operator replays that deliver each message exactly once.
/// </summary>
public sealed class FailedMessageReplayTests
{
    private static readonly JsonObject Sample = GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json");

    private static byte[] WaterOnly() => GatewayHost.Variant(Sample, s =>
    {
        s["applyNo"] = "ZJR" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    private static async Task<string> PushAsync(GatewayHost host)
    {
        using var response = await host.PushZhejiangAsync(WaterOnly());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;
    }

    private static async Task<JsonObject> DispatchOfAsync(GatewayHost host, string caseId, string status) =>
        (await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == status, TimeSpan.FromSeconds(20)))["dispatches"]![0]!.AsObject();

    [Fact]
    public async Task A_503_then_success_is_delivered_once_and_retry_after_is_honoured()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(new FakeAnswer(503, null, RetryAfterSeconds: 2));

        var caseId = await PushAsync(host);
        var dispatch = await DispatchOfAsync(host, caseId, "ACKNOWLEDGED");

        var received = water.Received;
        Assert.Equal(2, received.Count);
        Assert.Single(water.OrdersByIdempotencyKey);
        Assert.Equal(water.OrdersByIdempotencyKey[(string)dispatch["dispatchId"]!], (string?)dispatch["externalRef"]);
        // Base delay is 0.05 s in the harness: only Retry-After explains a 2 s pause.
        var pause = DateTimeOffset.Parse(received[1].Header("X-Gw-Date"), System.Globalization.CultureInfo.InvariantCulture)
                    - DateTimeOffset.Parse(received[0].Header("X-Gw-Date"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pause >= TimeSpan.FromSeconds(1), $"second try came {pause} after the first"); // X-Gw-Date has whole seconds
        Assert.True(received[1].ReceivedAt - received[0].ReceivedAt >= TimeSpan.FromSeconds(1.9),
            $"second try came {received[1].ReceivedAt - received[0].ReceivedAt} after the first; Retry-After was 2 s");
    }

    [Fact]
    public async Task A_400_is_not_retried_and_its_reason_names_status_and_body()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(new FakeAnswer(400, """{"error":"用水性质缺失"}"""));

        var caseId = await PushAsync(host);
        var dispatch = await DispatchOfAsync(host, caseId, "FAILED");

        Assert.Single(water.Received);
        var failed = await host.GetNodeAsync($"/api/admin/failed-messages/{dispatch["dispatchId"]}");
        Assert.Equal("HTTP_400", (string?)failed["reason"]);
        Assert.Contains("HTTP 400", (string?)failed["lastError"]);
        Assert.Contains("用水性质缺失", (string?)failed["lastError"]);
        Assert.Single(failed["attempts"]!.AsArray()); // the detail view carries the attempts themselves
        Assert.Equal("PENDING", (string?)failed["status"]);
        Assert.Equal((string?)dispatch["dispatchId"], (string?)failed["headers"]!["Idempotency-Key"]);
        Assert.Equal("WATER", (string?)failed["body"]!["service"]);
    }

    [Fact]
    public async Task A_counterpart_down_for_the_whole_budget_is_listed_grouped_and_replayed_once_by_the_cli()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water],
            "--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=3",
            "--Gateway:CounterpartDefaults:CircuitBreaker:BreakSeconds=1");
        water.Down = true;

        var cases = new List<string>();
        for (var i = 0; i < 5; i++) cases.Add(await PushAsync(host));
        var dispatchIds = new List<string>();
        foreach (var caseId in cases) dispatchIds.Add((string)(await DispatchOfAsync(host, caseId, "FAILED"))["dispatchId"]!);

        var list = await host.GetNodeAsync("/api/admin/failed-messages?counterpartId=keqiao-water&status=PENDING");
        Assert.Equal(5, (int)list["total"]!);
        var triesThatReachedTheErp = 0;
        foreach (var id in dispatchIds)
        {
            var detail = await host.GetNodeAsync($"/api/admin/failed-messages/{id}");
            var attempts = detail["attempts"]!.AsArray().Select(a => (string)a!["error"]!).ToList();
            // Three tries each, every one recorded: the ERP's 503, or the open circuit that stood in for it once the
            // ERP had failed often enough.
            Assert.Equal(3, attempts.Count);
            Assert.All(attempts, e => Assert.True(e.StartsWith("HTTP 503", StringComparison.Ordinal) || e.StartsWith("circuit open", StringComparison.Ordinal), e));
            triesThatReachedTheErp += attempts.Count(e => e.StartsWith("HTTP 503", StringComparison.Ordinal));
        }
        Assert.Equal(water.Received.Count, triesThatReachedTheErp);
        var groups = (await host.GetNodeAsync("/api/admin/failed-messages/groups")).AsArray();
        // Grouped by counterpart + reason: the ERP's 5xx, and (depending on timing) the open circuit that stood in for it.
        Assert.All(groups, g => Assert.Equal("keqiao-water", (string?)g!["counterpartId"]));
        Assert.All(groups, g => Assert.Contains((string?)g!["reason"], new[] { "HTTP_5XX", "CIRCUIT_OPEN" }));
        Assert.Equal(5, groups.Sum(g => (int)g!["count"]!));
        Assert.Equal(groups.Count, groups.Select(g => (string?)g!["groupId"]).Distinct().Count());

        water.Down = false;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the circuit half-open again
        var exit = await GatewayCli.RunAsync(["failed", "replay", "--counterpart", "keqiao-water",
            "--url", host.BaseUrl.ToString(), "--token", GatewayHost.OperatorToken]);
        Assert.Equal(0, exit);

        foreach (var caseId in cases) await DispatchOfAsync(host, caseId, "ACKNOWLEDGED");
        Assert.Equal(dispatchIds.Order(), water.OrdersByIdempotencyKey.Keys.Order());
        var replayed = await host.GetNodeAsync("/api/admin/failed-messages?status=REPLAYED");
        Assert.Equal(5, (int)replayed["total"]!);
        Assert.All(replayed["items"]!.AsArray(), m => Assert.Equal("test-operator", (string?)m!["replayedBy"]));

        var requestsBefore = water.Received.Count;
        Assert.Equal(0, await GatewayCli.RunAsync(["failed", "replay", "--counterpart", "keqiao-water",
            "--url", host.BaseUrl.ToString(), "--token", GatewayHost.OperatorToken]));
        var second = await host.PostJsonAsync("/api/admin/failed-messages/replay", new JsonObject { ["counterpartId"] = "keqiao-water" });
        Assert.Equal(0, (int)second["queued"]!);
        await Task.Delay(300);
        Assert.Equal(requestsBefore, water.Received.Count);
    }

    [Fact]
    public async Task A_bulk_replay_interrupted_by_a_restart_completes_with_each_message_delivered_once()
    {
        const int count = 200;
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water],
            // Three quick tries: after the outage the circuit half-opens and lets one probe through while it rejects
            // the sends beside it; a retry moments later finds it closed (as the default budget of 5 would).
            "--Gateway:Counterparts:keqiao-water:Retry:MaxAttempts=3",
            "--Gateway:Dispatch:LeaseSeconds=3",
            "--Gateway:CounterpartDefaults:CircuitBreaker:BreakSeconds=1");
        water.Down = true;

        var cases = new List<string>();
        for (var i = 0; i < count; i++) cases.Add(await PushAsync(host));
        await WaitAsync(async () => (int)(await host.GetNodeAsync("/api/admin/failed-messages?status=PENDING&pageSize=1"))["total"]! == count,
            TimeSpan.FromSeconds(60), () => "all pushes failed");

        water.Down = false;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the 200 failures opened the circuit: let it half-open again
        var queued = await host.PostJsonAsync("/api/admin/failed-messages/replay", new JsonObject { ["counterpartId"] = "keqiao-water" });
        Assert.Equal(count, (int)queued["queued"]!);
        await host.RestartAsync(); // half-way: some sent, most still in the outbox

        var replayed = 0;
        await WaitAsync(async () => (replayed = (int)(await host.GetNodeAsync("/api/admin/failed-messages?status=REPLAYED&pageSize=1"))["total"]!) == count,
            TimeSpan.FromSeconds(60), () => $"every replay acknowledged ({replayed} of {count} so far)");
        foreach (var caseId in cases.Take(10)) await DispatchOfAsync(host, caseId, "ACKNOWLEDGED");
        Assert.Equal(count, water.OrdersByIdempotencyKey.Count);
        var createdPerKey = water.Received.Where(r => r.Answer.Status == 201).GroupBy(r => r.Header("Idempotency-Key"));
        Assert.All(createdPerKey, g => Assert.Single(g));
    }

    [Fact]
    public async Task Discard_needs_the_operator_role_and_a_reason_and_is_final()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(new FakeAnswer(400, """{"error":"地址不在供水范围"}"""));
        var caseId = await PushAsync(host);
        var id = (string)(await DispatchOfAsync(host, caseId, "FAILED"))["dispatchId"]!;
        var path = $"/api/admin/failed-messages/{id}";

        // A viewer may look but not act.
        foreach (var action in new[] { "/replay", "/discard" })
        {
            using var refused = await PostAsync(host, path + action, """{"reason":"重复申请"}""", GatewayHost.ViewerToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        // No reason, no discard.
        foreach (var body in new[] { "{}", """{"reason":"  "}""", "not json" })
        {
            using var noReason = await PostAsync(host, path + "/discard", body, GatewayHost.OperatorToken);
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            var error = Assert.Single((await GatewayHost.ReadJsonAsync(noReason))["errors"]!.AsArray())!;
            Assert.Equal("reason", (string?)error["field"]);
            Assert.Equal("REQUIRED", (string?)error["code"]);
        }
        Assert.Equal("PENDING", (string?)(await host.GetNodeAsync(path))["status"]);

        Assert.Equal(0, await GatewayCli.RunAsync(["failed", "discard", id, "--reason", "申请人已撤回",
            "--url", host.BaseUrl.ToString(), "--token", GatewayHost.OperatorToken]));
        var discarded = await host.GetNodeAsync(path);
        Assert.Equal("DISCARDED", (string?)discarded["status"]);
        Assert.Equal("test-operator", (string?)discarded["discardedBy"]);
        Assert.Equal("申请人已撤回", (string?)discarded["discardReason"]);
        Assert.NotNull(discarded["discardedAt"]);
        var timeline = (await host.GetJsonAsync($"/api/cases/{caseId}"))["timeline"]!.AsArray();
        var entry = Assert.Single(timeline, t => (string?)t!["type"] == "DISPATCH_DISCARDED")!;
        Assert.Equal("operator:test-operator", (string?)entry["actor"]);

        // Final: neither replayed nor discarded again, and the ERP hears nothing more.
        using var replay = await PostAsync(host, path + "/replay", "{}", GatewayHost.OperatorToken);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("NOT_REPLAYABLE", (string?)(await GatewayHost.ReadJsonAsync(replay))["code"]);
        Assert.NotEqual(0, await GatewayCli.RunAsync(["failed", "discard", id, "--reason", "再次丢弃",
            "--url", host.BaseUrl.ToString(), "--token", GatewayHost.OperatorToken]));
        var bulk = await host.PostJsonAsync("/api/admin/failed-messages/replay", new JsonObject { ["counterpartId"] = "keqiao-water" });
        Assert.Equal(0, (int)bulk["queued"]!);
        await Task.Delay(300);
        Assert.Single(water.Received);
    }

    private static Task<HttpResponseMessage> PostAsync(GatewayHost host, string path, string body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return host.Http.SendAsync(request);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"timed out after {timeout} waiting for: {what()}");
    }
}
