using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary>
/// A number as typed into the form, with or without its unit and spaces: “120吨/日”, “200 kW”, “５００Ｍ”,
/// “300m³/d”. Full-width characters (digits, ．, letters, ／) and m³ are folded by NFKC before reading.
/// </summary>
public static partial class HubeiQuantity
{
    /// <summary>The units one field accepts (compared case-insensitively after NFKC) and how to name them in a message.</summary>
    public sealed record Units(string Description, params string[] Accepted);

    public static readonly Units DailyTons = new("吨/日 或 t/d", "吨/日", "t/d");
    public static readonly Units DailyM3 = new("立方米/日、m³/d 或 m3/d", "立方米/日", "m3/d");
    /// <summary>kW is taken 1:1 as kVA, as the one-form's “千伏安（千瓦）” does.</summary>
    public static readonly Units Capacity = new("千伏安、kVA、千瓦 或 kW", "千伏安", "kva", "千瓦", "kw");
    public static readonly Units Voltage = new("千伏 或 kV", "千伏", "kv");
    public static readonly Units Bandwidth = new("M 或 Mbps", "m", "mbps");
    public static readonly Units Users = new("人", "人");
    public static readonly Units Metres = new("米 或 m", "米", "m");

    [GeneratedRegex(@"^(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))(?<unit>.*)$")]
    private static partial Regex Shape();

    public static bool TryParse(string? typed, Units units, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(typed)) return false;
        var text = string.Concat(typed.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        var match = Shape().Match(text);
        if (!match.Success) return false;
        var unit = match.Groups["unit"].Value;
        if (unit.Length > 0 && !units.Accepted.Any(u => string.Equals(u, unit, StringComparison.OrdinalIgnoreCase))) return false;
        return decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>For mapping a validated value: null when blank.</summary>
    public static decimal? Read(string? typed, Units units) =>
        string.IsNullOrWhiteSpace(typed) ? null
        : TryParse(typed, units, out var value) ? value
        : throw new FormatException($"'{typed}' is not a quantity in {units.Description}");
}
