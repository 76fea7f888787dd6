using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.Application.Telemetry;
using Gateway.Host.Telemetry;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Telemetry;

/// <summary>
/// After an end-to-end run that accepts, rejects, retries, fails and misses a deadline, every instrument of the
/// gateway's meter has reported, with the values the run implies.
/// </summary>
public sealed class MeterTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static byte[] WaterOnly() => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json"), s =>
    {
        s["applyNo"] = "ZJM" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
    });

    [Fact]
    public async Task Every_named_instrument_reports_after_an_end_to_end_run()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing)); // Tuesday; Keqiao water due Wednesday 17:30
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            "--Gateway:Deadlines:SweepMilliseconds=100", "--Gateway:Telemetry:GaugeSeconds=0.1", "--Gateway:CounterpartDefaults:Retry:MaxAttempts=3");
        var meter = host.Services.GetRequiredService<GatewayMetrics>().Meter;

        var measured = new ConcurrentDictionary<string, ConcurrentQueue<(double Value, Dictionary<string, object?> Tags)>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument); },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measured.GetOrAdd(instrument.Name, _ => new()).Enqueue((value, new Dictionary<string, object?>(tags.ToArray())));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        // Accepted and acknowledged.
        using var first = await host.PushZhejiangAsync(WaterOnly(), at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var acknowledged = (string)(await GatewayHost.ReadJsonAsync(first))["caseId"]!;
        await host.WaitForCaseAsync(acknowledged, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");

        // Rejected: not a valid application.
        using var rejected = await host.PushZhejiangAsync(GatewayHost.Utf8("""{"applyNo":"ZJBAD"}"""), at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);

        // Retried, then failed: the ERP answers 503 to all three attempts.
        water.Script(new FakeAnswer(503, """{"error":"busy"}"""), new FakeAnswer(503, """{"error":"busy"}"""), new FakeAnswer(503, """{"error":"busy"}"""));
        using var second = await host.PushZhejiangAsync(WaterOnly(), at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var failed = (string)(await GatewayHost.ReadJsonAsync(second))["caseId"]!;
        await host.WaitForCaseAsync(failed, v => (string?)v["dispatches"]![0]!["status"] == "FAILED");

        // Past the due time: the acknowledged dispatch (still open) is overdue.
        clock.Set(new DateTimeOffset(2026, 11, 25, 18, 0, 0, Beijing));
        await host.WaitForCaseAsync(acknowledged, v => (bool?)v["dispatches"]![0]!["overdue"] == true);

        double Sum(string name, string? tag = null, string? value = null) =>
            measured.TryGetValue(name, out var q) ? q.Where(m => tag is null || Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value) : 0;
        double Latest(string name) => measured.TryGetValue(name, out var q) && !q.IsEmpty ? q.Last().Value : -1;

        // Gauges report when collected; wait for the sampler to have seen the failure and the miss.
        for (var i = 0; i < 100 && (Latest("gateway.failed_messages.pending") < 1 || Latest("gateway.dispatches.overdue_open") < 1); i++)
        {
            listener.RecordObservableInstruments();
            await Task.Delay(50);
        }

        Assert.All(GatewayMetrics.InstrumentNames, name => Assert.True(measured.ContainsKey(name), $"{name} never reported"));
        Assert.Equal(2, Sum("gateway.cases.accepted", "portal", "zhejiang"));
        Assert.Equal(1, Sum("gateway.cases.rejected", "portal", "zhejiang"));
        Assert.Equal(1, Sum("gateway.dispatch.outcomes", "outcome", "Acknowledged"));
        Assert.Equal(1, Sum("gateway.dispatch.outcomes", "counterpart", "keqiao-water") - Sum("gateway.dispatch.outcomes", "outcome", "Acknowledged"));
        Assert.Equal(2, measured["gateway.dispatch.latency"].Count);
        Assert.Equal(2, Sum("gateway.dispatch.retries", "counterpart", "keqiao-water"));
        Assert.True(Sum("gateway.dispatch.overdue", "counterpart", "keqiao-water") >= 1);
        Assert.Equal(1, Latest("gateway.failed_messages.pending"));
        Assert.True(Latest("gateway.dispatches.overdue_open") >= 1);
        Assert.True(Latest("gateway.outbox.backlog") >= 0);
    }
}
