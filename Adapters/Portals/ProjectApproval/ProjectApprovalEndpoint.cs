using System.Net.Mime;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Adapters.Soap;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Contracts.Portals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// <c>POST /soap/project-approval</c>: the 工改平台's signed SOAP 1.1 SubmitHookupDemand;
/// <c>GET /soap/project-approval?wsdl</c>: its WSDL (public, unsigned, like any service description).
/// </summary>
public static class ProjectApprovalEndpoint
{
    public static IEndpointRouteBuilder MapProjectApprovalPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ProjectApprovalContract.Route, HandleAsync)
            .RequireSignedSoapCaller(new OnlyCaller(PortalIds.ProjectApproval, "调用方无权使用该接口",
                caller => $"访问密钥 {caller} 无权调用工改平台接口"))
            .WithMetadata(ProjectApprovalContract.SubmitHookupDemand)
            .WithTags("portals")
            .WithName("ProjectApprovalSubmitHookupDemand")
            .DescribeSoapOperation("工改平台报装需求 SubmitHookupDemand (project-approval platform submits a hookup demand, SOAP 1.1)",
                ProjectApprovalContract.Route)
            .WithRequestSample("text/xml", "project-approval/keqiao-textile-park.xml");
        endpoints.MapGet(ProjectApprovalContract.Route, Describe)
            .WithTags("portals")
            .WithName("ProjectApprovalWsdl")
            .DescribeWsdl("工改平台接口的 WSDL (the WSDL of the project-approval SOAP service)");
        return endpoints;
    }

    private static IResult Describe(HttpContext http)
    {
        if (!http.Request.Query.ContainsKey("wsdl"))
            return Problems.Result(StatusCodes.Status404NotFound, "NOT_FOUND", "请使用 ?wsdl 获取服务描述",
                $"GET {ProjectApprovalContract.Route}?wsdl");
        // The address is the one the caller used, so a client reading the WSDL posts back to the same host and port.
        var location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{ProjectApprovalContract.Route}";
        return Results.Text(ProjectApprovalWsdl.For(location), SoapEnvelope.ContentType);
    }

    private static Task<IResult> HandleAsync(HttpContext http, ProjectApprovalValidator validator, IApplicationIntake intake) =>
        new PortalPipeline<ProjectApprovalDemand>(Read, validator.Validate, ProjectApprovalMapper.ToCanonical, Answers)
            .HandleAsync(http, intake);

    private static readonly IntakeAnswers Answers = new(SoapFault.Validation, Receipt);

    private static (ProjectApprovalDemand? Value, IResult? Problem) Read(HttpRequest request, byte[] body)
    {
        var operation = ProjectApprovalContract.SubmitHookupDemand;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(MediaTypeNames.Text.Xml, StringComparison.OrdinalIgnoreCase))
            return (null, SoapFault.Client(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型，请使用 text/xml（SOAP 1.1）"));

        // A wrong or missing SOAPAction is an HTTP-level mistake, answered 400 before the envelope is read.
        if (!operation.MatchesAction(request.Headers["SOAPAction"]))
            return (null, SoapFault.Client(StatusCodes.Status400BadRequest, "SOAP_ACTION_MISMATCH",
                $"SOAPAction 应为 \"{operation.Action}\""));

        var (payload, fault) = SoapEnvelope.Read(body);
        if (fault is not null) return (null, fault);
        if (payload!.Name != operation.PayloadName)
            return (null, SoapFault.Client(StatusCodes.Status500InternalServerError, "UNKNOWN_OPERATION",
                $"soap:Body 中应为 {{{operation.Namespace}}}{operation.Name}，收到 {payload.Name}"));
        return (ProjectApprovalReader.Read(payload), null);
    }

    private static IResult Receipt(IntakeOutcome outcome) => outcome.Kind switch
    {
        IntakeResultKind.Conflict => SoapFault.Client(StatusCodes.Status500InternalServerError, "APPLICATION_CONFLICT",
            $"需求编号已受理为案件 {outcome.ConflictCaseId}，但本次内容与原需求不一致；请使用新的需求编号", "DemandNo"),
        IntakeResultKind.Intent => SoapEnvelope.Ok(ProjectApprovalReceipt.Of(outcome.Intent!)),
        _ => SoapEnvelope.Ok(ProjectApprovalReceipt.Of(outcome.Receipt!)),
    };
}
