using Gateway.Routing.Deadlines;

namespace Gateway.UnitTests.Deadlines;

public sealed class OfficeHoursTests
{
    private static OfficePeriod P(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    [Fact]
    public void Default_is_0900_1200_and_1330_1730_seven_hours()
    {
        var hours = OfficeHours.Default;

        Assert.Equal([P(9, 0, 12, 0), P(13, 30, 17, 30)], hours.Periods);
        Assert.Equal(TimeSpan.FromHours(7), hours.DailyDuration);
    }

    [Fact]
    public void Equal_periods_make_equal_office_hours()
    {
        var same = new OfficeHours([P(9, 0, 12, 0), P(13, 30, 17, 30)]);

        Assert.Equal(OfficeHours.Default, same);
        Assert.Equal(OfficeHours.Default.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(OfficeHours.Default, new OfficeHours([P(9, 0, 12, 0)]));
    }

    [Fact]
    public void Touching_periods_are_allowed()
    {
        var hours = new OfficeHours([P(9, 0, 12, 0), P(12, 0, 13, 0)]);

        Assert.Equal(TimeSpan.FromHours(4), hours.DailyDuration);
    }

    [Fact]
    public void Periods_cannot_be_changed_through_the_input_list()
    {
        var list = new List<OfficePeriod> { P(9, 0, 12, 0) };
        var hours = new OfficeHours(list);
        list.Add(P(13, 0, 14, 0));

        Assert.Single(hours.Periods);
    }

    public static TheoryData<OfficePeriod[], string> InvalidPeriods => new()
    {
        { [], "at least one period" },
        { [P(12, 0, 9, 0)], "must start before it ends" },
        { [P(9, 0, 9, 0)], "must start before it ends" },
        { [P(13, 30, 17, 30), P(9, 0, 12, 0)], "chronological order" },
        { [P(9, 0, 12, 0), P(11, 0, 17, 0)], "must not overlap" },
    };

    [Theory]
    [MemberData(nameof(InvalidPeriods))]
    public void Invalid_periods_are_rejected(OfficePeriod[] periods, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new OfficeHours(periods));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_expression_is_validated_too()
    {
        Assert.Throws<ArgumentException>(() => OfficeHours.Default with { Periods = [] });
    }
}
