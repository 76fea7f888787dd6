namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The gateway's clock in deadline tests: real time shifted by an offset the test sets, so time keeps flowing
/// (timers, HTTP, the bus behave normally) while the test jumps the calendar forward across due times.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the clock reads <paramref name="instant"/> and runs on from there.</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - base.GetUtcNow()).Ticks);
}
