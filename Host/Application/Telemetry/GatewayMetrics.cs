using System.Diagnostics.Metrics;

using Gateway.Application.Store;

namespace Gateway.Application.Telemetry;

/// <summary>
/// The gateway's meters (System.Diagnostics.Metrics, meter <c>Hookup.Gateway</c>; exported over OTLP when
/// <c>Gateway:Otlp:Endpoint</c> is set). Counters and histograms are recorded where things happen; the gauges read the
/// store counts that <see cref="StoreGaugeSampler"/> refreshes.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Hookup.Gateway";

    /// <summary>Every instrument by name, so tests and dashboards can check that each one reports.</summary>
    public static readonly IReadOnlyList<string> InstrumentNames =
    [
        "gateway.cases.accepted", "gateway.cases.rejected", "gateway.dispatch.outcomes", "gateway.dispatch.latency",
        "gateway.dispatch.retries", "gateway.dispatch.overdue", "gateway.failed_messages.pending", "gateway.dispatches.overdue_open",
        "gateway.outbox.backlog", "gateway.due_times.provisional",
    ];

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dispatchOutcomes;
    private readonly Histogram<double> _dispatchLatency;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadlinesMissed;
    private Store.StoreGauges _gauges = new(0, 0, 0);
    private long _provisionalDueTimes;

    /// <summary>Open due times computed past the last calendar (weekdays only), as of the last sweep: an operator alert.</summary>
    public long ProvisionalDueTimes => Interlocked.Read(ref _provisionalDueTimes);

    /// <summary>This instance's meter (each host has its own; listeners tell them apart by instance).</summary>
    public Meter Meter => _meter;

    public GatewayMetrics()
    {
        _accepted = _meter.CreateCounter<long>("gateway.cases.accepted", description: "Applications accepted, per portal and region");
        _rejected = _meter.CreateCounter<long>("gateway.cases.rejected", description: "Applications rejected, per portal and reason");
        _dispatchOutcomes = _meter.CreateCounter<long>("gateway.dispatch.outcomes", description: "Dispatch outcomes per counterpart");
        _dispatchLatency = _meter.CreateHistogram<double>("gateway.dispatch.latency", unit: "ms", description: "Send to acknowledgement, per counterpart");
        _retries = _meter.CreateCounter<long>("gateway.dispatch.retries", description: "HTTP attempts beyond the first, per counterpart");
        _deadlinesMissed = _meter.CreateCounter<long>("gateway.dispatch.overdue", description: "Dispatches that missed their deadline, per counterpart");
        _meter.CreateObservableGauge("gateway.failed_messages.pending", () => _gauges.FailedPending, description: "Failed messages waiting for an operator");
        _meter.CreateObservableGauge("gateway.dispatches.overdue_open", () => _gauges.OverdueOpen, description: "Open dispatches past their due time");
        _meter.CreateObservableGauge("gateway.outbox.backlog", () => _gauges.OutboxBacklog, description: "Committed messages not yet published");
        _meter.CreateObservableGauge("gateway.due_times.provisional", () => ProvisionalDueTimes,
            description: "Open due times past the last working-day calendar (provisional until the next year's calendar is added)");
    }

    public void CaseAccepted(string portal, string region) =>
        _accepted.Add(1, new("portal", portal), new("region", region));

    public void CaseRejected(string portal, string code) =>
        _rejected.Add(1, new("portal", portal), new("code", code));

    public void DispatchFinished(string counterpartId, string outcome, TimeSpan latency, int attempts = 1)
    {
        _dispatchOutcomes.Add(1, new("counterpart", counterpartId), new("outcome", outcome));
        _dispatchLatency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("counterpart", counterpartId));
        if (attempts > 1) _retries.Add(attempts - 1, new KeyValuePair<string, object?>("counterpart", counterpartId));
    }

    public void DeadlineMissed(string counterpartId) => _deadlinesMissed.Add(1, new KeyValuePair<string, object?>("counterpart", counterpartId));

    /// <summary>The latest store counts for the gauges.</summary>
    public void UpdateGauges(Store.StoreGauges gauges) => _gauges = gauges;

    public void UpdateProvisionalDueTimes(long count) => Interlocked.Exchange(ref _provisionalDueTimes, count);

    public void Dispose() => _meter.Dispose();
}
