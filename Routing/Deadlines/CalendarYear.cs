namespace Gateway.Routing.Deadlines;

/// <summary>
/// One year's official holiday arrangement (one State Council notice), as stored in
/// <c>config/calendars/&lt;year&gt;.json</c>.
/// </summary>
/// <param name="Year">The calendar year every date in the record belongs to.</param>
/// <param name="Source">The notice the data was taken from, e.g. "国办发明电〔2025〕7号 (2025-11-04)".</param>
/// <param name="Holidays">The holidays of the year.</param>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<CalendarHoliday> Holidays);

/// <summary>
/// One holiday: the inclusive range of days off and the weekend days that are worked instead (调休上班).
/// </summary>
public sealed record CalendarHoliday(
    string Name,
    DateOnly FirstDayOff,
    DateOnly LastDayOff,
    IReadOnlyList<DateOnly> MakeUpWorkingDays);
