using Gateway.Adapters.Http;
using Gateway.Application.Security;

namespace Gateway.Host.Security;

/// <summary>The role a bearer-token route needs, as endpoint metadata: the OpenAPI document shows it per operation.</summary>
public sealed record RequiredAdminRole(AdminRole Role);

public static class AdminRoleRoute
{
    /// <summary>Bearer token of at least <paramref name="role"/> (401 without a known token, 403 below the role).</summary>
    public static TBuilder RequireAdminRole<TBuilder>(this TBuilder route, AdminRole role) where TBuilder : IEndpointConventionBuilder =>
        route.WithMetadata(new RequiredAdminRole(role))
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .AddEndpointFilter(AdminAuthorization.Require(role));
}
