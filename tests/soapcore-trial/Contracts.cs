using System.ServiceModel;
using System.Xml;
using System.Xml.Schema;
using System.Xml.Serialization;

public static class Ns { public const string Gcjs = "urn:gcjs:hookup:v1"; public const string Cp = "urn:hookup:counterpart:v1"; }

[ServiceContract(Namespace = Ns.Gcjs, Name = "HookupDemandPortType")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public interface IHookupDemandPort
{
    [OperationContract(Action = "urn:gcjs:hookup:v1/SubmitHookupDemand")]
    [FaultContract(typeof(ErrorList), Name = "Error", Namespace = Ns.Gcjs)]
    SubmitHookupDemandResponseMessage SubmitHookupDemand(SubmitHookupDemandRequest request);
}

[MessageContract(IsWrapped = false)]
public class SubmitHookupDemandRequest { [MessageBodyMember(Namespace = Ns.Gcjs, Order = 0)] public SubmitHookupDemand SubmitHookupDemand { get; set; } = new(); }
[MessageContract(IsWrapped = false)]
public class SubmitHookupDemandResponseMessage { [MessageBodyMember(Namespace = Ns.Gcjs, Order = 0)] public SubmitHookupDemandResponse SubmitHookupDemandResponse { get; set; } = new(); }

[XmlType(AnonymousType = true, Namespace = Ns.Gcjs)]
public class SubmitHookupDemand
{
    [XmlElement(Order = 0)] public string? DemandNo { get; set; }
    [XmlElement(Order = 1)] public string? RegionCode { get; set; }
    [XmlElement(Order = 2)] public string? Stage { get; set; }
    [XmlElement(Order = 3)] public string? ProjectCode { get; set; }
    [XmlElement(Order = 4)] public Enterprise? Enterprise { get; set; }
    [XmlElement(Order = 5)] public WaterDemand? Water { get; set; }
    [XmlElement(Order = 6)] public WaterDemand? Gas { get; set; }
    [XmlElement(Order = 7)] public decimal DistanceToMainM { get; set; }
    [XmlIgnore] public bool DistanceToMainMSpecified { get; set; }
    [XmlElement("OuterWork", Order = 8)] public OuterWork[] OuterWork { get; set; } = [];
}
[XmlType(Namespace = Ns.Gcjs)] public class Enterprise { [XmlElement(Order = 0)] public string? Name { get; set; } [XmlElement(Order = 1)] public string? Uscc { get; set; } }
[XmlType(Namespace = Ns.Gcjs)] public class WaterDemand { [XmlElement(Order = 0)] public decimal DailyTons { get; set; } [XmlAttribute] public string? Business { get; set; } }
[XmlType(Namespace = Ns.Gcjs)] public class OuterWork { [XmlElement(Order = 0)] public decimal LengthM { get; set; } [XmlAttribute] public string? Service { get; set; } }

[XmlType(AnonymousType = true, Namespace = Ns.Gcjs)]
public class SubmitHookupDemandResponse
{
    [XmlElement(Order = 0)] public string CaseId { get; set; } = "";
    [XmlElement(Order = 1)] public string ReceiptNo { get; set; } = "";
    [XmlElement(Order = 2)] public bool Duplicate { get; set; }
}

/// <summary>Tries to write the gateway's detail: one tns:Error per problem, siblings.</summary>
[XmlRoot("Error", Namespace = Ns.Gcjs)]
public class ErrorList : IXmlSerializable
{
    internal List<(string Field, string Code, string Message)> Errors { get; } = [];
    public XmlSchema? GetSchema() => null;
    public void ReadXml(XmlReader reader) => throw new NotSupportedException();
    public void WriteXml(XmlWriter writer)
    {
        // The serializer has opened <Error> for this one object: fill it with the first problem, then close it and open
        // a sibling for each further one, leaving the last open for the serializer to close.
        for (var i = 0; i < Errors.Count; i++)
        {
            if (i > 0) { writer.WriteEndElement(); writer.WriteStartElement("Error", Ns.Gcjs); }
            writer.WriteAttributeString("Field", Errors[i].Field);
            writer.WriteAttributeString("Code", Errors[i].Code);
            writer.WriteString(Errors[i].Message);
        }
    }
}

/// <summary>A plain typed detail, the shape SoapCore can write.</summary>
[XmlRoot("Error", Namespace = Ns.Gcjs)]
[XmlType(AnonymousType = true, Namespace = Ns.Gcjs)]
public class OneError
{
    [XmlAttribute] public string? Field { get; set; }
    [XmlAttribute] public string Code { get; set; } = "";
    [XmlText] public string Message { get; set; } = "";
}

public class HookupDemandService : IHookupDemandPort
{
    public static string LastSeen = "";
    public SubmitHookupDemandResponseMessage SubmitHookupDemand(SubmitHookupDemandRequest request)
    {
        var d = request.SubmitHookupDemand;
        LastSeen = $"DemandNo={d.DemandNo ?? "(null)"} RegionCode={d.RegionCode ?? "(null)"} Stage={d.Stage ?? "(null)"} Uscc={d.Enterprise?.Uscc ?? "(null)"} Water={(d.Water is null ? "(null)" : d.Water.DailyTons.ToString())} Distance={(d.DistanceToMainMSpecified ? d.DistanceToMainM.ToString() : "(absent)")} OuterWork={(d.OuterWork is null ? "(null)" : d.OuterWork.Length.ToString())}";
        if (d.DemandNo == "FAULT")
        {
            var list = new ErrorList();
            list.Errors.Add(("ProjectCode", "REGION_MISMATCH", "项目代码与行政区划不一致"));
            list.Errors.Add(("Enterprise/Uscc", "USCC_CHECKSUM", "统一社会信用代码校验位错误"));
            throw new FaultException<ErrorList>(list, new FaultReason("申请内容校验未通过（共 2 处问题）"), new FaultCode("Client"), null);
        }
        if (d.DemandNo == "FAULT1")
            throw new FaultException<OneError>(new OneError { Field = "ProjectCode", Code = "REGION_MISMATCH", Message = "项目代码与行政区划不一致" },
                new FaultReason("申请内容校验未通过（共 1 处问题）"), new FaultCode("Client"), null);
        if (d.DemandNo == "BOOM") throw new InvalidOperationException("secret connection string Host=db;Password=hunter2");
        return new SubmitHookupDemandResponseMessage { SubmitHookupDemandResponse = new() { CaseId = "puyang-1", ReceiptNo = "SL1", Duplicate = false } };
    }
}

[ServiceContract(Namespace = Ns.Cp, Name = "DecisionsPort")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public interface IDecisionsPort
{
    [OperationContract(Action = "urn:hookup:counterpart:v1/ReportDecision")]
    ReportDecisionResponseMessage ReportDecision(ReportDecisionRequest request);
}
[MessageContract(IsWrapped = false)]
public class ReportDecisionRequest { [MessageBodyMember(Namespace = Ns.Cp, Order = 0)] public ReportDecision ReportDecision { get; set; } = new(); }
[MessageContract(IsWrapped = false)]
public class ReportDecisionResponseMessage { [MessageBodyMember(Namespace = Ns.Cp, Order = 0)] public ReportDecisionResponse ReportDecisionResponse { get; set; } = new(); }
[XmlType(AnonymousType = true, Namespace = Ns.Cp)]
public class ReportDecision
{
    [XmlElement("eventId", Order = 0)] public string? EventId { get; set; }
    [XmlElement("dispatchId", Order = 1)] public string? DispatchId { get; set; }
    [XmlElement("decision", Order = 2)] public string? Decision { get; set; }
}
[XmlType(AnonymousType = true, Namespace = Ns.Cp)]
public class ReportDecisionResponse { [XmlElement(Order = 0)] public string Status { get; set; } = ""; }
public class DecisionsService : IDecisionsPort
{
    public ReportDecisionResponseMessage ReportDecision(ReportDecisionRequest request) =>
        new() { ReportDecisionResponse = new() { Status = "ACCEPTED:" + request.ReportDecision.EventId } };
}

[ServiceContract(Namespace = Ns.Gcjs, Name = "HookupDemandPortType")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public interface IOneErrorClient
{
    [OperationContract(Action = "urn:gcjs:hookup:v1/SubmitHookupDemand", ReplyAction = "*")]
    [FaultContract(typeof(OneError), Name = "Error", Namespace = Ns.Gcjs)]
    Task<SubmitHookupDemandResponseMessage> SubmitHookupDemandAsync(SubmitHookupDemandRequest request);
}
