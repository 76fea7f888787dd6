using System.ServiceModel;
using System.Xml.Serialization;

namespace Gateway.IntegrationTests.Portals.Wcf;

// A department system's side of /soap/departments?wsdl, by hand as dotnet-svcutil would generate it: document/literal,
// XmlSerializer, the schema's lower-case element names in urn:hookup:counterpart:v1.

[ServiceContract(Namespace = DecisionsClientContract.Ns, Name = "DecisionsPort")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public interface IDecisionsPort
{
    [OperationContract(Action = "urn:hookup:counterpart:v1/ReportDecision", ReplyAction = "*")]
    [FaultContract(typeof(GatewayErrorList), Name = "Error", Namespace = DecisionsClientContract.Ns)]
    Task<ReportDecisionResponseMessage> ReportDecisionAsync(ReportDecisionRequest request);
}

public static class DecisionsClientContract
{
    public const string Ns = "urn:hookup:counterpart:v1";
}

[MessageContract(IsWrapped = false)]
public sealed class ReportDecisionRequest
{
    [MessageBodyMember(Namespace = DecisionsClientContract.Ns, Order = 0)]
    public ReportDecision ReportDecision { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class ReportDecisionResponseMessage
{
    [MessageBodyMember(Namespace = DecisionsClientContract.Ns, Order = 0)]
    public ReportDecisionResponse ReportDecisionResponse { get; set; } = new();
}

public enum Decision { NOT_INVOLVED, INVOLVED, SURVEY_REQUIRED, APPROVED, REJECTED, NEEDS_MORE_INFO, MATERIALS_COMPLETE }

[XmlType(AnonymousType = true, Namespace = DecisionsClientContract.Ns)]
public sealed class ReportDecision
{
    [XmlElement("eventId", Order = 0)] public string EventId { get; set; } = "";
    [XmlElement("dispatchId", Order = 1)] public string DispatchId { get; set; } = "";
    [XmlElement("decision", Order = 2)] public Decision Decision { get; set; }
    [XmlElement("permitNo", Order = 3)] public string? PermitNo { get; set; }
    [XmlElement("at", Order = 4)] public DateTime At { get; set; }
    [XmlElement("reason", Order = 5)] public string? Reason { get; set; }
}

[XmlType(AnonymousType = true, Namespace = DecisionsClientContract.Ns)]
public sealed class ReportDecisionResponse
{
    [XmlElement(Order = 0)] public string Status { get; set; } = "";
}
