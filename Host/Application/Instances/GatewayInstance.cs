using System.Diagnostics;
using Gateway.Application.Configuration;

namespace Gateway.Application.Instances;

/// <summary>
/// This running gateway as its peers see it: an id that names it as the holder of send leases and outbox claims, and
/// whether it may currently judge a silent peer dead.
/// </summary>
public sealed class GatewayInstance(InstanceOptions options)
{
    private long _beatingSince = -1;
    private long _lastBeat = -1;

    /// <summary>Unique per process start: a restarted instance is a new holder, and its old leases belong to a dead one.</summary>
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public InstanceOptions Options => options;

    /// <summary>
    /// True once this instance's own heartbeats have reached the store without a gap for a whole stale period. After a store
    /// outage every peer's heartbeat looks stale until they beat again; judging them before then would take live sends away.
    /// </summary>
    public bool JudgesPeers
    {
        get
        {
            var since = Interlocked.Read(ref _beatingSince);
            return since >= 0 && Stopwatch.GetElapsedTime(since) >= options.StaleAfter;
        }
    }

    /// <summary>Time since the last heartbeat the store took; null before the first.</summary>
    public TimeSpan? SinceLastBeat => Interlocked.Read(ref _lastBeat) is var last and >= 0 ? Stopwatch.GetElapsedTime(last) : null;

    internal void BeatSucceeded()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastBeat, now);
        Interlocked.CompareExchange(ref _beatingSince, now, -1);
    }

    internal void BeatFailed() => Interlocked.Exchange(ref _beatingSince, -1);
}
