using System.ServiceModel;
using System.Xml.Serialization;

namespace Gateway.IntegrationTests.Portals.Wcf;

// The 工改平台's side of /soap/project-approval?wsdl, written by hand as dotnet-svcutil would generate it (the tool
// is not served here): document/literal, XmlSerializer, element names and namespace exactly as the WSDL's schema.

[ServiceContract(Namespace = HookupDemandClientContract.Ns, Name = "HookupDemandPortType")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public interface IHookupDemandPort
{
    [OperationContract(Action = "urn:gcjs:hookup:v1/SubmitHookupDemand", ReplyAction = "*")]
    [FaultContract(typeof(GatewayErrorList), Name = "Error", Namespace = HookupDemandClientContract.Ns)]
    Task<SubmitHookupDemandResponseMessage> SubmitHookupDemandAsync(SubmitHookupDemandRequest request);
}

public static class HookupDemandClientContract
{
    public const string Ns = "urn:gcjs:hookup:v1";
}

[MessageContract(IsWrapped = false)]
public sealed class SubmitHookupDemandRequest
{
    [MessageBodyMember(Namespace = HookupDemandClientContract.Ns, Order = 0)]
    public SubmitHookupDemand SubmitHookupDemand { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class SubmitHookupDemandResponseMessage
{
    [MessageBodyMember(Namespace = HookupDemandClientContract.Ns, Order = 0)]
    public SubmitHookupDemandResponse SubmitHookupDemandResponse { get; set; } = new();
}

public enum Stage { CONSTRUCTION_PERMIT, PROJECT_APPROVAL, LAND_PLANNING }
public enum Business { NEW, INCREASE, GREENING, TEMPORARY }
public enum Service { WATER, POWER, GAS, NETWORK, HEATING }

[XmlType(AnonymousType = true, Namespace = HookupDemandClientContract.Ns)]
public sealed class SubmitHookupDemand
{
    [XmlElement(Order = 0)] public string DemandNo { get; set; } = "";
    [XmlElement(Order = 1)] public string RegionCode { get; set; } = "";
    [XmlElement(Order = 2)] public string? ZoneCode { get; set; }
    [XmlElement(Order = 3)] public Stage Stage { get; set; }
    [XmlElement(Order = 4)] public DateTime? SubmitTime { get; set; }
    [XmlElement(Order = 5)] public string ProjectCode { get; set; } = "";
    [XmlElement(Order = 6)] public string ProjectName { get; set; } = "";
    [XmlElement(Order = 7)] public string? PermitNo { get; set; }
    [XmlElement(Order = 8)] public string SiteAddress { get; set; } = "";
    [XmlElement(Order = 9)] public Enterprise Enterprise { get; set; } = new();
    [XmlElement(Order = 10)] public string? FilledBy { get; set; }
    [XmlElement(Order = 11, DataType = "date")] public DateTime? SurveyDate { get; set; }
    [XmlElement(Order = 12)] public WaterDemand? Water { get; set; }
    [XmlElement(Order = 13)] public PowerDemand? Power { get; set; }
    [XmlElement(Order = 14)] public GasDemand? Gas { get; set; }
    [XmlElement(Order = 15)] public NetworkDemand? Network { get; set; }
    [XmlElement(Order = 16)] public HeatingDemand? Heating { get; set; }
    [XmlElement(Order = 17)] public decimal? DistanceToMainM { get; set; }
    [XmlElement("OuterWork", Order = 18)] public OuterWork[] OuterWork { get; set; } = [];

    // minOccurs="0" value types: left out when not set, as svcutil's *Specified pattern does.
    public bool ShouldSerializeSubmitTime() => SubmitTime.HasValue;
    public bool ShouldSerializeSurveyDate() => SurveyDate.HasValue;
    public bool ShouldSerializeDistanceToMainM() => DistanceToMainM.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class Enterprise
{
    [XmlElement(Order = 0)] public string Name { get; set; } = "";
    [XmlElement(Order = 1)] public string Uscc { get; set; } = "";
    [XmlElement(Order = 2)] public string Contact { get; set; } = "";
    [XmlElement(Order = 3)] public string Phone { get; set; } = "";
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class WaterDemand
{
    [XmlElement(Order = 0)] public decimal? DailyTons { get; set; }
    /// <summary>xs:list of Usage (space-separated).</summary>
    [XmlElement(Order = 1)] public string? Usage { get; set; }
    [XmlAttribute] public Business Business { get; set; }
    public bool ShouldSerializeDailyTons() => DailyTons.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class PowerDemand
{
    [XmlElement(Order = 0)] public decimal? CapacityKva { get; set; }
    [XmlElement(Order = 1)] public decimal? VoltageKv { get; set; }
    [XmlAttribute] public Business Business { get; set; }
    public bool ShouldSerializeCapacityKva() => CapacityKva.HasValue;
    public bool ShouldSerializeVoltageKv() => VoltageKv.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class GasDemand
{
    [XmlElement(Order = 0)] public decimal? DailyM3 { get; set; }
    [XmlElement(Order = 1)] public string? Usage { get; set; }
    [XmlElement(Order = 2)] public string? Pressure { get; set; }
    [XmlAttribute] public Business Business { get; set; }
    public bool ShouldSerializeDailyM3() => DailyM3.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class NetworkDemand
{
    [XmlElement(Order = 0)] public string? Kinds { get; set; }
    [XmlElement(Order = 1)] public int? Users { get; set; }
    [XmlElement(Order = 2)] public decimal? BandwidthMbps { get; set; }
    [XmlElement(Order = 3)] public string? Carriers { get; set; }
    [XmlAttribute] public Business Business { get; set; }
    public bool ShouldSerializeUsers() => Users.HasValue;
    public bool ShouldSerializeBandwidthMbps() => BandwidthMbps.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class HeatingDemand
{
    [XmlElement(Order = 0)] public decimal? AreaM2 { get; set; }
    [XmlAttribute] public Business Business { get; set; }
    public bool ShouldSerializeAreaM2() => AreaM2.HasValue;
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class OuterWork
{
    [XmlElement(Order = 0)] public decimal? LengthM { get; set; }
    [XmlElement(Order = 1)] public decimal? DiameterDn { get; set; }
    [XmlElement(Order = 2)] public decimal? OuterDiameterMm { get; set; }
    [XmlElement(Order = 3)] public int? Holes { get; set; }
    [XmlElement(Order = 4)] public decimal? GreenM2 { get; set; }
    [XmlElement(Order = 5)] public decimal? RoadCrossingM { get; set; }
    [XmlElement(Order = 6)] public bool? EnterpriseInvested { get; set; }
    [XmlElement(Order = 7)] public bool? Hazardous { get; set; }
    [XmlElement(Order = 8)] public string? SpecialZones { get; set; }
    [XmlElement(Order = 9)] public bool? RecentRoad { get; set; }
    [XmlElement(Order = 10)] public bool? SmallAttached { get; set; }
    [XmlAttribute] public Service Service { get; set; }
    public bool ShouldSerializeLengthM() => LengthM.HasValue;
    public bool ShouldSerializeDiameterDn() => DiameterDn.HasValue;
    public bool ShouldSerializeOuterDiameterMm() => OuterDiameterMm.HasValue;
    public bool ShouldSerializeHoles() => Holes.HasValue;
    public bool ShouldSerializeGreenM2() => GreenM2.HasValue;
    public bool ShouldSerializeRoadCrossingM() => RoadCrossingM.HasValue;
    public bool ShouldSerializeEnterpriseInvested() => EnterpriseInvested.HasValue;
    public bool ShouldSerializeHazardous() => Hazardous.HasValue;
    public bool ShouldSerializeRecentRoad() => RecentRoad.HasValue;
    public bool ShouldSerializeSmallAttached() => SmallAttached.HasValue;
}

[XmlType(AnonymousType = true, Namespace = HookupDemandClientContract.Ns)]
public sealed class SubmitHookupDemandResponse
{
    [XmlElement(Order = 0)] public string CaseId { get; set; } = "";
    [XmlElement(Order = 1)] public string ReceiptNo { get; set; } = "";
    [XmlElement(Order = 2)] public DateTimeOffset AcceptedAt { get; set; }
    [XmlElement(Order = 3)] public bool Duplicate { get; set; }
    [XmlElement("Dispatch", Order = 4)] public Dispatch[] Dispatch { get; set; } = [];
}

[XmlType(Namespace = HookupDemandClientContract.Ns)]
public sealed class Dispatch
{
    [XmlElement(Order = 0)] public string DispatchId { get; set; } = "";
    [XmlElement(Order = 1)] public string CounterpartId { get; set; } = "";
    [XmlElement(Order = 2)] public string Kind { get; set; } = "";
    [XmlElement(Order = 3)] public DateTimeOffset DueAt { get; set; }
}
