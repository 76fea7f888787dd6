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

    /// <summary>The deepest row a page may start at: beyond it (page × pageSize) would overflow the database's offset.</summary>
    public const long MaxOffset = 10_000_000;

    /// <summary>A field error on <c>page</c> when the page starts past <see cref="MaxOffset"/> (e.g. page=2147483647).</summary>
    public static void CheckOffset(int page, int pageSize, FieldErrors errors)
    {
        if ((long)(page - 1) * pageSize > MaxOffset)
            errors.Add("page", ErrorCodes.OutOfRange, $"page × pageSize 不能超过 {MaxOffset}（请缩小页码或按时间范围筛选）");
    }
}
