using System.Xml.Linq;
using Gateway.Adapters.Portals.ProjectApproval;

namespace Gateway.UnitTests.Portals;

public sealed class ProjectApprovalValidatorTests
{
    private static readonly XNamespace G = PortalSamples.Gcjs;
    private static readonly ProjectApprovalValidator Validator = new(TestRepo.Regions);

    private static HashSet<(string Field, string Code)> ErrorsOf(string file, Action<XElement>? change = null) =>
        Validator.Validate(PortalSamples.ProjectApproval(file, change)).All.Select(e => (e.Field, e.Code)).ToHashSet();

    [Theory]
    [InlineData("keqiao-textile-park.xml")]
    [InlineData("xinxian-tea-factory.xml")]
    [InlineData("ninghe-medical-center.xml")]
    [InlineData("ezhou-logistics-park.xml")]
    [InlineData("puyang-casting-workshop.xml")]
    public void Samples_for_all_five_regions_are_valid(string file) => Assert.Empty(ErrorsOf(file));

    [Fact]
    public void The_agreements_example_is_valid_for_puyang_except_its_network_demand()
    {
        // docs/portals.md's envelope verbatim (…-filled names), apart from a valid USCC: Puyang's plan has no network service.
        var demand = XElement.Parse("""
            <SubmitHookupDemand xmlns="urn:gcjs:hookup:v1">
              <DemandNo>GCJS-2026-000451</DemandNo>
              <RegionCode>410928</RegionCode>
              <Stage>CONSTRUCTION_PERMIT</Stage>
              <ProjectCode>2026-410928-44-01-000112</ProjectCode>
              <ProjectName>项目</ProjectName>
              <PermitNo>410928202611230101</PermitNo>
              <SiteAddress>地址</SiteAddress>
              <Enterprise><Name>单位</Name><Uscc>91410928MA47LQ2E8C</Uscc><Contact>联系人</Contact><Phone>13900000000</Phone></Enterprise>
              <FilledBy>濮阳县住房和城乡建设局</FilledBy>
              <Water Business="NEW"><DailyTons>80</DailyTons><Usage>DOMESTIC</Usage></Water>
              <Power Business="NEW"><CapacityKva>400</CapacityKva><VoltageKv>10</VoltageKv></Power>
              <Gas Business="NEW"><DailyM3>50</DailyM3><Usage>DOMESTIC</Usage><Pressure>LOW</Pressure></Gas>
              <Network Business="NEW"><Kinds>BROADBAND</Kinds><Users>20</Users><BandwidthMbps>200</BandwidthMbps><Carriers>CMCC CUCC</Carriers></Network>
              <Heating Business="NEW"><AreaM2>8000</AreaM2></Heating>
              <DistanceToMainM>300</DistanceToMainM>
              <OuterWork Service="WATER"><LengthM>60</LengthM><DiameterDn>150</DiameterDn><GreenM2>0</GreenM2><SmallAttached>true</SmallAttached></OuterWork>
            </SubmitHookupDemand>
            """);
        Assert.Equal([("Network", "UNSUPPORTED_SERVICE")], Validator.Validate(ProjectApprovalReader.Read(demand)).All.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Required_elements_are_named_by_path()
    {
        var errors = ErrorsOf("ninghe-medical-center.xml", d =>
        {
            d.Element(G + "DemandNo")!.Remove();
            d.Element(G + "Stage")!.Value = "";
            d.Element(G + "ProjectName")!.Remove();
            d.Element(G + "Enterprise")!.Element(G + "Name")!.Remove();
            d.Element(G + "Enterprise")!.Element(G + "Phone")!.Remove();
            d.Element(G + "Gas")!.Attribute("Business")!.Remove();
            d.Elements(G + "OuterWork").First().Attribute("Service")!.Remove();
        });
        Assert.Equal(new HashSet<(string, string)>
        {
            ("DemandNo", "REQUIRED"), ("Stage", "REQUIRED"), ("ProjectName", "REQUIRED"), ("Enterprise/Name", "REQUIRED"),
            ("Enterprise/Phone", "REQUIRED"), ("Gas/@Business", "REQUIRED"), ("OuterWork[1]/@Service", "REQUIRED"),
        }, errors);
        Assert.Equal([("Enterprise", "REQUIRED")], ErrorsOf("ninghe-medical-center.xml", d => d.Element(G + "Enterprise")!.Remove()));
    }

    [Fact]
    public void Values_are_checked_against_the_schemas_types_and_enumerations()
    {
        var errors = ErrorsOf("ninghe-medical-center.xml", d =>
        {
            d.Element(G + "SubmitTime")!.Value = "yesterday";
            d.Element(G + "Water")!.Element(G + "Usage")!.Value = "DOMESTIC LEISURE";
            d.Element(G + "Gas")!.Element(G + "Pressure")!.Value = "HIGH";
            d.Element(G + "Network")!.Add(new XElement(G + "Carriers", "CMCC T-MOBILE"));
            d.Elements(G + "OuterWork").First().Element(G + "LengthM")!.Value = "-1";
            d.Elements(G + "OuterWork").First().Element(G + "RecentRoad")!.Value = "yes";
            d.Add(new XElement(G + "DistanceToMainM", "far"));
        });
        Assert.Equal(new HashSet<(string, string)>
        {
            ("SubmitTime", "INVALID_FORMAT"), ("Water/Usage", "INVALID_VALUE"), ("Gas/Pressure", "INVALID_VALUE"),
            ("Network/Carriers", "INVALID_VALUE"), ("OuterWork[1]/LengthM", "OUT_OF_RANGE"), ("OuterWork[1]/RecentRoad", "INVALID_FORMAT"),
            ("DistanceToMainM", "INVALID_FORMAT"),
        }, errors);
    }

    [Fact]
    public void Region_zone_and_services_follow_the_region_file()
    {
        Assert.Equal([("RegionCode", "UNKNOWN_REGION")], ErrorsOf("ninghe-medical-center.xml", d => d.Element(G + "RegionCode")!.Value = "120116"));
        Assert.Equal([("ProjectCode", "REGION_MISMATCH")], ErrorsOf("ninghe-medical-center.xml", d => d.Element(G + "ProjectCode")!.Value = "2026-120116-84-01-000536"));
        Assert.Equal([("ZoneCode", "REQUIRED")], ErrorsOf("keqiao-textile-park.xml", d => d.Element(G + "ZoneCode")!.Remove()));
        Assert.Equal([("ZoneCode", "INVALID_VALUE")], ErrorsOf("keqiao-textile-park.xml", d => d.Element(G + "ZoneCode")!.Value = "downtown"));
        Assert.Equal([("ZoneCode", "INVALID_VALUE")], ErrorsOf("ninghe-medical-center.xml", d => d.Element(G + "RegionCode")!.AddAfterSelf(new XElement(G + "ZoneCode", "kqedz"))));
        Assert.Equal([("Heating", "UNSUPPORTED_SERVICE")], ErrorsOf("ninghe-medical-center.xml", d => d.Add(new XElement(G + "Heating", new XAttribute("Business", "NEW")))));
        Assert.Equal([("Power/VoltageKv", "OUT_OF_SCOPE")], ErrorsOf("keqiao-textile-park.xml", d => d.Element(G + "Power")!.Element(G + "VoltageKv")!.Value = "20.5"));
        Assert.Empty(ErrorsOf("keqiao-textile-park.xml", d => d.Element(G + "Power")!.Element(G + "VoltageKv")!.Value = "20"));
    }

    [Fact]
    public void Repeated_elements_and_services_are_reported()
    {
        var errors = ErrorsOf("ninghe-medical-center.xml", d =>
        {
            d.Element(G + "Water")!.AddAfterSelf(new XElement(G + "Water", new XAttribute("Business", "INCREASE")));
            d.Element(G + "DemandNo")!.AddAfterSelf(new XElement(G + "DemandNo", "GC2"));
        });
        Assert.Equal(new HashSet<(string, string)> { ("Water", "DUPLICATE_SERVICE"), ("DemandNo", "INVALID_FORMAT") }, errors);
    }

    [Fact]
    public void No_service_element_is_no_service_requested()
    {
        Assert.Equal([("SubmitHookupDemand", "NO_SERVICE_REQUESTED")], ErrorsOf("ezhou-logistics-park.xml", d =>
        {
            foreach (var name in new[] { "Water", "Power", "Gas", "Network" }) d.Element(G + name)!.Remove();
        }));
    }
}
