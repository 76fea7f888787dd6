using AutoMapper;
using Gateway.Adapters.Portals.Zhejiang;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Adapters.Portals;

/// <summary>
/// The one place the host learns about portal adapters: their services, their AutoMapper profiles and their
/// endpoints. Adding a portal means adding its folder and one line in each method here.
/// </summary>
public static class PortalAdapters
{
    public static IServiceCollection AddPortalAdapters(this IServiceCollection services)
    {
        services.AddSingleton<ZhejiangValidator>();
        return services;
    }

    /// <summary>Every portal's wire-to-canonical profile.</summary>
    public static void AddProfiles(IMapperConfigurationExpression configuration)
    {
        configuration.AddProfile<ZhejiangProfile>();
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZhejiangPortal();
        return endpoints;
    }
}
