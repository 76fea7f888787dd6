using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// Outbound calls (work orders to counterparts, progress callbacks to portals) follow no redirect — a 307 must not
/// re-post the signed work order and its personal data wherever it points — and read an answer's body bounded.
/// </summary>
public sealed class OutboundLimitsTests
{
    private static byte[] WaterOnly() => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json"), s =>
    {
        s["applyNo"] = "ZJO" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    private static async Task<string> PushAsync(GatewayHost host)
    {
        using var pushed = await host.PushZhejiangAsync(WaterOnly());
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        return (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_counterpart_redirect_is_a_failure_and_the_work_order_goes_nowhere_else(int status)
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var elsewhere = await FakeCounterpart.StartAsync("elsewhere");
        await using var host = await GatewayHost.StartAsync([water]);
        water.Script(new FakeAnswer(status, null) { Location = new Uri(elsewhere.BaseUrl, "steal/work-orders").ToString() });

        var caseId = await PushAsync(host);
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == "FAILED");
        Assert.Empty(elsewhere.Received);
        Assert.Single(water.Received); // a redirect is not transient: no retry either
        Assert.Contains($"HTTP {status}", (string?)view["dispatches"]![0]!["lastError"]);
    }

    [Fact]
    public async Task A_portal_callback_redirect_is_not_followed()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var portal = await FakeCounterpart.StartAsync("zhejiang-portal");
        await using var elsewhere = await FakeCounterpart.StartAsync("elsewhere");
        portal.Script(Enumerable.Range(0, 10).Select(_ => new FakeAnswer(307, null) { Location = new Uri(elsewhere.BaseUrl, "steal").ToString() }).ToArray());
        await using var host = await GatewayHost.StartAsync([water],
            $"--Gateway:Portals:zhejiang:CallbackUrl={portal.BaseUrl}portal/callbacks", "--Gateway:Portals:zhejiang:Secret=test-callback-secret");

        await PushAsync(host);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (portal.Received.Count < 2 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        Assert.NotEmpty(portal.Received);
        await Task.Delay(300);
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task An_oversized_answer_is_read_bounded_and_its_snippet_stays_short()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        // 4 MiB error bodies, then an ordinary acknowledgement: the dispatch gets through, the attempt log stays short.
        water.Script(new FakeAnswer(503, null) { BodyBytes = 4 * 1024 * 1024 }, new FakeAnswer(400, null) { BodyBytes = 4 * 1024 * 1024 });

        var caseId = await PushAsync(host);
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == "FAILED");
        var failed = (await host.GetJsonAsync("/api/admin/failed-messages"))["items"]!.AsArray();
        var shown = await host.GetJsonAsync($"/api/admin/failed-messages/{(string)Assert.Single(failed)!["id"]!}");
        Assert.True(((string)shown["lastError"]!).Length < 1000);
        Assert.All(shown["attempts"]!.AsArray(), a => Assert.True(((string)a!["error"]!).Length < 1000));
        Assert.Contains("HTTP 400", (string?)view["dispatches"]![0]!["lastError"]);
    }
}
