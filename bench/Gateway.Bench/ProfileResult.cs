namespace Gateway.Bench;

/// <summary>Everything one profile's run measured; written as bench/results/&lt;date&gt;-&lt;profile&gt;.json.</summary>
public sealed record ProfileResult
{
    public required string Profile { get; init; }
    public required string Mode { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required MachineInfo Machine { get; init; }
    public required string Command { get; init; }
    public required IReadOnlyList<string> GatewayArgs { get; init; }
    public required int Pushed { get; init; }
    public required int Accepted { get; init; }
    public required int CasesCompleted { get; init; }
    public required int CasesDispatchedInStore { get; init; }
    public required int WorkOrders { get; init; }
    public required int Errors { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public required Dictionary<string, int> AcceptedPerPortal { get; init; }
    public required double PushSeconds { get; init; }
    public required double EndToEndSeconds { get; init; }
    public required double IntakePerSecond { get; init; }
    public required double CasesPerSecond { get; init; }
    public required double WorkOrdersPerSecond { get; init; }
    public required LatencySummary IntakeMs { get; init; }
    public required LatencySummary ReceiptToAllAcknowledgedMs { get; init; }
    public required Dictionary<string, double> CpuSeconds { get; init; }
    public required IReadOnlyList<BaselineResult> Baselines { get; init; }
    /// <summary>CPU per case of the two halves of the measured run; a run whose first half cost clearly more is not reported.</summary>
    public WarmupCheck? Warmup { get; init; }
    /// <summary>The gateway's garbage collections and GC pause over the measured run (push start to the last acknowledgement).</summary>
    public GcDuringRun? Gc { get; init; }
    /// <summary>Statements and commits the gateway's database executed in the measured window (prod only).</summary>
    public StatementCounts? Statements { get; init; }
    /// <summary>Finished cases in the store before the run (<c>--prefill</c>).</summary>
    public int Prefilled { get; init; }

    /// <summary>CPU milliseconds per completed case of one process (gateway, postgres, rabbitmq, driver+fake-erps).</summary>
    public double CpuMsPerCase(string process) =>
        CasesCompleted > 0 ? Math.Round(CpuSeconds.GetValueOrDefault(process) * 1000 / CasesCompleted, 2) : 0;
}
