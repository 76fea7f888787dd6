using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Portals;
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
            .RequireSignedCaller(PortalCaller.Only(PortalIds.Zhejiang))
            .WithTags("portals")
            .WithName("ZhejiangApplications")
            .WithSummary("浙江“一件事”报装申请推送 (Zhejiang portal pushes a hookup application)")
            .DescribesRequestBody<ZhejiangApplication>("application/json")
            .WithRequestSample("application/json", "zhejiang/keqiao-factory.json")
            .ProducesIntakeAnswers();

    private static Task<IResult> HandleAsync(HttpContext http, ZhejiangValidator validator, IApplicationIntake intake) =>
        new PortalPipeline<ZhejiangApplication>(PortalJson.ReadRequest<ZhejiangApplication>, validator.Validate,
            ZhejiangMapper.ToCanonical, IntakeAnswers.Rest).HandleAsync(http, intake);
}
