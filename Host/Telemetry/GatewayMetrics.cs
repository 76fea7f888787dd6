using System.Diagnostics.Metrics;

namespace Gateway.Host.Telemetry;

/// <summary>The gateway's meters (System.Diagnostics.Metrics, meter <c>Hookup.Gateway</c>; exportable over OTLP).</summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Hookup.Gateway";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dispatchOutcomes;
    private readonly Histogram<double> _dispatchLatency;
    private readonly Counter<long> _deadlinesMissed;

    public GatewayMetrics()
    {
        _accepted = _meter.CreateCounter<long>("gateway.cases.accepted", description: "Applications accepted, per portal and region");
        _rejected = _meter.CreateCounter<long>("gateway.cases.rejected", description: "Applications rejected, per portal and reason");
        _dispatchOutcomes = _meter.CreateCounter<long>("gateway.dispatch.outcomes", description: "Dispatch outcomes per counterpart");
        _dispatchLatency = _meter.CreateHistogram<double>("gateway.dispatch.latency", unit: "ms", description: "Send to acknowledgement, per counterpart");
        _deadlinesMissed = _meter.CreateCounter<long>("gateway.dispatch.overdue", description: "Dispatches that missed their deadline, per counterpart");
    }

    public void CaseAccepted(string portal, string region) =>
        _accepted.Add(1, new("portal", portal), new("region", region));

    public void CaseRejected(string portal, string code) =>
        _rejected.Add(1, new("portal", portal), new("code", code));

    public void DispatchFinished(string counterpartId, string outcome, TimeSpan latency)
    {
        _dispatchOutcomes.Add(1, new("counterpart", counterpartId), new("outcome", outcome));
        _dispatchLatency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("counterpart", counterpartId));
    }

    public void DeadlineMissed(string counterpartId) => _deadlinesMissed.Add(1, new KeyValuePair<string, object?>("counterpart", counterpartId));

    public void Dispose() => _meter.Dispose();
}
