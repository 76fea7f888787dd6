using System.Diagnostics;
using System.Net;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// Polls every instance's <c>/health/ready</c> while a test breaks something, and keeps what an operator's monitor would
/// have seen: how often and for how long an instance said it was not ready, and what it said.
/// </summary>
public sealed class ReadinessWatch : IAsyncDisposable
{
    // Well inside the two seconds an instance stays not-ready after the store's last failure.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock;
    private readonly Lock _lock = new();
    private int _notReady;
    private TimeSpan? _lastNotReady;
    private string? _sample;

    private ReadinessWatch(Func<IReadOnlyList<GatewayProcess>> instances, Stopwatch clock)
    {
        _clock = clock;
        _loop = Task.Run(() => RunAsync(instances));
    }

    /// <param name="clock">The test's clock, so the times it reports line up with the test's own.</param>
    public static ReadinessWatch Start(Func<IReadOnlyList<GatewayProcess>> instances, Stopwatch clock) => new(instances, clock);

    public int NotReadyAnswers { get { lock (_lock) return _notReady; } }
    /// <summary>When (on the test's clock) an instance last said it was not ready.</summary>
    public TimeSpan? LastNotReady { get { lock (_lock) return _lastNotReady; } }
    /// <summary>One not-ready answer's body, for the output.</summary>
    public string? Sample { get { lock (_lock) return _sample; } }

    private async Task RunAsync(Func<IReadOnlyList<GatewayProcess>> instances)
    {
        while (!_stop.IsCancellationRequested)
        {
            // Each instance in its own round: one slow answer does not hide the other's.
            await Task.WhenAll(instances().Where(i => !i.HasExited).Select(AskAsync));
            try { await Task.Delay(Interval, _stop.Token); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task AskAsync(GatewayProcess instance)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await instance.Http.GetAsync("/health/ready", timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK) return;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            lock (_lock)
            {
                _notReady++;
                _lastNotReady = _clock.Elapsed;
                _sample ??= $"{instance.Name}: {(int)response.StatusCode} {body}";
            }
        }
        catch (Exception)
        {
            // no answer at all (or the watch stopping) is not what this watch is about; the next round asks again
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
