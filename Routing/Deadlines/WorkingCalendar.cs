using System.Globalization;

namespace Gateway.Routing.Deadlines;

/// <summary>
/// The official working-day calendar (工作日): Monday–Friday, minus the State Council's days off,
/// plus its make-up working days (调休上班). Built from one <see cref="CalendarYear"/> per year;
/// immutable and thread-safe.
/// </summary>
/// <remarks>
/// A year is covered only if its calendar was loaded (<see cref="Covers"/>); years between
/// <see cref="FirstYear"/> and <see cref="LastYear"/> without a file are not covered either.
/// Strict questions about an uncovered year throw <see cref="CalendarMissingException"/>: a date past the
/// last calendar year is an error, not a guess.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _makeUpWorkingDays = [];

    private WorkingCalendar(IReadOnlyCollection<CalendarYear> years)
    {
        _years = years.Select(y => y.Year).ToHashSet();
        FirstYear = _years.Min();
        LastYear = _years.Max();
        foreach (var holiday in years.SelectMany(y => y.Holidays))
        {
            for (var day = holiday.FirstDayOff; day <= holiday.LastDayOff; day = day.AddDays(1))
            {
                _daysOff.Add(day);
            }

            _makeUpWorkingDays.UnionWith(holiday.MakeUpWorkingDays);
        }
    }

    /// <summary>The first covered year.</summary>
    public int FirstYear { get; }

    /// <summary>The last covered year.</summary>
    public int LastYear { get; }

    /// <summary>
    /// Loads every <c>*.json</c> file of <paramref name="directory"/> (not recursive), one calendar year per
    /// file, in the format <c>{ "year", "source", "holidays": [ { "name", "daysOff": [first, last],
    /// "makeUpWorkingDays": [...] } ] }</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// No calendar file, or a file is malformed or inconsistent (bad JSON, unknown or missing property, bad date,
    /// date outside the file's year, a file named <c>&lt;digits&gt;.json</c> holding another year, overlapping
    /// day-off ranges, a make-up day that is a day off or not a weekend day, duplicate year...).
    /// The message names the file and every problem found in it.
    /// </exception>
    public static WorkingCalendar LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var fullPath = Path.GetFullPath(directory);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"calendar directory '{fullPath}' does not exist");
        }

        var files = Directory.EnumerateFiles(fullPath, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => string.Equals(Path.GetExtension(f), ".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"no calendar files (*.json) in '{fullPath}'");
        }

        var years = new List<CalendarYear>();
        var fileOfYear = new Dictionary<int, string>();
        foreach (var file in files)
        {
            var year = CalendarFileReader.Read(file);
            var problems = Validate(year);
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem.Length > 0 && stem.All(char.IsAsciiDigit)
                && stem != year.Year.ToString(CultureInfo.InvariantCulture))
            {
                problems.Insert(0, $"the file name says {stem} but \"year\" is {year.Year}");
            }

            if (problems.Count > 0)
            {
                throw new InvalidDataException(CalendarFileReader.FileMessage(file, problems));
            }

            if (fileOfYear.TryGetValue(year.Year, out var other))
            {
                throw new InvalidDataException(CalendarFileReader.FileMessage(
                    file, [$"duplicate year: {year.Year} is already defined by '{other}'"]));
            }

            fileOfYear.Add(year.Year, file);
            years.Add(year);
        }

        return new WorkingCalendar(years);
    }

    /// <summary>Builds a calendar from in-memory years (same consistency rules as <see cref="LoadDirectory"/>).</summary>
    /// <exception cref="ArgumentException">No year, a duplicate year, or an inconsistent year.</exception>
    public static WorkingCalendar FromYears(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("at least one calendar year is required", nameof(years));
        }

        var seen = new HashSet<int>();
        foreach (var year in list)
        {
            if (year is null)
            {
                throw new ArgumentException("calendar years must not contain null", nameof(years));
            }

            var problems = Validate(year);
            if (problems.Count > 0)
            {
                throw new ArgumentException(
                    $"calendar {year.Year}: {string.Join("; ", problems)}", nameof(years));
            }

            if (!seen.Add(year.Year))
            {
                throw new ArgumentException($"duplicate calendar year {year.Year}", nameof(years));
            }
        }

        return new WorkingCalendar(list);
    }

    /// <summary>Whether the official calendar of <paramref name="year"/> is loaded.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>Whether <paramref name="day"/> is an official working day.</summary>
    /// <exception cref="CalendarMissingException">The day's year is not covered.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        if (!Covers(day.Year))
        {
            throw new CalendarMissingException(day.Year);
        }

        if (_makeUpWorkingDays.Contains(day))
        {
            return true;
        }

        return IsWeekday(day) && !_daysOff.Contains(day);
    }

    /// <summary>
    /// Like <see cref="IsWorkingDay"/> for covered years; for an uncovered year the weekday-only fallback
    /// (Monday–Friday, no holiday knowledge). Used only for provisional due times.
    /// </summary>
    public bool IsWorkingDayProvisional(DateOnly day) =>
        Covers(day.Year) ? IsWorkingDay(day) : IsWeekday(day);

    private static bool IsWeekday(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every consistency problem of one year (empty when valid).</summary>
    internal static List<string> Validate(CalendarYear year)
    {
        var problems = new List<string>();
        if (year.Year is < 1 or > 9999)
        {
            problems.Add($"year {year.Year} is out of range");
            return problems;
        }

        if (string.IsNullOrWhiteSpace(year.Source))
        {
            problems.Add("\"source\" (the State Council notice) is missing or empty");
        }

        if (year.Holidays is null)
        {
            problems.Add("\"holidays\" is missing");
            return problems;
        }

        var valid = new List<(string Label, CalendarHoliday Holiday)>();
        for (var i = 0; i < year.Holidays.Count; i++)
        {
            var holiday = year.Holidays[i];
            var label = $"holidays[{i}]";
            if (holiday is null)
            {
                problems.Add($"{label} is null");
                continue;
            }

            label = string.IsNullOrWhiteSpace(holiday.Name) ? label : $"{label} ({holiday.Name})";
            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                problems.Add($"{label}: \"name\" is missing or empty");
            }

            var rangeOk = true;
            foreach (var day in new[] { holiday.FirstDayOff, holiday.LastDayOff }.Distinct())
            {
                if (day.Year != year.Year)
                {
                    problems.Add($"{label}: day off {D(day)} is outside the file's year {year.Year}");
                    rangeOk = false;
                }
            }

            if (holiday.FirstDayOff > holiday.LastDayOff)
            {
                problems.Add($"{label}: days off run backwards ({D(holiday.FirstDayOff)} after {D(holiday.LastDayOff)})");
                rangeOk = false;
            }

            if (holiday.MakeUpWorkingDays is null)
            {
                problems.Add($"{label}: \"makeUpWorkingDays\" is null");
            }
            else
            {
                foreach (var day in holiday.MakeUpWorkingDays)
                {
                    if (day.Year != year.Year)
                    {
                        problems.Add($"{label}: make-up working day {D(day)} is outside the file's year {year.Year}");
                    }

                    if (IsWeekday(day))
                    {
                        problems.Add($"{label}: make-up working day {D(day)} is a {day.DayOfWeek}, not a weekend day");
                    }
                }
            }

            if (rangeOk)
            {
                valid.Add((label, holiday));
            }
        }

        // Day-off ranges must not overlap each other.
        var ordered = valid.OrderBy(v => v.Holiday.FirstDayOff).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (current.Holiday.FirstDayOff <= previous.Holiday.LastDayOff)
            {
                problems.Add(
                    $"{current.Label}: days off {D(current.Holiday.FirstDayOff)}..{D(current.Holiday.LastDayOff)} " +
                    $"overlap {previous.Label} {D(previous.Holiday.FirstDayOff)}..{D(previous.Holiday.LastDayOff)}");
            }
        }

        // Make-up days must be unique and must not be days off.
        var makeUpSeen = new HashSet<DateOnly>();
        for (var i = 0; i < year.Holidays.Count; i++)
        {
            var holiday = year.Holidays[i];
            if (holiday?.MakeUpWorkingDays is null)
            {
                continue;
            }

            var label = string.IsNullOrWhiteSpace(holiday.Name) ? $"holidays[{i}]" : $"holidays[{i}] ({holiday.Name})";
            foreach (var day in holiday.MakeUpWorkingDays)
            {
                if (!makeUpSeen.Add(day))
                {
                    problems.Add($"{label}: make-up working day {D(day)} is listed twice");
                }

                foreach (var (offLabel, off) in valid)
                {
                    if (day >= off.FirstDayOff && day <= off.LastDayOff)
                    {
                        problems.Add($"{label}: make-up working day {D(day)} is also a day off of {offLabel}");
                    }
                }
            }
        }

        return problems;
    }
}
