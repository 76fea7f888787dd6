using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Gateway.Application.Telemetry;
using Gateway.Host.Telemetry;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Telemetry;

/// <summary>
/// One application is one trace: the portal's request, the intake, the store commit, the outbox publish, the bus
/// send and consume, and every counterpart call share its trace id, and each counterpart sees it in <c>traceparent</c>.
/// </summary>
public sealed class TraceTests
{
    [Theory]
    [InlineData("embedded")]
    [InlineData("production")] // the trace crosses RabbitMQ in message headers
    public async Task One_application_is_one_trace_from_the_portal_request_to_every_counterpart_call(string profile)
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => GatewayTracing.TraceSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        string[] deployment = profile == "production" ? await ProductionInfrastructure.NewDeploymentArgsAsync() : [];
        var fakes = new List<FakeCounterpart>();
        foreach (var id in KeqiaoGateway.Utilities) fakes.Add(await FakeCounterpart.StartAsync(id));
        try
        {
            await using var host = await GatewayHost.StartAsync(fakes, deployment);
            var applyNo = "ZJT" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
            using var pushed = await host.PushZhejiangAsync(GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s => s["applyNo"] = applyNo));
            Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
            var caseId = (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;
            var view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().All(d => (string?)d!["status"] == "ACKNOWLEDGED"));
            var dispatchCount = view["dispatches"]!.AsArray().Count;
            Assert.True(dispatchCount >= 2, $"expected several dispatches, got {dispatchCount}");

            var intake = Assert.Single(spans, s => s.OperationName == "gateway.intake" && (string?)s.GetTagItem("gateway.case_id") == caseId);
            var traceId = intake.TraceId;
            List<Activity> trace = [];
            // Spans end a moment after the state they produce is visible; wait for the last counterpart spans.
            for (var i = 0; i < 100; i++)
            {
                trace = spans.Where(s => s.TraceId == traceId).ToList();
                if (trace.Count(s => s.OperationName == "gateway.dispatch.send") >= dispatchCount) break;
                await Task.Delay(50);
            }

            string Describe() => string.Join("\n", trace.Select(s => $"{s.Source.Name} {s.Kind} {s.OperationName} {s.DisplayName}"));
            Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
            Assert.Contains(trace, s => s.OperationName == "gateway.store.insert_case");
            Assert.Equal(dispatchCount, trace.Count(s => s.OperationName == "gateway.outbox.publish"));
            Assert.True(trace.Count(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer) >= dispatchCount, "bus send spans:\n" + Describe());
            Assert.True(trace.Count(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer) >= dispatchCount, "bus consume spans:\n" + Describe());
            Assert.Equal(dispatchCount, trace.Count(s => s.OperationName == "gateway.dispatch.send"));
            var erpPorts = fakes.Select(f => f.BaseUrl.Port).ToHashSet();
            var counterpartCalls = trace.Where(s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client
                && s.GetTagItem("server.port") is int port && erpPorts.Contains(port)).ToList();
            Assert.True(counterpartCalls.Count >= dispatchCount, "counterpart HTTP spans:\n" + Describe());

            // Every counterpart saw the same trace id in traceparent (W3C: 00-<trace id>-<span id>-<flags>).
            var calls = fakes.SelectMany(f => f.Received).Where(r => r.Header("X-Correlation-Id") == caseId).ToList();
            Assert.Equal(dispatchCount, calls.Count);
            Assert.All(calls, r => Assert.StartsWith($"00-{traceId}-", r.Header("traceparent")));
        }
        finally
        {
            foreach (var fake in fakes) await fake.DisposeAsync();
        }
    }
}
