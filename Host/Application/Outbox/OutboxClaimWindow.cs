namespace Gateway.Application.Outbox;

/// <summary>
/// Which rows the relay's next claim looks at. The claim walks the unpublished rows' index from the oldest entry, and
/// every row published since the table's last vacuum has left a dead entry there, so looking from the beginning each
/// time read a minute of published rows per claim (docs/performance.md, tenth round). A full claim looks at every row;
/// after one that found all there was to claim, the claims for the next <c>fullEvery</c> look only at rows created
/// from <c>commitLag</c> before it. A row that claim misses (committed more than <c>commitLag</c> after its creation
/// time, released after a failed publish, left by a crashed peer, unparked) is claimed by the next full claim, so it
/// waits at most <c>fullEvery</c> longer and is never lost. A clock that moves back makes the next claim full.
/// </summary>
public sealed class OutboxClaimWindow(TimeSpan fullEvery, TimeSpan commitLag)
{
    private readonly long _fullEveryMs = (long)fullEvery.TotalMilliseconds;
    private readonly long _commitLagMs = (long)commitLag.TotalMilliseconds;
    private long? _lastCompleteFull;

    /// <summary>The relay's: a full claim each second, rows committed within two seconds of their creation found at once.</summary>
    public static OutboxClaimWindow Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>The smallest creation time the claim at <paramref name="now"/> looks at; <c>null</c>: every row (a full claim).</summary>
    public long? CreatedFrom(long now) =>
        _lastCompleteFull is { } last && now >= last && now < last + _fullEveryMs ? last - _commitLagMs : null;

    /// <summary>
    /// Records a claim made at <paramref name="now"/> from <paramref name="createdFrom"/>. A full claim that returned fewer
    /// rows than it asked for has seen every row there was to claim; one that returned a full batch has not, and the next
    /// claim is full again.
    /// </summary>
    public void Claimed(long now, long? createdFrom, int rows, int max)
    {
        if (createdFrom is null && rows < max) _lastCompleteFull = now;
    }
}
