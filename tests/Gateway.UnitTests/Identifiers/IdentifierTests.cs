using Gateway.Contracts.Identifiers;

namespace Gateway.UnitTests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("91350200776049653A")] // docs/lifecycle.md's example
    [InlineData("91330621MA2D8Q5X1A")] // docs/portals.md's Zhejiang sample
    public void Valid_uscc_passes_the_check_character(string code)
    {
        Assert.True(UnifiedSocialCreditCode.HasValidShape(code));
        Assert.True(UnifiedSocialCreditCode.HasValidCheckCharacter(code));
    }

    [Fact]
    public void Check_character_is_computed_with_the_gb32100_weights()
    {
        // The rule as docs/lifecycle.md states it, written out independently of the implementation.
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first17 = "91350200776049653";
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        var expected = alphabet[(31 - sum % 31) % 31];
        Assert.Equal('A', expected); // the published example ends in A
        Assert.Equal(expected, UnifiedSocialCreditCode.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("91330621MA2D8Q5X1B")] // wrong check character
    [InlineData("91350200776049653B")]
    public void Wrong_check_character_fails(string code)
    {
        Assert.True(UnifiedSocialCreditCode.HasValidShape(code));
        Assert.False(UnifiedSocialCreditCode.HasValidCheckCharacter(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9135020077604965")]    // 16 characters
    [InlineData("91350200776049653AA")] // 19
    [InlineData("91350200776O49653A")]  // letter O is not in the alphabet
    [InlineData("91350200776i49653A")]  // lower case
    public void Malformed_uscc_has_no_valid_shape(string code) => Assert.False(UnifiedSocialCreditCode.HasValidShape(code));

    [Theory]
    [InlineData("2026-330603-44-01-100231", "330603")]
    [InlineData("2026-420704-44-01-00087X", "420704")]
    public void Project_code_yields_its_admin_code(string code, string admin) => Assert.Equal(admin, ProjectCode.AdminCodeOf(code));

    [Theory]
    [InlineData("2026-330603-44-01-10023")]
    [InlineData("26-330603-44-01-100231")]
    [InlineData("2026330603-44-01-100231")]
    [InlineData("2026-33060-44-01-100231")]
    public void Malformed_project_codes_are_refused(string code)
    {
        Assert.False(ProjectCode.HasValidShape(code));
        Assert.Null(ProjectCode.AdminCodeOf(code));
    }

    [Theory]
    [InlineData("13905851234", true)]
    [InlineData("+8613905851234", true)]
    [InlineData("0575-84123456", true)]
    [InlineData("027-60000000", true)]
    [InlineData("010-12345678-123", true)]
    [InlineData("12905851234", false)]
    [InlineData("1390585123", false)]
    [InlineData("575-84123456", false)]
    public void Phones_are_mobile_or_landline(string phone, bool valid) => Assert.Equal(valid, PhoneNumber.IsValid(phone));

    [Fact]
    public void Case_numbers_carry_the_region_and_day_and_sort_by_the_time_of_acceptance()
    {
        var beijing = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, beijing);
        var times = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(125), TimeSpan.FromSeconds(1), TimeSpan.FromHours(13.5), new TimeSpan(23, 59, 59) + TimeSpan.FromMilliseconds(875) };
        var numbers = times.Select(t => CaseNumber.New("keqiao", start + t)).ToList();
        Assert.All(numbers, n => Assert.Matches("^keqiao-20261127-[0-9A-HJKMNP-TV-Z]{12}$", n));
        Assert.Equal("0000", numbers[0][16..20]);
        Assert.Equal("0001", numbers[1][16..20]);
        Assert.Equal("N2ZZ", numbers[^1][16..20]); // 691,199 eighths, the day's last, in base 32
        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
        // Accepted in the same eighth of a second: told apart by the eight random characters.
        var same = Enumerable.Range(0, 1000).Select(_ => CaseNumber.New("keqiao", start)).ToHashSet();
        Assert.Equal(1000, same.Count);
    }
}
