using System.Xml.Linq;

namespace Gateway.Adapters.Soap;

/// <summary>
/// Endpoint metadata naming the one document/literal operation a SOAP endpoint serves: the namespace of its
/// payload (also used for fault detail entries), the payload element and the SOAPAction it must carry.
/// </summary>
public sealed record SoapOperation(XNamespace Namespace, string Name, string Action)
{
    /// <summary>SOAP 1.1 quotes the SOAPAction value; clients that leave the quotes off are accepted too.</summary>
    public bool MatchesAction(string? soapActionHeader)
    {
        var value = soapActionHeader?.Trim();
        if (value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        return string.Equals(value, Action, StringComparison.Ordinal);
    }

    public XName PayloadName => Namespace + Name;
}
