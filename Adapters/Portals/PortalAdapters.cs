using Gateway.Adapters.Portals.Henan;
using Gateway.Adapters.Portals.Hubei;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Adapters.Portals.Zhejiang;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Adapters.Portals;

/// <summary>
/// The one place the host learns about portal adapters: their services and their endpoints
/// (each portal's wire-to-canonical mapper is a compile-time Mapperly class in its folder). Adding a portal means adding its folder and one line in each method here.
/// </summary>
public static class PortalAdapters
{
    public static IServiceCollection AddPortalAdapters(this IServiceCollection services)
    {
        services.AddSingleton<ZhejiangValidator>();
        services.AddSingleton<HenanValidator>();
        services.AddSingleton<HubeiValidator>();
        services.AddSingleton<ProjectApprovalValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZhejiangPortal();
        endpoints.MapHenanPortal();
        endpoints.MapHubeiPortal();
        endpoints.MapProjectApprovalPortal();
        return endpoints;
    }
}
