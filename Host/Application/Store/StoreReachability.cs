using System.Diagnostics;
using Gateway.Adapters.Http;

namespace Gateway.Application.Store;

/// <summary>
/// What this instance last saw of the store: every request or heartbeat that found it unreachable reports here. Readiness
/// stays down until the store has answered for <see cref="Settle"/> after the last failure — the Retry-After intake gives —
/// so a restart shorter than a monitor's poll still shows, and a load balancer does not send work back too early.
/// </summary>
public sealed class StoreReachability(TimeProvider clock)
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(StoreUnavailable.RetryAfterSeconds);
    private readonly Lock _lock = new();
    private long _lastFailure = -1;
    private DateTimeOffset? _lastFailureAt;
    private string? _lastError;

    public void Failed(Exception error)
    {
        lock (_lock)
        {
            _lastFailure = Stopwatch.GetTimestamp();
            _lastFailureAt = clock.GetUtcNow();
            _lastError = error.Message;
        }
    }

    /// <summary>How long ago the store last failed, when, and with what; null if it never did.</summary>
    public (TimeSpan Ago, DateTimeOffset At, string Error)? LastFailure
    {
        get
        {
            lock (_lock)
                return _lastFailure < 0 ? null : (Stopwatch.GetElapsedTime(_lastFailure), _lastFailureAt!.Value, _lastError!);
        }
    }
}
