using Gateway.Adapters.Portals.Hubei;

namespace Gateway.UnitTests.Portals;

public sealed class HubeiQuantityTests
{
    [Theory]
    [InlineData("120吨/日", 120)]
    [InlineData("120 吨/日", 120)]
    [InlineData("120t/d", 120)]
    [InlineData("120 T/D", 120)]
    [InlineData("１２０吨／日", 120)]
    [InlineData("0.5吨/日", 0.5)]
    [InlineData("  7 ", 7)]
    public void Daily_tons(string typed, double expected)
    {
        Assert.True(HubeiQuantity.TryParse(typed, HubeiQuantity.DailyTons, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("300立方米/日")]
    [InlineData("300m³/d")]
    [InlineData("300 m3/d")]
    [InlineData("３００ ｍ３/ｄ")]
    public void Daily_cubic_metres(string typed)
    {
        Assert.True(HubeiQuantity.TryParse(typed, HubeiQuantity.DailyM3, out var value));
        Assert.Equal(300m, value);
    }

    [Theory]
    [InlineData("500M", 500)]
    [InlineData("500 Mbps", 500)]
    [InlineData("１０００Ｍ", 1000)]
    public void Bandwidth(string typed, int expected)
    {
        Assert.True(HubeiQuantity.TryParse(typed, HubeiQuantity.Bandwidth, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("120立方米/日", "a gas unit on a water field")]
    [InlineData("120吨", "a unit without /日")]
    [InlineData("吨/日", "no number")]
    [InlineData("一百二十吨/日", "Chinese numerals")]
    [InlineData("1,200吨/日", "thousands separator")]
    [InlineData("12.5.1吨/日", "two decimal points")]
    [InlineData("", "blank")]
    public void Anything_else_is_not_a_daily_tonnage(string typed, string why) =>
        Assert.False(HubeiQuantity.TryParse(typed, HubeiQuantity.DailyTons, out _), why);

    [Theory]
    [InlineData("350米", 350)]
    [InlineData("350 m", 350)]
    [InlineData("0米", 0)]
    public void Distance(string typed, int expected)
    {
        Assert.True(HubeiQuantity.TryParse(typed, HubeiQuantity.Metres, out var value));
        Assert.Equal(expected, value);
    }
}
