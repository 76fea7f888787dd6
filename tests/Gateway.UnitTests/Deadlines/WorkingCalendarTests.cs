using System.Globalization;
using Gateway.Routing.Deadlines;

namespace Gateway.UnitTests.Deadlines;

public sealed class WorkingCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int CountWorkingDays(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    [Fact]
    public void Real_calendar_directory_covers_2025_and_2026()
    {
        var calendar = CalendarTestData.Real;

        Assert.Equal(2025, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.True(calendar.Covers(2025));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2024));
        Assert.False(calendar.Covers(2027));
    }

    /// <summary>
    /// Hand count, 2026 (国办发明电〔2025〕7号): 2026-01-01 is a Thursday and 2026 has 365 days = 52 weeks + 1 day,
    /// the extra day being Thursday 12-31, so Mon–Fri = 52 × 5 + 1 = 261.
    /// Weekdays off: 元旦 01-01 Thu, 01-02 Fri (01-03 is a Saturday) = 2; 春节 02-16..02-20 Mon–Fri, 02-23 Mon
    /// (02-15 Sun, 02-21 Sat, 02-22 Sun) = 6; 清明 04-06 Mon = 1; 劳动节 05-01 Fri, 05-04 Mon, 05-05 Tue = 3;
    /// 端午 06-19 Fri = 1; 中秋 09-25 Fri = 1; 国庆 10-01 Thu, 10-02 Fri, 10-05 Mon, 10-06 Tue, 10-07 Wed = 5 → 19.
    /// Make-up weekend days: 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 = 6.
    /// 261 − 19 + 6 = 248 (matches docs/lifecycle.md).
    /// </summary>
    [Fact]
    public void Year_2026_has_248_working_days()
    {
        Assert.Equal(248, CountWorkingDays(CalendarTestData.Real, D("2026-01-01"), D("2026-12-31")));
    }

    /// <summary>
    /// Hand count, 2025 (国办发明电〔2024〕12号): 2025-01-01 is a Wednesday and 2025 has 365 days = 52 weeks + 1 day,
    /// the extra day being Wednesday 12-31, so Mon–Fri = 261.
    /// Weekdays off: 元旦 01-01 Wed = 1; 春节 01-28 Tue, 01-29 Wed, 01-30 Thu, 01-31 Fri, 02-03 Mon, 02-04 Tue
    /// (02-01 Sat, 02-02 Sun) = 6; 清明 04-04 Fri = 1; 劳动节 05-01 Thu, 05-02 Fri, 05-05 Mon = 3;
    /// 端午 06-02 Mon (05-31 Sat, 06-01 Sun) = 1; 国庆+中秋 10-01 Wed, 10-02 Thu, 10-03 Fri, 10-06 Mon,
    /// 10-07 Tue, 10-08 Wed = 6 → 18.
    /// Make-up weekend days: 01-26 Sun, 02-08 Sat, 04-27 Sun, 09-28 Sun, 10-11 Sat = 5.
    /// 261 − 18 + 5 = 248 — not 250. Cross-check: 365 − 104 weekend days (52 Sat + 52 Sun) − 13 statutory
    /// holiday days = 248. 250 was the count under the old rule of 11 statutory holiday days (365 − 104 − 11);
    /// from 2025 on there are 13 (春节 eve and 05-02 were added), as both tables show.
    /// </summary>
    [Fact]
    public void Year_2025_has_248_working_days()
    {
        Assert.Equal(248, CountWorkingDays(CalendarTestData.Real, D("2025-01-01"), D("2025-12-31")));
    }

    /// <summary>
    /// Hand counts of single months:
    /// 2026-02: 02-01 is a Sunday, 28 days = 4 weeks → 20 weekdays; − 6 (02-16..20, 02-23) + 2 (02-14, 02-28) = 16.
    /// 2026-10: 10-01 Thu, 31 days = 4 weeks (20 weekdays) + Thu 29, Fri 30, Sat 31 → 22; − 5 (01, 02, 05, 06, 07) + 1 (10-10) = 18.
    /// 2026-01: 01-01 Thu, 4 weeks (20) + Thu 29, Fri 30, Sat 31 → 22; − 2 (01, 02) + 1 (01-04) = 21.
    /// 2025-01: 01-01 Wed, 4 weeks (20) + Wed 29, Thu 30, Fri 31 → 23; − 5 (01, 28, 29, 30, 31) + 1 (01-26) = 19.
    /// 2025-10: 10-01 Wed, 4 weeks (20) + Wed 29, Thu 30, Fri 31 → 23; − 6 (01, 02, 03, 06, 07, 08) + 1 (10-11) = 18.
    /// 2026-03: 03-01 Sun, 4 weeks (20) + Sun 29, Mon 30, Tue 31 → 22; no holiday = 22.
    /// </summary>
    [Theory]
    [InlineData("2026-02-01", "2026-02-28", 16)]
    [InlineData("2026-10-01", "2026-10-31", 18)]
    [InlineData("2026-01-01", "2026-01-31", 21)]
    [InlineData("2025-01-01", "2025-01-31", 19)]
    [InlineData("2025-10-01", "2025-10-31", 18)]
    [InlineData("2026-03-01", "2026-03-31", 22)]
    public void Month_counts(string from, string to, int expected)
    {
        Assert.Equal(expected, CountWorkingDays(CalendarTestData.Real, D(from), D(to)));
    }

    [Theory]
    // 2026 元旦: 01-01..01-03 off, Sunday 01-04 worked, Monday 01-05 normal.
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-03", false)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-01-05", true)]
    // 2026 春节: Saturday 02-14 worked, 02-15..02-23 off, 02-24 Tue back, Saturday 02-28 worked.
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-17", false)]
    [InlineData("2026-02-18", false)]
    [InlineData("2026-02-19", false)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-21", false)]
    [InlineData("2026-02-22", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    // 2026 清明, 劳动节, 端午, 中秋, 国庆.
    [InlineData("2026-04-03", true)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-30", true)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-06", true)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-06-22", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)]
    [InlineData("2026-09-28", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-05", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    // Ordinary weekend and weekday.
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-08", false)]
    [InlineData("2026-03-04", true)]
    [InlineData("2026-12-31", true)]
    // 2025 edges.
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-02", true)]
    [InlineData("2025-01-26", true)]
    [InlineData("2025-01-27", true)]
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-04-04", false)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-05-05", false)]
    [InlineData("2025-05-06", true)]
    [InlineData("2025-06-02", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-11", true)]
    [InlineData("2025-10-12", false)]
    public void Holiday_edges(string day, bool working)
    {
        Assert.Equal(working, CalendarTestData.Real.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2027-01-04", 2027)]
    [InlineData("2024-12-31", 2024)]
    public void IsWorkingDay_in_an_uncovered_year_throws_CalendarMissingException(string day, int year)
    {
        var ex = Assert.Throws<CalendarMissingException>(() => CalendarTestData.Real.IsWorkingDay(D(day)));
        Assert.Equal(year, ex.Year);
    }

    [Fact]
    public void CalendarMissingException_message_is_Chinese_and_English()
    {
        var ex = new CalendarMissingException(2027);

        Assert.Equal(2027, ex.Year);
        Assert.Equal("2027 年工作日历未发布 (calendar 2027 missing)", ex.Message);
    }

    [Theory]
    // Uncovered year: Monday–Friday only, no holiday knowledge (2027-01-01 is a Friday).
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-02", false)]
    [InlineData("2027-01-03", false)]
    [InlineData("2027-01-04", true)]
    [InlineData("2024-12-31", true)]
    // Covered year: same answer as IsWorkingDay, holidays and make-up days included.
    [InlineData("2026-01-01", false)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-05", false)]
    public void IsWorkingDayProvisional(string day, bool working)
    {
        Assert.Equal(working, CalendarTestData.Real.IsWorkingDayProvisional(D(day)));
    }

    [Fact]
    public void FromYears_builds_a_calendar_from_records()
    {
        var calendar = WorkingCalendar.FromYears(
        [
            new CalendarYear(2030, "test notice", [new CalendarHoliday("测试", D("2030-03-04"), D("2030-03-05"), [D("2030-03-09")])]),
            new CalendarYear(2031, "test notice", []),
        ]);

        Assert.Equal(2030, calendar.FirstYear);
        Assert.Equal(2031, calendar.LastYear);
        Assert.True(calendar.IsWorkingDay(D("2030-03-01")));   // Friday
        Assert.False(calendar.IsWorkingDay(D("2030-03-04")));  // Monday, day off
        Assert.False(calendar.IsWorkingDay(D("2030-03-05")));  // Tuesday, day off
        Assert.True(calendar.IsWorkingDay(D("2030-03-06")));   // Wednesday
        Assert.True(calendar.IsWorkingDay(D("2030-03-09")));   // Saturday, make-up
        Assert.False(calendar.IsWorkingDay(D("2030-03-10")));  // Sunday
        Assert.True(calendar.IsWorkingDay(D("2031-01-01")));   // Wednesday, no holiday in that year's data
        Assert.Throws<CalendarMissingException>(() => calendar.IsWorkingDay(D("2032-01-01")));
    }

    [Fact]
    public void FromYears_rejects_inconsistent_years()
    {
        var makeUpOnMonday = new CalendarYear(2030, "n", [new CalendarHoliday("x", D("2030-03-04"), D("2030-03-05"), [D("2030-03-11")])]);
        var outside = new CalendarYear(2030, "n", [new CalendarHoliday("x", D("2029-12-31"), D("2030-01-01"), [])]);
        var valid = new CalendarYear(2030, "n", []);

        Assert.Contains("not a weekend day", Assert.Throws<ArgumentException>(() => WorkingCalendar.FromYears([makeUpOnMonday])).Message);
        Assert.Contains("outside the file's year", Assert.Throws<ArgumentException>(() => WorkingCalendar.FromYears([outside])).Message);
        Assert.Contains("duplicate", Assert.Throws<ArgumentException>(() => WorkingCalendar.FromYears([valid, valid])).Message);
        Assert.Throws<ArgumentException>(() => WorkingCalendar.FromYears([]));
    }
}
