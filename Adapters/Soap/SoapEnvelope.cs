using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Soap;

/// <summary>SOAP 1.1 envelopes: unwrapping a request's body element and writing a response or fault envelope.</summary>
public static class SoapEnvelope
{
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>
    /// The payload (first child of soap:Body) of a request envelope, or the fault to answer with. Not well-formed XML
    /// (a DTD included) is answered 400 as WS-I Basic Profile R1113 asks; a well-formed message that is not a usable
    /// SOAP 1.1 envelope gets the fault SOAP 1.1 §4.4 names for it, with HTTP 500.
    /// </summary>
    public static (XElement? Payload, SoapFault? Fault) Read(byte[] body)
    {
        XDocument document;
        try
        {
            document = SafeXml.Load(body);
        }
        catch (XmlException ex)
        {
            var where = ex.LineNumber > 0 ? $"（第 {ex.LineNumber} 行第 {ex.LinePosition} 列）" : "";
            return (null, SoapFault.Client(StatusCodes.Status400BadRequest, "MALFORMED_BODY",
                $"请求体不是格式正确的 XML，或含有被禁止的 DTD{where}"));
        }

        var envelope = document.Root!;
        if (envelope.Name == Soap12 + "Envelope")
            return (null, new SoapFault(StatusCodes.Status500InternalServerError, "soap:VersionMismatch",
                "本接口为 SOAP 1.1，请使用 http://schemas.xmlsoap.org/soap/envelope/ 命名空间", [new("", "VERSION_MISMATCH", "仅支持 SOAP 1.1")]));
        if (envelope.Name != Soap11 + "Envelope")
            return (null, SoapFault.Client(StatusCodes.Status500InternalServerError, "NOT_A_SOAP_ENVELOPE", "请求体不是 SOAP 1.1 信封（soap:Envelope）"));

        var mustUnderstand = envelope.Element(Soap11 + "Header")?.Elements()
            .FirstOrDefault(h => (string?)h.Attribute(Soap11 + "mustUnderstand") is "1" or "true");
        if (mustUnderstand is not null)
            return (null, new SoapFault(StatusCodes.Status500InternalServerError, "soap:MustUnderstand",
                $"不支持必须理解的头部 {mustUnderstand.Name.LocalName}", [new("", "MUST_UNDERSTAND", $"不支持头部 {mustUnderstand.Name}")]));

        var payload = envelope.Element(Soap11 + "Body")?.Elements().FirstOrDefault();
        return payload is null
            ? (null, SoapFault.Client(StatusCodes.Status500InternalServerError, "EMPTY_BODY", "soap:Body 中没有请求元素"))
            : (payload, null);
    }

    /// <summary>Writes <paramref name="content"/> inside soap:Envelope/soap:Body as UTF-8 text/xml.</summary>
    public static async Task WriteAsync(HttpContext http, int status, XElement content)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Soap11 + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap11),
                new XElement(Soap11 + "Body", content)));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            document.Save(writer);
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    /// <summary>A 200 response envelope around <paramref name="content"/>.</summary>
    public static Microsoft.AspNetCore.Http.IResult Ok(XElement content) => new EnvelopeResult(content);

    private sealed class EnvelopeResult(XElement content) : Microsoft.AspNetCore.Http.IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, StatusCodes.Status200OK, content);
    }
}
