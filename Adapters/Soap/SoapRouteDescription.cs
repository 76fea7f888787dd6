using Gateway.Adapters.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Soap;

/// <summary>
/// How a SOAP route appears in the OpenAPI document: a text/xml envelope in, an envelope or a SOAP fault out, and its
/// WSDL (the contract a SOAP client is generated from) named in the description.
/// </summary>
public static class SoapRouteDescription
{
    private const string SoapMediaType = "text/xml";

    public static RouteHandlerBuilder DescribeSoapOperation(this RouteHandlerBuilder route, string summary, string soapRoute) =>
        route.WithSummary(summary)
            .WithDescription($"SOAP 1.1：请求与应答均为 text/xml 信封，契约见 WSDL `GET {soapRoute}?wsdl` (the WSDL is the contract; " +
                "generate the SOAP client from it). 错误以 SOAP Fault 返回 (errors come back as a SOAP fault with the HTTP status shown).")
            .DescribesRequestBody<string>(SoapMediaType)
            .Produces<string>(StatusCodes.Status200OK, SoapMediaType)
            .Produces<string>(StatusCodes.Status400BadRequest, SoapMediaType)
            .Produces<string>(StatusCodes.Status401Unauthorized, SoapMediaType)
            .Produces<string>(StatusCodes.Status403Forbidden, SoapMediaType)
            .Produces<string>(StatusCodes.Status404NotFound, SoapMediaType)
            .Produces<string>(StatusCodes.Status409Conflict, SoapMediaType)
            .Produces<string>(StatusCodes.Status413PayloadTooLarge, SoapMediaType)
            .Produces<string>(StatusCodes.Status415UnsupportedMediaType, SoapMediaType)
            .Produces<string>(StatusCodes.Status500InternalServerError, SoapMediaType)
            .Produces<string>(StatusCodes.Status503ServiceUnavailable, SoapMediaType);

    public static RouteHandlerBuilder DescribeWsdl(this RouteHandlerBuilder route, string summary) =>
        route.WithSummary(summary)
            .WithDescription("以 `?wsdl` 查询 (call with the `wsdl` query parameter); 公开、无需签名 (public, unsigned).")
            .Produces<string>(StatusCodes.Status200OK, SoapMediaType)
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithMetadata(new WsdlQuery());
}

/// <summary>Marks a WSDL route: the document shows its required <c>wsdl</c> query parameter.</summary>
public sealed record WsdlQuery;
