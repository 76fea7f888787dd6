using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;

namespace Gateway.UnitTests.Portals;

/// <summary>The shared readers of portal text: Chinese enumeration words, one-value lists, form dates, plain numbers.</summary>
public sealed class PortalTextTests
{
    [Theory]
    [InlineData("新开户", BusinessType.New)]
    [InlineData("新装", BusinessType.New)]
    [InlineData("增容", BusinessType.Increase)]
    [InlineData("绿化", BusinessType.Greening)]
    [InlineData("临时用水", BusinessType.Temporary)]
    [InlineData(" 增容 ", BusinessType.Increase)]
    public void Business_words(string word, BusinessType expected)
    {
        Assert.True(ChineseTerms.TryParse<BusinessType>(word, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Every_word_of_the_agreement_maps()
    {
        Assert.Equal([UsageNature.Production, UsageNature.Domestic, UsageNature.Fire], new[] { "生产", "生活", "消防" }.Select(ChineseTerms.Parse<UsageNature>));
        Assert.Equal([GasPressure.Low, GasPressure.Medium], new[] { "低压", "中压" }.Select(ChineseTerms.Parse<GasPressure>));
        Assert.Equal([NetworkKind.Broadband, NetworkKind.Broadband, NetworkKind.Mobile], new[] { "宽带", "宽带信号", "手机信号" }.Select(ChineseTerms.Parse<NetworkKind>));
        Assert.Equal([Carrier.Cmcc, Carrier.Cucc, Carrier.Ctcc], new[] { "移动", "联通", "电信" }.Select(ChineseTerms.Parse<Carrier>));
        Assert.True(ChineseTerms.TryParseYesNo("是", out var yes) && yes);
        Assert.True(ChineseTerms.TryParseYesNo("否", out var no) && !no);
        Assert.False(ChineseTerms.TryParseYesNo("true", out _));
        Assert.False(ChineseTerms.TryParse<BusinessType>("NEW", out _));
        Assert.False(ChineseTerms.TryParse<Carrier>("广电", out _));
    }

    [Theory]
    [InlineData("生产,生活", new[] { "生产", "生活" })]
    [InlineData("生产，生活", new[] { "生产", "生活" })]
    [InlineData("移动、联通、电信", new[] { "移动", "联通", "电信" })]
    [InlineData("CMCC CUCC", new[] { "CMCC", "CUCC" })]
    [InlineData(" 用水报装 ,, 用电报装　", new[] { "用水报装", "用电报装" })]
    [InlineData("", new string[0])]
    public void Lists_split_on_every_separator(string value, string[] expected) => Assert.Equal(expected, WireList.Split(value));

    [Theory]
    [InlineData("2026年11月26日")]
    [InlineData("2026年 11月 26日")]
    [InlineData("2026-11-26")]
    [InlineData("2026/11/26")]
    [InlineData("２０２６年１１月２６日")]
    [InlineData("２０２６－１１－２６")]
    public void Form_dates_in_three_styles(string typed)
    {
        Assert.True(BeijingTime.TryParseFormDate(typed, out var date));
        Assert.Equal(new DateOnly(2026, 11, 26), date);
    }

    [Theory]
    [InlineData("2026年2月30日")]
    [InlineData("26/11/2026")]
    [InlineData("下周一")]
    [InlineData("")]
    public void Other_dates_are_not_read(string typed) => Assert.False(BeijingTime.TryParseFormDate(typed, out _));

    [Fact]
    public void Hubei_submit_time_is_beijing_time()
    {
        Assert.True(BeijingTime.TryParse("2026/11/23 09:30:12", out var at));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 12, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0.4 ", 0.4)]
    [InlineData("-5", -5)]
    public void Plain_numbers(string text, double expected)
    {
        Assert.True(WireNumber.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,200")]
    [InlineData("1e3")]
    [InlineData("１２０")]
    [InlineData("120吨")]
    public void Anything_else_is_not_a_plain_number(string text) => Assert.False(WireNumber.TryParseDecimal(text, out _));
}
