using System.Globalization;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// Plain decimal numbers as XML portals write them (“120”, “0.4”, “-5”). A sign is read so that a negative
/// value is reported as out of range rather than as a format error; no thousands separators or exponents.
/// </summary>
public static class WireNumber
{
    private const NumberStyles Style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);

    public static bool TryParseInteger(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out value);

    /// <summary>For mapping a validated value: null when blank.</summary>
    public static decimal? Decimal(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TryParseDecimal(text, out var value) ? value
        : throw new FormatException($"'{text}' is not a number");

    /// <summary>For mapping a validated value: null when blank.</summary>
    public static int? Integer(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TryParseInteger(text, out var value) ? value
        : throw new FormatException($"'{text}' is not a whole number");
}
