using Gateway.Contracts.Privacy;

namespace Gateway.UnitTests.Security;

public sealed class PersonalDataMaskTests
{
    [Fact]
    public void Phones_keep_the_first_three_and_last_four_digits()
    {
        Assert.Equal("139****1234", PersonalDataMask.Phone("13905851234"));
        Assert.Equal("057******3456", PersonalDataMask.Phone("0575-84123456"));
    }

    [Fact]
    public void Uscc_keeps_the_first_and_last_four() =>
        Assert.Equal("9133**********5X1A", PersonalDataMask.Uscc("91330621MA2D8Q5X1A"));

    [Fact]
    public void Free_text_is_scrubbed_of_phones_and_usccs()
    {
        var masked = PersonalDataMask.InText("联系人电话 13905851234，信用代码 91330621MA2D8Q5X1A，座机 0575-84123456，订单 12345");
        Assert.DoesNotContain("13905851234", masked);
        Assert.DoesNotContain("91330621MA2D8Q5X1A", masked);
        Assert.DoesNotContain("84123456", masked);
        Assert.Contains("139****1234", masked);
        Assert.Contains("订单 12345", masked);
    }

    [Fact]
    public void Digits_inside_identifiers_are_not_mistaken_for_phones()
    {
        const string id = "dsp-01a2086d38847a02913905851234a56c";
        Assert.Equal($"dispatch {id} sent", PersonalDataMask.InText($"dispatch {id} sent"));
    }
}
