using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Lifecycle;

/// <summary>
/// The embedded default does the whole job on its own: with the sandbox on, a pushed sample is acknowledged, decided,
/// built and connected by the simulated counterparts through the public agreement, and the case closes.
/// </summary>
public sealed class SandboxRunTests
{
    [Theory]
    [InlineData(150)] // commitment path: utilities build at once
    [InlineData(250)] // parallel approval: departments answer, the go-ahead follows
    public async Task A_sample_closes_with_the_sandbox_alone(int waterOuterWorkM)
    {
        await using var host = await GatewayHost.StartAsync([], "--Gateway:Sandbox:Enabled=true", "--Gateway:Sandbox:StepMilliseconds=20");
        var body = GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s =>
        {
            s["applyNo"] = "ZJS" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            s["outerWorks"]![0]!["lengthM"] = waterOuterWorkM;
        });
        using var pushed = await host.PushZhejiangAsync(body);
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;

        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["status"] == "CLOSED", TimeSpan.FromSeconds(60));
        var timeline = view["timeline"]!.AsArray();
        Assert.Contains(timeline, t => (string?)t!["type"] == "DISPATCH_PROGRESS" && ((string?)t["detail"])!.Contains("沙箱模拟", StringComparison.Ordinal));
        Assert.All(view["dispatches"]!.AsArray(), d => Assert.Equal("DONE", (string?)d!["status"]));
        var goAheads = view["dispatches"]!.AsArray().Count(d => d!["relatesTo"] is not null && (string?)d["kind"] == "WORK_ORDER");
        Assert.Equal(waterOuterWorkM < 200 ? 0 : 1, goAheads);
    }
}
