using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Application.Intents;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Gateway.Host.Security;

namespace Gateway.Host.Api;

/// <summary>
/// Intent registration and 免申办 (docs/lifecycle.md): <c>POST /api/portals/{portal}/intents/confirm</c> — the owner confirms an
/// intent through a portal of its region (each portal signs for itself) — and <c>GET /api/intents/{intentId}</c> (viewer role
/// and up). Intents themselves are registered by the project-approval platform's SubmitHookupDemand at an early stage.
/// </summary>
public static class IntentEndpoints
{
    public static string ConfirmRoute(string portal) => $"/api/portals/{portal}/intents/confirm";

    public static void MapIntentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var portal in PortalIds.All)
            endpoints.MapPost(ConfirmRoute(portal), (HttpContext http, IntentConfirmation confirmation) => ConfirmAsync(portal, http, confirmation))
                .RequireSignedCaller(new OnlyCaller(portal, "调用方无权使用该接口", caller => $"访问密钥 {caller} 不能代 {portal} 确认意向登记"))
                .WithTags("portals").WithName($"{OperationNames.Portal(portal)}ConfirmIntent")
                .WithSummary($"业主确认意向登记，转为正式报装（免申办） ({portal}: the owner confirms an intent; it becomes a case, nothing asked again)")
                .DescribesRequestBody<IntentConfirmRequest>("application/json")
                .ProducesIntakeAnswers()
                .ProducesProblems(StatusCodes.Status404NotFound);

        endpoints.MapGroup("/api/intents").WithTags("intents").RequireAdminRole(AdminRole.Viewer)
            .MapGet("/{intentId}", GetIntentAsync).WithName("GetIntent")
            .WithSummary("意向登记 (intent: the project's early demand, its planning notices, timeline and the case it became); phones masked for viewers")
            .Produces<IntentView>().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ConfirmAsync(string portal, HttpContext http, IntentConfirmation confirmation)
    {
        var (request, malformed) = PortalJson.Read<IntentConfirmRequest>(SignedRequest.BodyOf(http));
        if (request is null) return malformed!;
        var errors = new FieldErrors();
        errors.Required("intentId", request.IntentId, "意向登记编号");
        errors.ApplicationNo("applicationNo", request.ApplicationNo, "申报编号");
        if (errors.Any) return Problems.Validation(errors.All);

        var (refusal, outcome) = await confirmation.ConfirmAsync(portal, request.IntentId!.Trim(), request.ApplicationNo!.Trim(), http.RequestAborted);
        return refusal switch
        {
            IntentConfirmation.Refusal.NotFound => Problems.Result(StatusCodes.Status404NotFound, "INTENT_NOT_FOUND", "意向登记不存在",
                $"本门户所服务的地区没有编号为 {request.IntentId} 的意向登记"),
            IntentConfirmation.Refusal.NotOffered => Problems.Result(StatusCodes.Status409Conflict, "INTENT_NOT_OFFERED", "该地区不办理意向登记",
                "该地区的实施方案未规定意向登记/免申办"),
            _ => IntakeResponses.From(outcome!),
        };
    }

    private static async Task<IResult> GetIntentAsync(string intentId, HttpContext http, IIntentStore store)
    {
        var document = await store.GetIntentDocumentAsync(intentId, http.RequestAborted);
        if (document is null) return Problems.Result(StatusCodes.Status404NotFound, "INTENT_NOT_FOUND", "意向登记不存在", $"没有编号为 {intentId} 的意向登记");
        var viewer = AdminAuthorization.CallerOf(http).Role == AdminRole.Viewer;
        return Results.Json(IntentView.From(document, viewer), GatewayJson.Options);
    }
}
