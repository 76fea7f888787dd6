using System.Security;
using Gateway.Adapters.Soap;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// The WSDL served at <c>GET /soap/project-approval?wsdl</c>: document/literal SOAP 1.1, exactly the
/// SubmitHookupDemand operation at this gateway, plus the NotifyProgress callback the platform serves itself
/// (its port type and binding, without a service element). Written by hand to match
/// <see cref="ProjectApprovalReader"/>, <see cref="ProjectApprovalValidator"/> and <see cref="ProjectApprovalReceipt"/>.
/// </summary>
public static class ProjectApprovalWsdl
{
    /// <param name="location">The absolute URL of the endpoint, as the caller reached it.</param>
    public static string For(string location) => Template
        .Replace("{{LOCATION}}", SecurityElement.Escape(location), StringComparison.Ordinal)
        .Replace("{{FAULT_ERROR}}", SoapFault.ErrorSchemaElement, StringComparison.Ordinal);

    private const string Template = """
        <?xml version="1.0" encoding="utf-8"?>
        <wsdl:definitions name="HookupDemand"
            targetNamespace="urn:gcjs:hookup:v1"
            xmlns:tns="urn:gcjs:hookup:v1"
            xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
            xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <wsdl:documentation>工程建设项目审批管理系统（工改平台）向水电气网联合报装网关推送报装需求（SubmitHookupDemand），
        网关以 NotifyProgress 回调平台告知办理进度。调用须带 X-Gw-* 签名头（访问密钥 project-approval）。
        校验失败为 soap:Client 故障（HTTP 500），detail 中每处问题一个 Error 元素（Field 为元素路径，Code 为稳定错误码）。</wsdl:documentation>
          <wsdl:types>
            <xs:schema targetNamespace="urn:gcjs:hookup:v1" elementFormDefault="qualified">
              <xs:simpleType name="Stage">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="CONSTRUCTION_PERMIT"/>
                  <xs:enumeration value="PROJECT_APPROVAL"/>
                  <xs:enumeration value="LAND_PLANNING"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="Business">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="NEW"/>
                  <xs:enumeration value="INCREASE"/>
                  <xs:enumeration value="GREENING"/>
                  <xs:enumeration value="TEMPORARY"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="Usage">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="PRODUCTION"/>
                  <xs:enumeration value="DOMESTIC"/>
                  <xs:enumeration value="FIRE"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="UsageList"><xs:list itemType="tns:Usage"/></xs:simpleType>
              <xs:simpleType name="Pressure">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="LOW"/>
                  <xs:enumeration value="MEDIUM"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="NetworkKind">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="BROADBAND"/>
                  <xs:enumeration value="MOBILE"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="NetworkKindList"><xs:list itemType="tns:NetworkKind"/></xs:simpleType>
              <xs:simpleType name="Carrier">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="CMCC"/>
                  <xs:enumeration value="CUCC"/>
                  <xs:enumeration value="CTCC"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="CarrierList"><xs:list itemType="tns:Carrier"/></xs:simpleType>
              <xs:simpleType name="Service">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="WATER"/>
                  <xs:enumeration value="POWER"/>
                  <xs:enumeration value="GAS"/>
                  <xs:enumeration value="NETWORK"/>
                  <xs:enumeration value="HEATING"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="SpecialZone">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="NATURE_RESERVE"/>
                  <xs:enumeration value="HERITAGE"/>
                  <xs:enumeration value="RAILWAY"/>
                  <xs:enumeration value="HIGHWAY"/>
                  <xs:enumeration value="RIVER"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="SpecialZoneList"><xs:list itemType="tns:SpecialZone"/></xs:simpleType>

              <xs:complexType name="Enterprise">
                <xs:sequence>
                  <xs:element name="Name" type="xs:string"/>
                  <xs:element name="Uscc" type="xs:string"/>
                  <xs:element name="Contact" type="xs:string"/>
                  <xs:element name="Phone" type="xs:string"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="WaterDemand">
                <xs:sequence>
                  <xs:element name="DailyTons" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="Usage" type="tns:UsageList" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Business" type="tns:Business" use="required"/>
              </xs:complexType>
              <xs:complexType name="PowerDemand">
                <xs:sequence>
                  <xs:element name="CapacityKva" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="VoltageKv" type="xs:decimal" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Business" type="tns:Business" use="required"/>
              </xs:complexType>
              <xs:complexType name="GasDemand">
                <xs:sequence>
                  <xs:element name="DailyM3" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="Usage" type="tns:UsageList" minOccurs="0"/>
                  <xs:element name="Pressure" type="tns:Pressure" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Business" type="tns:Business" use="required"/>
              </xs:complexType>
              <xs:complexType name="NetworkDemand">
                <xs:sequence>
                  <xs:element name="Kinds" type="tns:NetworkKindList" minOccurs="0"/>
                  <xs:element name="Users" type="xs:int" minOccurs="0"/>
                  <xs:element name="BandwidthMbps" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="Carriers" type="tns:CarrierList" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Business" type="tns:Business" use="required"/>
              </xs:complexType>
              <xs:complexType name="HeatingDemand">
                <xs:sequence>
                  <xs:element name="AreaM2" type="xs:decimal" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Business" type="tns:Business" use="required"/>
              </xs:complexType>
              <xs:complexType name="OuterWork">
                <xs:sequence>
                  <xs:element name="LengthM" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="DiameterDn" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="OuterDiameterMm" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="Holes" type="xs:int" minOccurs="0"/>
                  <xs:element name="GreenM2" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="RoadCrossingM" type="xs:decimal" minOccurs="0"/>
                  <xs:element name="EnterpriseInvested" type="xs:boolean" minOccurs="0"/>
                  <xs:element name="Hazardous" type="xs:boolean" minOccurs="0"/>
                  <xs:element name="SpecialZones" type="tns:SpecialZoneList" minOccurs="0"/>
                  <xs:element name="RecentRoad" type="xs:boolean" minOccurs="0"/>
                  <xs:element name="SmallAttached" type="xs:boolean" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="Service" type="tns:Service" use="required"/>
              </xs:complexType>

              <xs:element name="SubmitHookupDemand">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="DemandNo" type="xs:string"/>
                    <xs:element name="RegionCode" type="xs:string"/>
                    <xs:element name="ZoneCode" type="xs:string" minOccurs="0">
                      <xs:annotation><xs:documentation>服务片区，仅柯桥（330603）必填：main-city、linkong、lanting、kqedz、jianhu</xs:documentation></xs:annotation>
                    </xs:element>
                    <xs:element name="Stage" type="tns:Stage"/>
                    <xs:element name="SubmitTime" type="xs:dateTime" minOccurs="0"/>
                    <xs:element name="ProjectCode" type="xs:string"/>
                    <xs:element name="ProjectName" type="xs:string"/>
                    <xs:element name="PermitNo" type="xs:string" minOccurs="0"/>
                    <xs:element name="SiteAddress" type="xs:string"/>
                    <xs:element name="Enterprise" type="tns:Enterprise"/>
                    <xs:element name="FilledBy" type="xs:string" minOccurs="0"/>
                    <xs:element name="SurveyDate" type="xs:date" minOccurs="0"/>
                    <xs:element name="Water" type="tns:WaterDemand" minOccurs="0"/>
                    <xs:element name="Power" type="tns:PowerDemand" minOccurs="0"/>
                    <xs:element name="Gas" type="tns:GasDemand" minOccurs="0"/>
                    <xs:element name="Network" type="tns:NetworkDemand" minOccurs="0"/>
                    <xs:element name="Heating" type="tns:HeatingDemand" minOccurs="0"/>
                    <xs:element name="DistanceToMainM" type="xs:decimal" minOccurs="0"/>
                    <xs:element name="OuterWork" type="tns:OuterWork" minOccurs="0" maxOccurs="unbounded"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>

              <xs:complexType name="Dispatch">
                <xs:sequence>
                  <xs:element name="DispatchId" type="xs:string"/>
                  <xs:element name="CounterpartId" type="xs:string"/>
                  <xs:element name="Kind" type="xs:string"/>
                  <xs:element name="DueAt" type="xs:dateTime" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="Intent">
                <xs:annotation><xs:documentation>意向登记：立项/用地规划阶段的需求登记为意向（不派工单、不计时），各公用企业收到提前告知（Kind PLANNING_NOTICE）；同一项目施工许可阶段再推送或业主确认后转为案件（Status CONVERTED，CaseId 为该案件）。</xs:documentation></xs:annotation>
                <xs:sequence>
                  <xs:element name="IntentId" type="xs:string"/>
                  <xs:element name="Status" type="xs:string"/>
                  <xs:element name="CaseId" type="xs:string" minOccurs="0"/>
                  <xs:element name="Stage" type="tns:Stage" minOccurs="0"/>
                  <xs:element name="RegisteredAt" type="xs:dateTime" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
              <xs:element name="SubmitHookupDemandResponse">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="CaseId" type="xs:string" minOccurs="0"/>
                    <xs:element name="ReceiptNo" type="xs:string" minOccurs="0"/>
                    <xs:element name="AcceptedAt" type="xs:dateTime" minOccurs="0"/>
                    <xs:element name="Duplicate" type="xs:boolean"/>
                    <xs:element name="Dispatch" type="tns:Dispatch" minOccurs="0" maxOccurs="unbounded"/>
                    <xs:element name="Intent" type="tns:Intent" minOccurs="0"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>

              {{FAULT_ERROR}}

              <xs:element name="NotifyProgress">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="EventId" type="xs:string"/>
                    <xs:element name="PortalApplicationNo" type="xs:string"/>
                    <xs:element name="CaseId" type="xs:string"/>
                    <xs:element name="Event" type="xs:string"/>
                    <xs:element name="Service" type="tns:Service" minOccurs="0"/>
                    <xs:element name="CounterpartId" type="xs:string" minOccurs="0"/>
                    <xs:element name="At" type="xs:dateTime"/>
                    <xs:element name="Detail" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="NotifyProgressResponse">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Acknowledged" type="xs:boolean"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
          </wsdl:types>

          <wsdl:message name="SubmitHookupDemandRequest">
            <wsdl:part name="parameters" element="tns:SubmitHookupDemand"/>
          </wsdl:message>
          <wsdl:message name="SubmitHookupDemandResponse">
            <wsdl:part name="parameters" element="tns:SubmitHookupDemandResponse"/>
          </wsdl:message>
          <wsdl:message name="HookupFault">
            <wsdl:documentation>soap:Client 故障的 detail：每处问题一个 Error 元素，可有多个。</wsdl:documentation>
            <wsdl:part name="Error" element="tns:Error"/>
          </wsdl:message>
          <wsdl:message name="NotifyProgressRequest">
            <wsdl:part name="parameters" element="tns:NotifyProgress"/>
          </wsdl:message>
          <wsdl:message name="NotifyProgressResponse">
            <wsdl:part name="parameters" element="tns:NotifyProgressResponse"/>
          </wsdl:message>

          <wsdl:portType name="HookupDemandPortType">
            <wsdl:operation name="SubmitHookupDemand">
              <wsdl:input message="tns:SubmitHookupDemandRequest"/>
              <wsdl:output message="tns:SubmitHookupDemandResponse"/>
              <wsdl:fault name="HookupFault" message="tns:HookupFault"/>
            </wsdl:operation>
          </wsdl:portType>
          <wsdl:portType name="HookupProgressCallbackPortType">
            <wsdl:documentation>由工改平台实现：网关向平台配置的回调地址调用 NotifyProgress。</wsdl:documentation>
            <wsdl:operation name="NotifyProgress">
              <wsdl:input message="tns:NotifyProgressRequest"/>
              <wsdl:output message="tns:NotifyProgressResponse"/>
            </wsdl:operation>
          </wsdl:portType>

          <wsdl:binding name="HookupDemandBinding" type="tns:HookupDemandPortType">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="SubmitHookupDemand">
              <soap:operation soapAction="urn:gcjs:hookup:v1/SubmitHookupDemand" style="document"/>
              <wsdl:input><soap:body use="literal"/></wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
              <wsdl:fault name="HookupFault"><soap:fault name="HookupFault" use="literal"/></wsdl:fault>
            </wsdl:operation>
          </wsdl:binding>
          <wsdl:binding name="HookupProgressCallbackBinding" type="tns:HookupProgressCallbackPortType">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="NotifyProgress">
              <soap:operation soapAction="urn:gcjs:hookup:v1/NotifyProgress" style="document"/>
              <wsdl:input><soap:body use="literal"/></wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
            </wsdl:operation>
          </wsdl:binding>

          <wsdl:service name="HookupDemandService">
            <wsdl:port name="HookupDemandPort" binding="tns:HookupDemandBinding">
              <soap:address location="{{LOCATION}}"/>
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """;
}
