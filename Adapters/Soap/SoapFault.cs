using System.Xml.Linq;
using Gateway.Adapters.Http;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Soap;

/// <summary>
/// A SOAP 1.1 fault as the answer to a request. <c>detail</c> lists one
/// <c>&lt;Error Field="…" Code="…"&gt;message&lt;/Error&gt;</c> per problem, in the namespace of the endpoint's
/// <see cref="SoapOperation"/>; <c>Code</c> is the same stable UPPER_SNAKE code the REST portals use.
/// </summary>
public sealed class SoapFault(int status, string faultCode, string faultString, IReadOnlyList<FieldError> errors) : IResult
{
    /// <summary>
    /// The schema of one <c>Error</c> entry of a fault's detail, shared by both WSDLs (each declares it in its own target
    /// namespace): text = the message, <c>Field</c> = the field path, <c>Code</c> = the stable problem code.
    /// </summary>
    public const string ErrorSchemaElement = """
        <xs:element name="Error">
                        <xs:annotation><xs:documentation>soap:Client 故障 detail 中的一处问题</xs:documentation></xs:annotation>
                        <xs:complexType>
                          <xs:simpleContent>
                            <xs:extension base="xs:string">
                              <xs:attribute name="Field" type="xs:string" use="optional"/>
                              <xs:attribute name="Code" type="xs:string" use="required"/>
                            </xs:extension>
                          </xs:simpleContent>
                        </xs:complexType>
                      </xs:element>
        """;

    public int Status => status;
    public string FaultCode => faultCode;
    public string FaultString => faultString;
    public IReadOnlyList<FieldError> Errors => errors;

    /// <summary>
    /// The caller's fault (<c>soap:Client</c>). <paramref name="status"/> is 500 for problems found in the SOAP
    /// message (SOAP 1.1 §6.2, WS-I BP R1126) and a 4xx for HTTP-level ones (signature 401, size 413, media type 415).
    /// </summary>
    public static SoapFault Client(int status, string code, string message, string field = "") =>
        new(status, "soap:Client", message, [new FieldError(field, code, message)]);

    /// <summary>Validation problems: <c>soap:Client</c>, HTTP 500, every problem listed.</summary>
    public static SoapFault Validation(IReadOnlyList<FieldError> errors) =>
        new(StatusCodes.Status500InternalServerError, "soap:Client", $"申请内容校验未通过（共 {errors.Count} 处问题）", errors);

    /// <summary>The gateway's own failure (<c>soap:Server</c>, HTTP 500); details go to the log, not to the caller.</summary>
    public static SoapFault Server(string traceId) =>
        new(StatusCodes.Status500InternalServerError, "soap:Server", $"网关内部错误，请联系运维人员并提供追踪号 {traceId}",
            [new FieldError("", "INTERNAL_ERROR", $"追踪号 {traceId}")]);

    /// <summary>The store cannot be reached (<c>soap:Server</c>, HTTP 503): nothing was accepted, try again after Retry-After.</summary>
    public static SoapFault Unavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "soap:Server", $"存储暂时无法访问，请求未被受理，请 {StoreUnavailable.RetryAfterSeconds} 秒后重试",
            [new FieldError("", "STORE_UNAVAILABLE", "存储暂时无法访问")]);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var ns = httpContext.GetEndpoint()?.Metadata.GetMetadata<SoapOperation>()?.Namespace ?? XNamespace.None;
        var fault = new XElement(SoapEnvelope.Soap11 + "Fault",
            // faultcode, faultstring and detail are unqualified (SOAP 1.1 §4.4).
            new XElement("faultcode", faultCode),
            new XElement("faultstring", faultString),
            new XElement("detail", errors.Select(e => new XElement(ns + "Error",
                e.Field.Length > 0 ? new XAttribute("Field", e.Field) : null,
                new XAttribute("Code", e.Code),
                e.Message))));
        return SoapEnvelope.WriteAsync(httpContext, status, fault);
    }
}
