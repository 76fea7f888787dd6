namespace Gateway.Bench;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new LatencySummary(0, 0, 0, 0, 0);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Round(At(0.50)), Round(At(0.90)), Round(At(0.99)), Round(sorted[^1]));
    }

    private static double Round(double v) => Math.Round(v, 1);
}
