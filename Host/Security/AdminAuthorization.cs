using System.Security.Cryptography;
using System.Text;
using Gateway.Adapters.Http;
using Gateway.Contracts.Json;

using Gateway.Application.Security;

namespace Gateway.Host.Security;

/// <summary>Bearer-token check for the admin and query API: 401 without a known token, 403 below the role.</summary>
public sealed class AdminAuthorization(IReadOnlyList<AdminToken> tokens)
{
    private const string CallerKey = "gw.admin";

    public AdminToken? Find(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim());
        return tokens.FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t.Token), presented));
    }

    public static AdminToken CallerOf(HttpContext context) =>
        context.Items[CallerKey] as AdminToken ?? throw new InvalidOperationException("endpoint is not behind RequireAdminRole");

    /// <summary>Endpoint filter factory: <c>.AddEndpointFilter(AdminAuthorization.Require(AdminRole.Viewer))</c>.</summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Require(AdminRole role) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            var auth = http.RequestServices.GetRequiredService<AdminAuthorization>();
            var token = auth.Find(http.Request.Headers.Authorization.ToString());
            if (token is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problems.Result(StatusCodes.Status401Unauthorized, "TOKEN_INVALID", "缺少或无效的访问令牌");
            }
            if (token.Role < role)
                return Problems.Result(StatusCodes.Status403Forbidden, "ROLE_TOO_LOW", "权限不足", $"需要 {role.ToString().ToLowerInvariant()} 角色");
            http.Items[CallerKey] = token;
            return await next(context);
        };
}
