namespace Gateway.Routing.Deadlines;

/// <summary>
/// Thrown when a strict working-day question needs a day in a year for which no official
/// calendar (<c>config/calendars/&lt;year&gt;.json</c>) is loaded. The admin API maps it to the
/// <c>CALENDAR_MISSING</c> problem; intake uses <see cref="DeadlineCalculator.DueAtOrProvisional"/> instead.
/// </summary>
public sealed class CalendarMissingException : Exception
{
    public CalendarMissingException(int year)
        : base($"{year} 年工作日历未发布 (calendar {year} missing)")
    {
        Year = year;
    }

    /// <summary>The calendar year that is not covered.</summary>
    public int Year { get; }
}
