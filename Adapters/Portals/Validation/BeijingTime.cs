using System.Globalization;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>Portal times: an ISO-8601 value without an offset is Beijing time (UTC+08:00).</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/M/d H:mm:ss",
    ];

    public static bool TryParse(string? value, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = value.Trim();
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local, Offset);
            return true;
        }
        // Only accept explicit offsets here; offset-less forms were handled above.
        return (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    public static DateTimeOffset Parse(string value) =>
        TryParse(value, out var at) ? at : throw new FormatException($"'{value}' is not a portal time");

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static readonly string[] FormDateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy年M月d日"];

    /// <summary>
    /// A date as people type it into a form: 2026-11-26, 2026/11/26 or 2026年11月26日, full-width digits
    /// included (NFKC folds ２０２６ to 2026).
    /// </summary>
    public static bool TryParseFormDate(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal);
        return DateOnly.TryParseExact(text, FormDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static DateTimeOffset ToBeijing(DateTimeOffset at) => at.ToOffset(Offset);
}
