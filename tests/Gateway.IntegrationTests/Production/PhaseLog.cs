using System.Diagnostics;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Production;

/// <summary>Time stamps of a long test's phases in its output, so a slow run shows where the time went.</summary>
public sealed class PhaseLog(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Mark(string phase) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0}s  {phase}");
}
