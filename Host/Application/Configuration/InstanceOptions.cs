using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gateway.Application.Configuration;

/// <summary>
/// How instances judge each other (<c>Gateway:Instances:*</c>): each writes a heartbeat every
/// <see cref="HeartbeatInterval"/>; one whose heartbeat is older than <see cref="StaleAfter"/> counts as dead, and its send
/// leases and outbox claims may be taken over at once instead of after the lease.
/// </summary>
public sealed record InstanceOptions(TimeSpan HeartbeatInterval, TimeSpan StaleAfter)
{
    public static readonly InstanceOptions Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    /// <remarks>A stale period at or above a (short, test) send lease is allowed: the lease then simply runs out first.</remarks>
    public static InstanceOptions Read(IConfigurationSection gateway, List<string> problems)
    {
        var heartbeat = Milliseconds(gateway, "Instances:HeartbeatMilliseconds", (int)Default.HeartbeatInterval.TotalMilliseconds, 100, problems);
        var stale = Milliseconds(gateway, "Instances:StaleMilliseconds", (int)Default.StaleAfter.TotalMilliseconds, 300, problems);
        // Three missed beats before a live instance could be judged dead: one slow beat (a GC pause, a busy store) is not death.
        if (stale < 3 * heartbeat)
            problems.Add($"Gateway:Instances:StaleMilliseconds: {stale} must be at least three heartbeats (3 × Gateway:Instances:HeartbeatMilliseconds = {3 * heartbeat})");
        return new InstanceOptions(TimeSpan.FromMilliseconds(heartbeat), TimeSpan.FromMilliseconds(stale));
    }

    private static int Milliseconds(IConfigurationSection gateway, string key, int fallback, int minimum, List<string> problems)
    {
        var raw = gateway[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
        problems.Add($"Gateway:{key}: '{raw}' must be a whole number of milliseconds ≥ {minimum}");
        return fallback;
    }
}
