using System.Globalization;

namespace Gateway.Routing.Deadlines;

/// <summary>A computed due time; <see cref="Provisional"/> when it relied on the weekday-only fallback.</summary>
/// <param name="At">The due instant, with a +08:00 offset.</param>
/// <param name="Provisional">
/// True when the computation needed a day in a year without an official calendar and counted it with the
/// weekday-only fallback (Monday–Friday, no holidays); such a due time must be recomputed when the
/// calendar is added.
/// </param>
public sealed record DueTime(DateTimeOffset At, bool Provisional);

/// <summary>
/// Working-day deadlines (PRC Civil Code art. 201, 203), in Beijing time (UTC+08:00, no DST).
/// </summary>
/// <remarks>
/// <para>
/// <c>start</c> is first converted to +08:00; results carry a +08:00 offset.
/// <c>workingDays</c> must be a positive multiple of 0.5, at most <see cref="MaxWorkingDays"/>
/// (otherwise <see cref="ArgumentException"/> / <see cref="ArgumentOutOfRangeException"/>).
/// </para>
/// <para>
/// <b>Whole days</b> (1, 2, ...): a period in days does not count the day on which it starts. The due time is
/// the close of office hours (end of the last period) of the Nth working day after the start's calendar day.
/// The time of day of the start and whether the start day is itself a working day do not matter: a start on
/// a Saturday, a holiday or after closing time counts from the next working day after that day, exactly like
/// a start at 10:00 on that day (e.g. Saturday → 1 working day → Monday's close). The start day is never
/// consulted, so its year need not be covered.
/// </para>
/// <para>
/// <b>Half days</b> (0.5, 1.5, ...): a period in hours runs from the start instant, inside office hours only.
/// It lasts <c>workingDays × DailyDuration</c> of office time (0.5 = 3.5 h with the default hours, 1.5 = 10.5 h).
/// A start outside office hours (before opening, in a break, after closing, or on a non-working day) begins at
/// the next office-hour instant. The due instant is when that office time is used up; when it is used up
/// exactly at the end of a period, the due instant is that end (e.g. 17:30), not the next period's start.
/// </para>
/// </remarks>
public sealed class DeadlineCalculator
{
    /// <summary>The largest period accepted (guards against runaway loops on nonsense input).</summary>
    public const decimal MaxWorkingDays = 1000m;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly WorkingCalendar _calendar;

    public DeadlineCalculator(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>
    /// Strict due time (see the class remarks for the counting rules).
    /// </summary>
    /// <exception cref="CalendarMissingException">The computation needs a day in a year that is not covered.</exception>
    public DateTimeOffset DueAt(DateTimeOffset start, decimal workingDays, OfficeHours hours)
    {
        Check(workingDays, hours);
        return Compute(start, workingDays, hours, _calendar.IsWorkingDay);
    }

    /// <summary>
    /// Lenient due time for intake: the strict result when every day it needs is covered
    /// (<c>Provisional = false</c>); otherwise the result with uncovered years counted Monday–Friday
    /// (<c>Provisional = true</c>). Never throws <see cref="CalendarMissingException"/>.
    /// </summary>
    public DueTime DueAtOrProvisional(DateTimeOffset start, decimal workingDays, OfficeHours hours)
    {
        Check(workingDays, hours);
        var provisional = false;
        var at = Compute(start, workingDays, hours, day =>
        {
            if (!_calendar.Covers(day.Year))
            {
                provisional = true;
            }

            return _calendar.IsWorkingDayProvisional(day);
        });
        return new DueTime(at, provisional);
    }

    private static void Check(decimal workingDays, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var text = workingDays.ToString(CultureInfo.InvariantCulture);
        if (workingDays <= 0m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(workingDays), workingDays, $"workingDays must be positive (got {text})");
        }

        if (workingDays > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(workingDays), workingDays, $"workingDays must be at most {MaxWorkingDays} (got {text})");
        }

        if (workingDays * 2m % 1m != 0m)
        {
            throw new ArgumentException(
                $"workingDays must be a multiple of 0.5 (got {text})", nameof(workingDays));
        }
    }

    private static DateTimeOffset Compute(
        DateTimeOffset start, decimal workingDays, OfficeHours hours, Func<DateOnly, bool> isWorkingDay)
    {
        var local = start.ToOffset(Beijing);
        var day = DateOnly.FromDateTime(local.DateTime);

        if (workingDays % 1m == 0m)
        {
            // Whole days: the start day is not counted; due at the close of the Nth working day after it.
            var remainingDays = (int)workingDays;
            while (remainingDays > 0)
            {
                day = day.AddDays(1);
                if (isWorkingDay(day))
                {
                    remainingDays--;
                }
            }

            return new DateTimeOffset(day.ToDateTime(hours.Close), Beijing);
        }

        // Half days: office time from the start instant.
        var remaining = TimeSpan.FromTicks((long)Math.Ceiling(hours.DailyDuration.Ticks * workingDays));
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        while (true)
        {
            if (isWorkingDay(day))
            {
                foreach (var period in hours.Periods)
                {
                    if (time >= period.End)
                    {
                        continue;
                    }

                    var begin = time > period.Start ? time : period.Start;
                    var available = period.End - begin;
                    if (remaining <= available)
                    {
                        return new DateTimeOffset(day.ToDateTime(begin), Beijing) + remaining;
                    }

                    remaining -= available;
                    time = period.End;
                }
            }

            day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }
    }
}
