namespace Gateway.Contracts.Identifiers;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, check character mod 31.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Shape only: 18 characters from the code alphabet (no I, O, S, V, Z).</summary>
    public static bool HasValidShape(string? code) =>
        code is { Length: 18 } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public static bool HasValidCheckCharacter(string code)
    {
        if (!HasValidShape(code)) return false;
        return code[17] == CheckCharacter(code.AsSpan(0, 17));
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
