using System.Xml;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Gateway.IntegrationTests.Portals.Wcf;

/// <summary>One <c>&lt;Error Field="…" Code="…"&gt;message&lt;/Error&gt;</c> of a fault's detail.</summary>
public sealed record GatewayError(string? Field, string Code, string Message);

/// <summary>
/// The typed detail of the gateway's soap:Client faults: every <c>tns:Error</c> element of <c>detail</c>. The WSDL's
/// fault part is one <c>tns:Error</c>, and the gateway repeats it once per problem; WCF reads a fault detail as one
/// object and refuses content left over after it, so this type reads the whole run of sibling Error elements.
/// </summary>
public sealed class GatewayErrorList : IXmlSerializable
{
    private readonly List<GatewayError> _errors = [];

    public IReadOnlyList<GatewayError> Errors => _errors;

    /// <summary>The namespace of the Error elements: the namespace of the first one read.</summary>
    public string Namespace { get; private set; } = "";

    XmlSchema? IXmlSerializable.GetSchema() => null;

    void IXmlSerializable.ReadXml(XmlReader reader)
    {
        reader.MoveToContent();
        Namespace = reader.NamespaceURI;
        while (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Error" && reader.NamespaceURI == Namespace)
        {
            var field = reader.GetAttribute("Field");
            var code = reader.GetAttribute("Code") ?? throw new XmlException("Error without Code");
            _errors.Add(new GatewayError(field, code, reader.ReadElementContentAsString()));
            reader.MoveToContent();
        }
    }

    void IXmlSerializable.WriteXml(XmlWriter writer) => throw new NotSupportedException("a client only reads faults");
}
