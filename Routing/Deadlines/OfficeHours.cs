using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Gateway.Routing.Deadlines;

/// <summary>One office-hours period of a working day, local (Beijing) time, <c>[Start, End)</c>.</summary>
public sealed record OfficePeriod(TimeOnly Start, TimeOnly End)
{
    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A region's office hours: one or more periods per working day, in Beijing time.
/// The periods must be non-empty, each with <c>Start &lt; End</c>, in chronological order and not
/// overlapping (a period may start exactly where the previous one ends). Violations throw
/// <see cref="ArgumentException"/> (also through <c>with</c>).
/// </summary>
public sealed record OfficeHours(IReadOnlyList<OfficePeriod> Periods)
{
    private readonly ReadOnlyCollection<OfficePeriod> _periods = Validate(Periods);

    /// <summary>The default office hours: 09:00–12:00 and 13:30–17:30.</summary>
    public static OfficeHours Default { get; } = new(
    [
        new OfficePeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new OfficePeriod(new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ]);

    /// <summary>The periods, validated and copied (read-only).</summary>
    public IReadOnlyList<OfficePeriod> Periods
    {
        get => _periods;
        init => _periods = Validate(value);
    }

    /// <summary>Total office time of one working day (7 h for <see cref="Default"/>).</summary>
    public TimeSpan DailyDuration
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var period in _periods)
            {
                total += period.End - period.Start;
            }

            return total;
        }
    }

    /// <summary>Close of office hours: the end of the last period.</summary>
    internal TimeOnly Close => _periods[^1].End;

    public bool Equals(OfficeHours? other) =>
        other is not null && _periods.SequenceEqual(other._periods);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var period in _periods)
        {
            hash.Add(period);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Periods = [").Append(string.Join(", ", _periods)).Append(']');
        return true;
    }

    private static ReadOnlyCollection<OfficePeriod> Validate(IReadOnlyList<OfficePeriod>? periods)
    {
        if (periods is null)
        {
            throw new ArgumentNullException(nameof(Periods), "office hours: periods must not be null");
        }

        if (periods.Count == 0)
        {
            throw new ArgumentException("office hours: at least one period is required", nameof(Periods));
        }

        var copy = new OfficePeriod[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i]
                ?? throw new ArgumentException($"office hours: period #{i + 1} is null", nameof(Periods));
            if (period.Start >= period.End)
            {
                throw new ArgumentException(
                    $"office hours: period #{i + 1} ({period}) must start before it ends", nameof(Periods));
            }

            if (i > 0 && period.Start < copy[i - 1].End)
            {
                throw new ArgumentException(
                    $"office hours: period #{i + 1} ({period}) starts before period #{i} ({copy[i - 1]}) ends; " +
                    "periods must be in chronological order and must not overlap",
                    nameof(Periods));
            }

            copy[i] = period;
        }

        return Array.AsReadOnly(copy);
    }
}
