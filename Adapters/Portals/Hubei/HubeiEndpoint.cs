using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
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
            .RequireSignedCaller(PortalCaller.Only(PortalIds.Hubei))
            .WithTags("portals")
            .WithName("HubeiApplications")
            .WithSummary("鄂汇办 / 湖北政务服务网表单推送 (Hubei portal pushes its form-engine application)")
            .DescribesRequestBody<HubeiApplication>("application/json")
            .WithRequestSample("application/json", "hubei/ezhou-logistics-park.json")
            .ProducesIntakeAnswers();

    private static Task<IResult> HandleAsync(HttpContext http, HubeiValidator validator, IApplicationIntake intake) =>
        new PortalPipeline<HubeiForm>(Read, validator.Validate, HubeiMapper.ToCanonical, IntakeAnswers.Rest)
            .HandleAsync(http, intake);

    /// <summary>Strict JSON, then the form engine's field list read into named fields (validated and mapped as a form).</summary>
    private static (HubeiForm? Value, IResult? Problem) Read(HttpRequest request, byte[] body)
    {
        var (application, problem) = PortalJson.ReadRequest<HubeiApplication>(request, body);
        return application is null ? (null, problem) : (HubeiForm.Read(application), null);
    }
}
