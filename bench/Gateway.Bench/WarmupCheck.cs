namespace Gateway.Bench;

/// <summary>
/// Whether the warm-up had settled: the gateway's CPU per accepted case in the first and the second half of the measured
/// run. JIT tier-up and pool growth make the first half dearer; beyond <see cref="Tolerance"/> the run measured warm-up,
/// not steady state, and the bench refuses to report it (use a longer <c>--warmup-seconds</c>).
/// </summary>
public sealed record WarmupCheck(double FirstHalfMsPerCase, double SecondHalfMsPerCase)
{
    public const double Tolerance = 1.2;

    public bool Settled => SecondHalfMsPerCase <= 0 || FirstHalfMsPerCase <= SecondHalfMsPerCase * Tolerance;

    public static WarmupCheck Of(IReadOnlyList<PushRecord> first, IReadOnlyList<PushRecord> second,
        IReadOnlyDictionary<string, double> cpuAtMiddle, IReadOnlyDictionary<string, double> cpuAtEnd)
    {
        static double PerCase(double seconds, int cases) => cases > 0 ? Math.Round(seconds * 1000 / cases, 2) : 0;
        var middle = cpuAtMiddle.GetValueOrDefault("gateway");
        return new WarmupCheck(
            PerCase(middle, first.Count(r => r.Status == 201)),
            PerCase(cpuAtEnd.GetValueOrDefault("gateway") - middle, second.Count(r => r.Status == 201)));
    }
}
