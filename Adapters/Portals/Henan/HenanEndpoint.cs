using System.Xml;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
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

namespace Gateway.Adapters.Portals.Henan;

/// <summary><c>POST /api/portals/henan/applications</c>: signed XML push of 河南政务服务网 (UTF-8 or GBK/GB2312/GB18030).</summary>
public static class HenanEndpoint
{
    public const string Route = "/api/portals/henan/applications";

    public static IEndpointConventionBuilder MapHenanPortal(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync)
            .AddEndpointFilter<SignedRequestFilter>()
            .WithTags("portals")
            .WithName("HenanApplications");

    private static async Task<IResult> HandleAsync(HttpContext http, HenanValidator validator, IApplicationIntake intake)
    {
        if (PortalCaller.RefuseUnless(http, PortalIds.Henan) is { } refused) return refused;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)))
            return IntakeResponses.UnsupportedMediaType("application/xml 或 text/xml");

        HenanApplication? application;
        try
        {
            // The XML declaration decides the encoding (a Content-Type charset is not consulted).
            application = HenanXmlReader.Read(SafeXml.Load(SignedRequestFilter.BodyOf(http)));
        }
        catch (XmlException ex)
        {
            return MalformedXml(ex.LineNumber > 0 ? $"第 {ex.LineNumber} 行第 {ex.LinePosition} 列：XML 格式错误、含有被禁止的 DTD 或声明了不支持的编码" : "XML 格式错误或声明了不支持的编码");
        }
        if (application is null) return MalformedXml($"根元素应为 <{HenanXmlReader.Root}>");

        var errors = validator.Validate(application);
        if (errors.Any) return Problems.Validation(errors.All);

        var canonical = HenanMapper.ToCanonical(application);
        return IntakeResponses.From(await intake.AcceptAsync(canonical, http.RequestAborted));
    }

    private static IResult MalformedXml(string detail) =>
        Problems.Result(StatusCodes.Status400BadRequest, "MALFORMED_BODY", "请求体不是有效的 XML", detail);
}
