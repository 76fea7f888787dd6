using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary><c>POST /api/portals/hubei/applications</c>: signed JSON form-engine push of 鄂汇办 / 湖北政务服务网.</summary>
public static class HubeiEndpoint
{
    public const string Route = "/api/portals/hubei/applications";

    public static IEndpointConventionBuilder MapHubeiPortal(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync)
            .AddEndpointFilter<SignedRequestFilter>()
            .WithTags("portals")
            .WithName("HubeiApplications");

    private static async Task<IResult> HandleAsync(HttpContext http, HubeiValidator validator, IApplicationIntake intake)
    {
        if (PortalCaller.RefuseUnless(http, PortalIds.Hubei) is { } refused) return refused;
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return IntakeResponses.UnsupportedMediaType("application/json");

        var (application, malformed) = PortalJson.Read<HubeiApplication>(SignedRequestFilter.BodyOf(http));
        if (application is null) return malformed!;

        var form = HubeiForm.Read(application);
        var errors = validator.Validate(form);
        if (errors.Any) return Problems.Validation(errors.All);

        var canonical = HubeiMapper.ToCanonical(form);
        return IntakeResponses.From(await intake.AcceptAsync(canonical, http.RequestAborted));
    }
}
