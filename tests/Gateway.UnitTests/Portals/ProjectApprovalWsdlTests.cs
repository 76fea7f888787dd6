using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Contracts.Intake;

namespace Gateway.UnitTests.Portals;

/// <summary>The WSDL's schema is the contract a generic client generates from: the samples and receipts must satisfy it.</summary>
public sealed class ProjectApprovalWsdlTests
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static XDocument Document() => XDocument.Parse(ProjectApprovalWsdl.For("http://127.0.0.1:5080/soap/project-approval"));

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(Document().Root!.Element(Wsdl + "types")!.Element(Xs + "schema")!.CreateReader(), null)!);
        set.Compile();
        return set;
    }

    private static void AssertValid(XElement element)
    {
        var problems = new List<string>();
        new XDocument(new XElement(element)).Validate(Schema(), (_, e) => problems.Add(e.Message));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("keqiao-textile-park.xml")]
    [InlineData("xinxian-tea-factory.xml")]
    [InlineData("ninghe-medical-center.xml")]
    [InlineData("ezhou-logistics-park.xml")]
    [InlineData("puyang-casting-workshop.xml")]
    public void Every_sample_demand_is_valid_against_the_wsdls_schema(string file) => AssertValid(PortalSamples.SoapPayload(file));

    [Fact]
    public void A_receipt_is_valid_against_the_schema()
    {
        var receipt = new IntakeReceipt("puyang-20261123-ABCDEFGH", "SL2026112301020304", "project-approval", "GCJS-1", "puyang",
            new DateTimeOffset(2026, 11, 23, 10, 5, 0, 123, TimeSpan.FromHours(8)), true,
            [new ReceiptDispatch("dsp-1", "puyang-water", "WORK_ORDER", new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(8)))]);
        var element = ProjectApprovalReceipt.Of(receipt);
        AssertValid(element);
        Assert.Equal("2026-11-23T10:05:00.123+08:00", element.Element(PortalSamples.Gcjs + "AcceptedAt")!.Value);
        Assert.Equal("true", element.Element(PortalSamples.Gcjs + "Duplicate")!.Value);
    }

    [Fact]
    public void The_schema_rejects_what_the_validator_rejects_too()
    {
        var payload = PortalSamples.SoapPayload("ninghe-medical-center.xml");
        payload.Element(PortalSamples.Gcjs + "Stage")!.Value = "DESIGN";
        var problems = new List<string>();
        new XDocument(payload).Validate(Schema(), (_, e) => problems.Add(e.Message));
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void The_service_has_exactly_one_operation_and_the_location_given()
    {
        var wsdl = Document().Root!;
        Assert.Equal(["SubmitHookupDemand"], wsdl.Elements(Wsdl + "portType").Single(p => (string?)p.Attribute("name") == "HookupDemandPortType")
            .Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!));
        Assert.Single(wsdl.Elements(Wsdl + "service"));
        Assert.Contains("location=\"http://127.0.0.1:5080/soap/project-approval\"", ProjectApprovalWsdl.For("http://127.0.0.1:5080/soap/project-approval"));
        Assert.Contains("location=\"http://h/a&amp;b\"", ProjectApprovalWsdl.For("http://h/a&b"));
    }
}
