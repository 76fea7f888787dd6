using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Adapters.Portals.Zhejiang;

/// <summary><c>POST /api/portals/zhejiang/applications</c>: signed JSON push of 浙江"一件事".</summary>
public static class ZhejiangEndpoint
{
    public const string Route = "/api/portals/zhejiang/applications";

    public static IEndpointConventionBuilder MapZhejiangPortal(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync)
            .AddEndpointFilter<SignedRequestFilter>()
            .WithTags("portals")
            .WithName("ZhejiangApplications");

    private static async Task<IResult> HandleAsync(HttpContext http, ZhejiangValidator validator, IApplicationIntake intake)
    {
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return IntakeResponses.UnsupportedMediaType("application/json");

        var (application, malformed) = PortalJson.Read<ZhejiangApplication>(SignedRequestFilter.BodyOf(http));
        if (application is null) return malformed!;

        var errors = validator.Validate(application);
        if (errors.Any) return Problems.Validation(errors.All);

        var canonical = ZhejiangMapper.ToCanonical(application);
        return IntakeResponses.From(await intake.AcceptAsync(canonical, http.RequestAborted));
    }
}
