using System.Security;
using System.Xml.Linq;
using Gateway.Adapters.Counterparts.Inbound;
using Gateway.Adapters.Soap;

using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Counterparts.Soap;

/// <summary>
/// SOAP for department systems (docs/lifecycle.md): <c>POST /soap/departments</c> with ReportDecision, WSDL at
/// <c>?wsdl</c>. The fields are those of the REST decision, as child elements in urn:hookup:counterpart:v1.
/// </summary>
public static class DepartmentSoapContract
{
    public const string Route = "/soap/departments";
    public static readonly XNamespace Namespace = "urn:hookup:counterpart:v1";
    public static readonly SoapOperation ReportDecision = new(Namespace, "ReportDecision", "urn:hookup:counterpart:v1/ReportDecision");

    public static DecisionReport Read(XElement payload)
    {
        string? Field(string name) => payload.Element(Namespace + name)?.Value is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        return new DecisionReport(Field("eventId"), Field("dispatchId"), Field("decision"), Field("permitNo"), Field("at"), Field("reason"));
    }

    public static XElement Response(DecisionReceipt status) =>
        new(Namespace + "ReportDecisionResponse", new XElement(Namespace + "Status", WireName.Of(status)));

    public static string Wsdl(string location) => Template
        .Replace("{{LOCATION}}", SecurityElement.Escape(location), StringComparison.Ordinal)
        .Replace("{{FAULT_ERROR}}", SoapFault.ErrorSchemaElement, StringComparison.Ordinal)
        .Replace("{{DECISIONS}}", Decisions, StringComparison.Ordinal);

    /// <summary>The schema's Decision enumeration, from the one list of decisions.</summary>
    private static readonly string Decisions = string.Join("\n" + "", Enum.GetValues<Decision>()
        .Select(d => $"          <xs:enumeration value=\"{WireName.Of(d)}\"/>"));

    private const string Template = """
        <?xml version="1.0" encoding="utf-8"?>
        <wsdl:definitions name="CounterpartDecisions"
            targetNamespace="urn:hookup:counterpart:v1"
            xmlns:tns="urn:hookup:counterpart:v1"
            xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
            xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <wsdl:documentation>部门系统向联合报装网关报告审批结论（ReportDecision）。调用须带 X-Gw-* 签名头（访问密钥为部门的对接方编号）。
        校验失败为 soap:Client 故障，detail 中每处问题一个 Error 元素（Field、Code）。</wsdl:documentation>
          <wsdl:types>
            <xs:schema targetNamespace="urn:hookup:counterpart:v1" elementFormDefault="qualified">
              <xs:simpleType name="Decision">
                <xs:restriction base="xs:string">
        {{DECISIONS}}
                </xs:restriction>
              </xs:simpleType>
              <xs:element name="ReportDecision">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="eventId" type="xs:string"/>
                    <xs:element name="dispatchId" type="xs:string"/>
                    <xs:element name="decision" type="tns:Decision"/>
                    <xs:element name="permitNo" type="xs:string" minOccurs="0"/>
                    <xs:element name="at" type="xs:dateTime"/>
                    <xs:element name="reason" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              {{FAULT_ERROR}}
              <xs:element name="ReportDecisionResponse">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Status" type="xs:string"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
          </wsdl:types>
          <wsdl:message name="ReportDecisionRequest"><wsdl:part name="parameters" element="tns:ReportDecision"/></wsdl:message>
          <wsdl:message name="ReportDecisionResponse"><wsdl:part name="parameters" element="tns:ReportDecisionResponse"/></wsdl:message>
          <wsdl:message name="DecisionFault"><wsdl:part name="Error" element="tns:Error"/></wsdl:message>
          <wsdl:portType name="DecisionsPort">
            <wsdl:operation name="ReportDecision">
              <wsdl:input message="tns:ReportDecisionRequest"/>
              <wsdl:output message="tns:ReportDecisionResponse"/>
              <wsdl:fault name="DecisionFault" message="tns:DecisionFault"/>
            </wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="DecisionsBinding" type="tns:DecisionsPort">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="ReportDecision">
              <soap:operation soapAction="urn:hookup:counterpart:v1/ReportDecision"/>
              <wsdl:input><soap:body use="literal"/></wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
              <wsdl:fault name="DecisionFault"><soap:fault name="DecisionFault" use="literal"/></wsdl:fault>
            </wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="CounterpartDecisions">
            <wsdl:port name="DecisionsPort" binding="tns:DecisionsBinding">
              <soap:address location="{{LOCATION}}"/>
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """;
}

/// <summary>The Status of a ReportDecisionResponse: the decision was applied, or it repeated an event id already applied.</summary>
public enum DecisionReceipt { Accepted, Duplicate }
