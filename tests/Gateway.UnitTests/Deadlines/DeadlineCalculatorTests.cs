using System.Globalization;
using Gateway.Routing.Deadlines;

namespace Gateway.UnitTests.Deadlines;

/// <summary>
/// Expected values are worked out by hand from the calendar tables in docs/lifecycle.md (the comments show how).
/// Default office hours: 09:00–12:00, 13:30–17:30 → 7 h a day, half a day = 3.5 h.
/// Weekdays used: 2026-03-04 Wed, 03-05 Thu, 03-06 Fri, 03-07 Sat, 03-09 Mon (no holiday in March 2026).
/// </summary>
public sealed class DeadlineCalculatorTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static decimal N(string workingDays) => decimal.Parse(workingDays, CultureInfo.InvariantCulture);

    private static void AssertBeijing(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected, actual);                 // same instant
        Assert.Equal(Beijing, actual.Offset);           // reported in Beijing time
        Assert.Equal(expected.DateTime, actual.DateTime); // same wall-clock time
    }

    [Theory]
    // DOMAIN example: 10-01..10-07 off, Thu 10-08 is the 1st working day after 09-30.
    [InlineData("2026-09-30T16:00:00+08:00", "1", "2026-10-08T17:30:00+08:00")]
    // Friday start over a weekend: Sat/Sun skipped, Monday is day 1, Wednesday day 3.
    [InlineData("2026-03-06T10:00:00+08:00", "1", "2026-03-09T17:30:00+08:00")]
    [InlineData("2026-03-06T10:00:00+08:00", "3", "2026-03-11T17:30:00+08:00")]
    // Saturday start: the Nth working day after that Saturday (Mon 03-09 is day 1).
    [InlineData("2026-03-07T10:00:00+08:00", "1", "2026-03-09T17:30:00+08:00")]
    // Start after closing or at midnight: the start day is not counted, time of day does not matter.
    [InlineData("2026-03-04T20:00:00+08:00", "1", "2026-03-05T17:30:00+08:00")]
    [InlineData("2026-03-04T00:00:00+08:00", "1", "2026-03-05T17:30:00+08:00")]
    [InlineData("2026-03-04T10:00:00+08:00", "2", "2026-03-06T17:30:00+08:00")]
    // Make-up Saturdays count: Fri 02-13 → Sat 02-14 (make-up) is day 1; 02-15..02-23 off → Tue 02-24 is day 2.
    [InlineData("2026-02-13T10:00:00+08:00", "1", "2026-02-14T17:30:00+08:00")]
    [InlineData("2026-02-13T10:00:00+08:00", "2", "2026-02-24T17:30:00+08:00")]
    // Fri 02-27 → Sat 02-28 (make-up) is day 1.
    [InlineData("2026-02-27T10:00:00+08:00", "1", "2026-02-28T17:30:00+08:00")]
    // Start on a holiday (Sat 10-03): Thu 10-08 day 1, Fri 10-09 day 2, Sat 10-10 (make-up) day 3.
    [InlineData("2026-10-03T10:00:00+08:00", "1", "2026-10-08T17:30:00+08:00")]
    [InlineData("2026-10-03T10:00:00+08:00", "3", "2026-10-10T17:30:00+08:00")]
    // keqiao parallel approval, 5 wd from Wed 09-23: Thu 09-24 (1), 09-25..27 off, Mon 09-28 (2), Tue 09-29 (3),
    // Wed 09-30 (4), 10-01..07 off, Thu 10-08 (5).
    [InlineData("2026-09-23T11:00:00+08:00", "5", "2026-10-08T17:30:00+08:00")]
    // 2025: 10-01..10-08 off → Thu 10-09 day 1, Fri 10-10 day 2, Sat 10-11 (make-up) day 3.
    [InlineData("2025-09-30T10:00:00+08:00", "1", "2025-10-09T17:30:00+08:00")]
    [InlineData("2025-09-30T10:00:00+08:00", "3", "2025-10-11T17:30:00+08:00")]
    // Across the covered year boundary: 2026-01-01..03 off, Sun 01-04 (make-up) is day 1.
    [InlineData("2025-12-31T10:00:00+08:00", "1", "2026-01-04T17:30:00+08:00")]
    // Start day in an uncovered year is never consulted: 2025-01-01 off, Thu 01-02 is day 1.
    [InlineData("2024-12-31T10:00:00+08:00", "1", "2025-01-02T17:30:00+08:00")]
    // Start given in UTC: 2026-03-04T17:00Z is Thu 03-05 01:00 in Beijing → day 1 is Fri 03-06.
    [InlineData("2026-03-04T17:00:00Z", "1", "2026-03-06T17:30:00+08:00")]
    // "2.0" is a whole number of days.
    [InlineData("2026-03-04T10:00:00+08:00", "2.0", "2026-03-06T17:30:00+08:00")]
    public void Whole_working_days(string start, string workingDays, string expected)
    {
        var due = CalendarTestData.Calculator.DueAt(T(start), N(workingDays), OfficeHours.Default);

        AssertBeijing(T(expected), due);
    }

    [Theory]
    // 10:00 → 12:00 is 2 h, the remaining 1.5 h from 13:30 → 15:00.
    [InlineData("2026-03-04T10:00:00+08:00", "0.5", "2026-03-04T15:00:00+08:00")]
    // 16:00 → 17:30 is 1.5 h, the remaining 2 h from Thursday 09:00 → 11:00.
    [InlineData("2026-03-04T16:00:00+08:00", "0.5", "2026-03-05T11:00:00+08:00")]
    // Lunch start 12:30 moves to 13:30; 3.5 h → 17:00.
    [InlineData("2026-03-04T12:30:00+08:00", "0.5", "2026-03-04T17:00:00+08:00")]
    // Before opening: 09:00 → 12:00 is 3 h, 0.5 h from 13:30 → 14:00.
    [InlineData("2026-03-04T08:00:00+08:00", "0.5", "2026-03-04T14:00:00+08:00")]
    // Ends exactly at closing: 14:00 + 3.5 h = 17:30 that day, not Thursday 09:00.
    [InlineData("2026-03-04T14:00:00+08:00", "0.5", "2026-03-04T17:30:00+08:00")]
    // Ends exactly at the lunch break: 17:00 → 17:30 is 0.5 h, Thursday 09:00 → 12:00 the remaining 3 h → 12:00, not 13:30.
    [InlineData("2026-03-04T17:00:00+08:00", "0.5", "2026-03-05T12:00:00+08:00")]
    // At or after closing: Thursday 09:00 → 12:00 (3 h) + 0.5 h from 13:30 → 14:00.
    [InlineData("2026-03-04T17:30:00+08:00", "0.5", "2026-03-05T14:00:00+08:00")]
    [InlineData("2026-03-04T20:00:00+08:00", "0.5", "2026-03-05T14:00:00+08:00")]
    // Saturday start: Monday 09:00 → 12:00 (3 h) + 0.5 h → 14:00.
    [InlineData("2026-03-07T10:00:00+08:00", "0.5", "2026-03-09T14:00:00+08:00")]
    // Make-up Saturday 02-14 is a working day: 10:00 → 15:00 as on a weekday.
    [InlineData("2026-02-14T10:00:00+08:00", "0.5", "2026-02-14T15:00:00+08:00")]
    // 1.5 days = 10.5 h: Wed 10:00–12:00 (2) + 13:30–17:30 (4) = 6, Thu 09:00–12:00 (3) → 9, 1.5 h from 13:30 → 15:00.
    [InlineData("2026-03-04T10:00:00+08:00", "1.5", "2026-03-05T15:00:00+08:00")]
    // 1.5 days from opening: all of Wednesday (7 h), Thursday 3 h + 0.5 h → 14:00.
    [InlineData("2026-03-04T09:00:00+08:00", "1.5", "2026-03-05T14:00:00+08:00")]
    // Over the national day holiday: 16:00 → 17:30 (1.5 h) on 09-30, 10-01..07 off, 2 h on Thu 10-08 → 11:00.
    [InlineData("2026-09-30T16:00:00+08:00", "0.5", "2026-10-08T11:00:00+08:00")]
    // 2.5 days = 17.5 h from Fri 02-13 13:30: 4 h that day (13.5 left), Sat 02-14 make-up 7 h (6.5 left),
    // 02-15..23 off, Tue 02-24 09:00–12:00 (3.5 left), 13:30 + 3.5 h → 17:00.
    [InlineData("2026-02-13T13:30:00+08:00", "2.5", "2026-02-24T17:00:00+08:00")]
    // Start given in UTC: 02:00Z = 10:00 Beijing → 15:00 Beijing.
    [InlineData("2026-03-04T02:00:00Z", "0.5", "2026-03-04T15:00:00+08:00")]
    // Start given at another offset: 2026-03-04T04:00+02:00 = 10:00 Beijing → 15:00 Beijing.
    [InlineData("2026-03-04T04:00:00+02:00", "0.5", "2026-03-04T15:00:00+08:00")]
    public void Half_working_days_run_in_office_hours(string start, string workingDays, string expected)
    {
        var due = CalendarTestData.Calculator.DueAt(T(start), N(workingDays), OfficeHours.Default);

        AssertBeijing(T(expected), due);
    }

    [Fact]
    public void Custom_office_hours_close_and_duration()
    {
        // 08:30–12:00, 14:00–18:00: 7.5 h a day, close at 18:00, half a day = 3.75 h.
        var hours = new OfficeHours(
        [
            new OfficePeriod(new TimeOnly(8, 30), new TimeOnly(12, 0)),
            new OfficePeriod(new TimeOnly(14, 0), new TimeOnly(18, 0)),
        ]);
        var calculator = CalendarTestData.Calculator;

        AssertBeijing(T("2026-03-05T18:00:00+08:00"), calculator.DueAt(T("2026-03-04T10:00:00+08:00"), 1m, hours));
        // 08:30–12:00 is 3.5 h, the remaining 0.25 h from 14:00 → 14:15.
        AssertBeijing(T("2026-03-04T14:15:00+08:00"), calculator.DueAt(T("2026-03-04T08:00:00+08:00"), 0.5m, hours));

        // One period 09:00–17:00: half a day = 4 h; 15:00 → 17:00 is 2 h, 2 h on Thursday → 11:00.
        var single = new OfficeHours([new OfficePeriod(new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        AssertBeijing(T("2026-03-05T11:00:00+08:00"), calculator.DueAt(T("2026-03-04T15:00:00+08:00"), 0.5m, single));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("0.3")]
    [InlineData("1.25")]
    [InlineData("0.49")]
    [InlineData("1001")]
    public void Invalid_working_days_are_rejected(string workingDays)
    {
        var calculator = CalendarTestData.Calculator;
        var start = T("2026-03-04T10:00:00+08:00");

        Assert.ThrowsAny<ArgumentException>(() => calculator.DueAt(start, N(workingDays), OfficeHours.Default));
        Assert.ThrowsAny<ArgumentException>(() => calculator.DueAtOrProvisional(start, N(workingDays), OfficeHours.Default));
    }

    [Fact]
    public void Null_office_hours_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() =>
            CalendarTestData.Calculator.DueAt(T("2026-03-04T10:00:00+08:00"), 1m, null!));
    }

    [Theory]
    // 12-31 Thu is day 1, day 2 needs 2027-01-01.
    [InlineData("2026-12-30T10:00:00+08:00", "5")]
    [InlineData("2026-12-31T10:00:00+08:00", "1")]
    // 1.5 h left on 12-31 at 17:30, the remaining 2 h need 2027.
    [InlineData("2026-12-31T16:00:00+08:00", "0.5")]
    // Start in 2027 itself.
    [InlineData("2027-01-04T10:00:00+08:00", "0.5")]
    // UTC instant that is already 2027 in Beijing (2027-01-01 07:00 +08:00).
    [InlineData("2026-12-31T23:00:00Z", "0.5")]
    public void Strict_due_time_into_2027_throws_CalendarMissingException(string start, string workingDays)
    {
        var ex = Assert.Throws<CalendarMissingException>(() =>
            CalendarTestData.Calculator.DueAt(T(start), N(workingDays), OfficeHours.Default));

        Assert.Equal(2027, ex.Year);
    }

    [Theory]
    // Stays in 2026: 12-31 Thu is day 1.
    [InlineData("2026-12-30T10:00:00+08:00", "1", "2026-12-31T17:30:00+08:00")]
    // 14:00 + 3.5 h ends exactly at closing on 12-31; 2027 is not needed.
    [InlineData("2026-12-31T14:00:00+08:00", "0.5", "2026-12-31T17:30:00+08:00")]
    public void Strict_due_time_near_the_last_calendar_day_that_stays_inside_it(string start, string workingDays, string expected)
    {
        AssertBeijing(T(expected), CalendarTestData.Calculator.DueAt(T(start), N(workingDays), OfficeHours.Default));
    }

    [Theory]
    // Weekdays only in 2027: 12-31 Thu day 1, 2027-01-01 Fri day 2 (no holiday knowledge), Mon 01-04 day 3,
    // Tue 01-05 day 4, Wed 01-06 day 5.
    [InlineData("2026-12-30T10:00:00+08:00", "5", "2027-01-06T17:30:00+08:00")]
    // 1.5 h on 12-31 (16:00 → 17:30), the remaining 2 h on Fri 2027-01-01 from 09:00 → 11:00.
    [InlineData("2026-12-31T16:00:00+08:00", "0.5", "2027-01-01T11:00:00+08:00")]
    // Entirely in 2027: Fri 01-08 → Mon 01-11.
    [InlineData("2027-01-08T10:00:00+08:00", "1", "2027-01-11T17:30:00+08:00")]
    public void Lenient_due_time_into_2027_is_provisional(string start, string workingDays, string expected)
    {
        var due = CalendarTestData.Calculator.DueAtOrProvisional(T(start), N(workingDays), OfficeHours.Default);

        Assert.True(due.Provisional);
        AssertBeijing(T(expected), due.At);
    }

    [Theory]
    [InlineData("2026-09-30T16:00:00+08:00", "1", "2026-10-08T17:30:00+08:00")]
    [InlineData("2026-12-30T10:00:00+08:00", "1", "2026-12-31T17:30:00+08:00")]
    [InlineData("2026-12-31T14:00:00+08:00", "0.5", "2026-12-31T17:30:00+08:00")]
    [InlineData("2026-03-04T16:00:00+08:00", "0.5", "2026-03-05T11:00:00+08:00")]
    public void Lenient_due_time_inside_the_calendars_is_not_provisional(string start, string workingDays, string expected)
    {
        var due = CalendarTestData.Calculator.DueAtOrProvisional(T(start), N(workingDays), OfficeHours.Default);

        Assert.False(due.Provisional);
        AssertBeijing(T(expected), due.At);
    }
}
