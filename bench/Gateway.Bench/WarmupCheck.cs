namespace Gateway.Bench;

/// <summary>
/// Whether the warm-up had settled, by two measures of the gateway over the measured run:
/// <list type="bullet">
/// <item>its CPU per accepted case in the first and the second half: pool growth and tier-up make the first half dearer
/// (beyond <see cref="Tolerance"/>);</item>
/// <item>the time its JIT spent compiling during the run, as a share of its CPU (<c>GET /api/admin/runtime</c>): above
/// <see cref="MaxJitShare"/>, tier-up was still recompiling hot code, and the run measured warm-up, not steady state.</item>
/// </list>
/// A run failing either is not reported (use a longer <c>--warmup-seconds</c>).
/// </summary>
public sealed record WarmupCheck(double FirstHalfMsPerCase, double SecondHalfMsPerCase, double JitMs = 0, double JitShare = 0)
{
    public const double Tolerance = 1.2;

    /// <summary>JIT compile time allowed in the measured run, as a share of the gateway's CPU time in it.</summary>
    public const double MaxJitShare = 0.05;

    public bool HalvesAgree => SecondHalfMsPerCase <= 0 || FirstHalfMsPerCase <= SecondHalfMsPerCase * Tolerance;
    public bool JitDone => JitShare <= MaxJitShare;
    public bool Settled => HalvesAgree && JitDone;

    public static WarmupCheck Of(IReadOnlyList<PushRecord> first, IReadOnlyList<PushRecord> second,
        IReadOnlyDictionary<string, double> cpuAtMiddle, IReadOnlyDictionary<string, double> cpuAtEnd, double jitMs)
    {
        static double PerCase(double seconds, int cases) => cases > 0 ? Math.Round(seconds * 1000 / cases, 2) : 0;
        var middle = cpuAtMiddle.GetValueOrDefault("gateway");
        var end = cpuAtEnd.GetValueOrDefault("gateway");
        return new WarmupCheck(
            PerCase(middle, first.Count(r => r.Status == 201)),
            PerCase(end - middle, second.Count(r => r.Status == 201)),
            Math.Round(jitMs), end > 0 ? Math.Round(jitMs / (end * 1000), 3) : 0);
    }
}
