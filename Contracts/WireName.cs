using System.Text;

namespace Gateway.Contracts;

/// <summary>
/// The wire spelling of every enumeration in the agreements is UPPER_SNAKE (e.g. <c>PARALLEL_APPROVAL</c>);
/// C# keeps PascalCase. This is the one place that converts between them — for the wire and for the store's columns
/// (statuses, kinds, timeline types are stored under the same names).
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : ToUpperSnake(value.ToString());

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(wire)) return false;
        var compact = wire.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Reject numeric strings: Enum.TryParse would accept "3".
        if (compact.All(char.IsDigit)) return false;
        return Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static TEnum Parse<TEnum>(string wire) where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(wire, out var known) ? known :
        TryParse<TEnum>(wire, out var value)
            ? value
            : throw new FormatException($"'{wire}' is not a {typeof(TEnum).Name}");

    public static string ToUpperSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Each enumeration's names, computed once: the store and the wire convert on every row.</summary>
    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => ToUpperSnake(v.ToString()));
        public static readonly IReadOnlyDictionary<string, TEnum> ByName =
            ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
