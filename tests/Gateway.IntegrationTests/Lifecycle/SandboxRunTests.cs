using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    /// <summary>The sandbox utilities confirm a booking, so the run command shows it settled and the connection clocks started from it.</summary>
    [Fact]
    public async Task The_sandbox_confirms_a_booking_and_the_connection_clocks_run_from_it()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 11, 23, 9, 40, 0, TimeSpan.FromHours(8))); // Monday
        await using var host = await GatewayHost.StartAsync([], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            "--Gateway:Sandbox:Enabled=true", "--Gateway:Sandbox:StepMilliseconds=300");
        var body = GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"),
            s => s["applyNo"] = "ZJS" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant());
        using var pushed = await host.PushZhejiangAsync(body);
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;
        var booking = new JsonObject { ["applyNo"] = JsonNode.Parse(body)!["applyNo"]!.DeepClone(), ["date"] = "2026-12-03", ["slot"] = "09:00-12:00" };
        using var booked = await host.PushAsync("/api/portals/zhejiang/bookings", GatewayHost.Utf8(booking.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["status"] == "CLOSED", TimeSpan.FromSeconds(60));
        Assert.Equal("SETTLED", (string?)view["booking"]!["status"]);
        Assert.All(view["booking"]!["answers"]!.AsArray(), a => Assert.Equal("CONFIRMED", (string?)a!["answer"]));
        Assert.All(view["dispatches"]!.AsArray(), d => Assert.Equal("DONE", (string?)d!["status"]));
        // Keqiao: 3 wd after Thursday 2026-12-03 09:00 → Tuesday 2026-12-08 17:30, whichever came first, the booking or the completion request.
        var connection = view["clocks"]!.AsArray().Where(c => (string?)c!["step"] == "CONNECTION").ToList();
        Assert.NotEmpty(connection);
        Assert.All(connection, c => Assert.Equal(new DateTimeOffset(2026, 12, 8, 17, 30, 0, TimeSpan.FromHours(8)),
            DateTimeOffset.Parse((string)c!["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
