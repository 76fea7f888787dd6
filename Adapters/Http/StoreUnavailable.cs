using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Http;

/// <summary>
/// The store cannot be reached right now (restarting, refusing connections, a pooled connection cut by a restart):
/// a caller is told to come back (503 with Retry-After), not that the gateway is broken (500). The transaction that
/// would have stored the request either committed whole or not at all, so a retry is always safe.
/// </summary>
public static class StoreUnavailable
{
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException db && (db.IsTransient || db.SqlState is { } state && IsUnavailableState(state)))
                return true;
        return false;
    }

    /// <summary>Connection exceptions (class 08), operator intervention such as a shutdown (57P0x), too many connections.</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) || state == "53300";

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "STORE_UNAVAILABLE", "服务暂不可用",
            $"存储暂时无法访问，请求未被受理，请 {RetryAfterSeconds} 秒后重试");
    }
}
