using System.Net.Mime;
using System.Xml;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Adapters.Soap;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
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
            .RequireSignedCaller(PortalCaller.Only(PortalIds.Henan))
            .WithTags("portals")
            .WithName("HenanApplications")
            .WithSummary("河南政务服务网 XML 报装申请推送 (Henan portal pushes an XML application)")
            .WithDescription($"请求体为 XML，根元素 <{HenanXmlReader.Root}>。字符集 (charset) 由 XML 声明决定，不看 Content-Type：" +
                "UTF-8（无声明时的默认）、GBK、GB2312、GB18030；其他编码与 DTD 被拒绝 (400 MALFORMED_BODY)。" +
                " The XML declaration decides the encoding (UTF-8 by default, or GBK / GB2312 / GB18030); the Content-Type charset is " +
                "not consulted; a DTD or any other encoding is refused. Content-Type application/xml or text/xml, else 415.")
            .DescribesRequestBody<string>("application/xml", "text/xml")
            .WithRequestSample("application/xml", "henan/xinxian-tea-factory.xml")
            .ProducesIntakeAnswers();

    private static Task<IResult> HandleAsync(HttpContext http, HenanValidator validator, IApplicationIntake intake) =>
        new PortalPipeline<HenanApplication>(Read, validator.Validate, HenanMapper.ToCanonical, IntakeAnswers.Rest)
            .HandleAsync(http, intake);

    private static (HenanApplication? Value, IResult? Problem) Read(HttpRequest request, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(MediaTypeNames.Application.Xml, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(MediaTypeNames.Text.Xml, StringComparison.OrdinalIgnoreCase)))
            return (null, IntakeResponses.UnsupportedMediaType("application/xml 或 text/xml"));

        HenanApplication? application;
        try
        {
            // The XML declaration decides the encoding (a Content-Type charset is not consulted).
            application = HenanXmlReader.Read(SafeXml.Load(body));
        }
        catch (XmlException ex)
        {
            return (null, MalformedXml(ex.LineNumber > 0 ? $"第 {ex.LineNumber} 行第 {ex.LinePosition} 列：XML 格式错误、含有被禁止的 DTD 或声明了不支持的编码" : "XML 格式错误或声明了不支持的编码"));
        }
        return application is null ? (null, MalformedXml($"根元素应为 <{HenanXmlReader.Root}>")) : (application, null);
    }

    private static IResult MalformedXml(string detail) =>
        Problems.Result(StatusCodes.Status400BadRequest, "MALFORMED_BODY", "请求体不是有效的 XML", detail);
}
