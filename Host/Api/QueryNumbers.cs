using System.Globalization;
using Gateway.Adapters.Portals.Validation;

namespace Gateway.Host.Api;

/// <summary>Paging numbers from a query string, with a field error when out of range.</summary>
public static class QueryNumbers
{
    public static int Page(string field, string? value, int fallback, int min, int max, FieldErrors errors)
    {
        if (value is null) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(field, ErrorCodes.OutOfRange, $"{field} 应为 {min}–{max} 的整数");
        return fallback;
    }
}
