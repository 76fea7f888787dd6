using System.Diagnostics;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Time stamps of a long test's phases in its output, so a slow run shows where the time went. With a
/// <paramref name="test"/> name they also go to the run's report (GATEWAY_TEST_REPORT, which ./test.sh prints after the
/// run): the console logger shows no output of passing tests, and the failure tests' figures belong in the run's output.
/// </summary>
public sealed class PhaseLog(ITestOutputHelper output, string? test = null)
{
    private static readonly Lock ReportLock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Mark(string phase)
    {
        var line = $"{_clock.Elapsed.TotalSeconds,6:0.0}s  {phase}";
        output.WriteLine(line);
        if (test is null || Environment.GetEnvironmentVariable("GATEWAY_TEST_REPORT") is not { Length: > 0 } report) return;
        lock (ReportLock) File.AppendAllText(report, $"{test}: {line}{Environment.NewLine}");
    }
}
