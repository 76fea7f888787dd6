using System.Net;
using System.Text;
using System.Xml.Linq;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>The 工改平台's SOAP 1.1 endpoint through the real host: WSDL, SOAPAction, faults, signature, idempotency.</summary>
[Collection(PortalsCollection.Name)]
public sealed class ProjectApprovalEndToEndTests(PortalsGateway gateway)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private GatewayHost Host => gateway.Host;

    private static byte[] Sample(string file = "puyang-casting-workshop.xml", Action<XElement>? change = null) =>
        PortalPushes.SoapVariant(file, PortalPushes.UniqueNo("GCJS-"), change);

    [Fact]
    public async Task Wsdl_describes_exactly_submit_hookup_demand_at_this_address_and_the_notify_progress_callback()
    {
        using var response = await Host.Http.GetAsync("/soap/project-approval?wsdl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("urn:gcjs:hookup:v1", (string?)wsdl.Attribute("targetNamespace"));
        var port = wsdl.Element(Wsdl + "service")!.Element(Wsdl + "port")!;
        Assert.Equal(new Uri(Host.BaseUrl, "/soap/project-approval").ToString(), (string?)port.Element(WsdlSoap + "address")!.Attribute("location"));

        var binding = wsdl.Elements(Wsdl + "binding").Single(b => (string?)b.Attribute("name") == ((string)port.Attribute("binding")!).Split(':')[1]);
        Assert.Equal("document", (string?)binding.Element(WsdlSoap + "binding")!.Attribute("style"));
        var operation = Assert.Single(binding.Elements(Wsdl + "operation"));
        Assert.Equal("SubmitHookupDemand", (string?)operation.Attribute("name"));
        Assert.Equal("urn:gcjs:hookup:v1/SubmitHookupDemand", (string?)operation.Element(WsdlSoap + "operation")!.Attribute("soapAction"));
        Assert.Equal("literal", (string?)operation.Element(Wsdl + "input")!.Element(WsdlSoap + "body")!.Attribute("use"));

        var schema = wsdl.Element(Wsdl + "types")!.Element(Xs + "schema")!;
        var elements = schema.Elements(Xs + "element").Select(e => (string)e.Attribute("name")!).ToList();
        Assert.Contains("SubmitHookupDemand", elements);
        Assert.Contains("SubmitHookupDemandResponse", elements);
        Assert.Contains("NotifyProgress", elements);
        var callback = wsdl.Elements(Wsdl + "portType").Single(p => (string?)p.Attribute("name") == "HookupProgressCallbackPortType");
        Assert.Equal("NotifyProgress", (string?)Assert.Single(callback.Elements(Wsdl + "operation")).Attribute("name"));

        // Every element the agreement lists for OuterWork is in the schema.
        var outerWork = schema.Elements(Xs + "complexType").Single(t => (string?)t.Attribute("name") == "OuterWork");
        Assert.Equal(["LengthM", "DiameterDn", "OuterDiameterMm", "Holes", "GreenM2", "RoadCrossingM", "EnterpriseInvested", "Hazardous", "SpecialZones", "RecentRoad", "SmallAttached"],
            outerWork.Descendants(Xs + "element").Select(e => (string)e.Attribute("name")!));

        using var noQuery = await Host.Http.GetAsync("/soap/project-approval");
        Assert.Equal(HttpStatusCode.NotFound, noQuery.StatusCode);
    }

    [Fact]
    public async Task Accepted_demand_answers_the_receipt_with_one_dispatch_element_per_dispatch()
    {
        using var response = await Host.PushSoapAsync(Sample());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var receipt = await PortalPushes.SoapBodyAsync(response);
        Assert.Equal(PortalPushes.Gcjs + "SubmitHookupDemandResponse", receipt.Name);
        var caseId = receipt.Element(PortalPushes.Gcjs + "CaseId")!.Value;
        Assert.StartsWith("puyang-", caseId);
        Assert.StartsWith("SL", receipt.Element(PortalPushes.Gcjs + "ReceiptNo")!.Value);
        Assert.Equal("false", receipt.Element(PortalPushes.Gcjs + "Duplicate")!.Value);
        var acceptedAt = DateTimeOffset.Parse(receipt.Element(PortalPushes.Gcjs + "AcceptedAt")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(8), acceptedAt.Offset);

        var dispatches = receipt.Elements(PortalPushes.Gcjs + "Dispatch").ToList();
        // Work orders, then (its outer works need approval) a question to each of Puyang's departments.
        Assert.Equal(["puyang-water", "puyang-power", "puyang-gas", "puyang-heating",
                      "puyang-approval-bureau", "puyang-urban-management", "puyang-police", "puyang-housing"],
            dispatches.Select(d => d.Element(PortalPushes.Gcjs + "CounterpartId")!.Value));
        Assert.Equal([.. Enumerable.Repeat("WORK_ORDER", 4), .. Enumerable.Repeat("APPROVAL_REQUEST", 4)],
            dispatches.Select(d => d.Element(PortalPushes.Gcjs + "Kind")!.Value));
        Assert.All(dispatches, d =>
        {
            Assert.StartsWith("dsp-", d.Element(PortalPushes.Gcjs + "DispatchId")!.Value);
            Assert.NotEmpty(d.Element(PortalPushes.Gcjs + "DueAt")!.Value);
        });

        var view = await Host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(dispatches.Select(d => d.Element(PortalPushes.Gcjs + "DispatchId")!.Value),
            view["dispatches"]!.AsArray().Select(d => (string)d!["dispatchId"]!));
    }

    [Fact]
    public async Task Repeat_returns_the_same_receipt_with_duplicate_true_and_reuse_is_an_application_conflict_fault()
    {
        var demandNo = PortalPushes.UniqueNo("GCJS-DUP-");
        var body = PortalPushes.SoapVariant("xinxian-tea-factory.xml", demandNo);
        using var first = await Host.PushSoapAsync(body);
        var original = await PortalPushes.SoapBodyAsync(first);
        using var again = await Host.PushSoapAsync(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await PortalPushes.SoapBodyAsync(again);
        Assert.Equal("true", repeat.Element(PortalPushes.Gcjs + "Duplicate")!.Value);
        foreach (var name in new[] { "CaseId", "ReceiptNo", "AcceptedAt" })
            Assert.Equal(original.Element(PortalPushes.Gcjs + name)!.Value, repeat.Element(PortalPushes.Gcjs + name)!.Value);
        Assert.Equal(original.Elements(PortalPushes.Gcjs + "Dispatch").Select(d => d.ToString()), repeat.Elements(PortalPushes.Gcjs + "Dispatch").Select(d => d.ToString()));

        var before = await Host.CaseCountAsync();
        using var changed = await Host.PushSoapAsync(PortalPushes.SoapVariant("xinxian-tea-factory.xml", demandNo,
            d => d.Element(PortalPushes.Gcjs + "Water")!.Element(PortalPushes.Gcjs + "DailyTons")!.Value = "121"));
        Assert.Equal(HttpStatusCode.InternalServerError, changed.StatusCode);
        var fault = await PortalPushes.SoapBodyAsync(changed);
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Equal([("DemandNo", "APPLICATION_CONFLICT")], PortalPushes.FaultErrors(fault));
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Validation_problems_are_one_client_fault_listing_every_error_by_element_path()
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushSoapAsync(Sample(change: d =>
        {
            d.Element(PortalPushes.Gcjs + "Stage")!.Value = "DESIGN";
            d.Element(PortalPushes.Gcjs + "Enterprise")!.Element(PortalPushes.Gcjs + "Uscc")!.Value = "91410928MA47LQ2E8D";
            d.Element(PortalPushes.Gcjs + "Water")!.Attribute("Business")!.Value = "SOMETIMES";
            d.Element(PortalPushes.Gcjs + "Gas")!.Element(PortalPushes.Gcjs + "DailyM3")!.Value = "fifty";
            d.Elements(PortalPushes.Gcjs + "OuterWork").First().Add(new XElement(PortalPushes.Gcjs + "SpecialZones", "RIVER MOON"));
            d.Add(new XElement(PortalPushes.Gcjs + "Network", new XAttribute("Business", "NEW")));
        }));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var fault = await PortalPushes.SoapBodyAsync(response);
        Assert.Equal(PortalPushes.SoapEnv + "Fault", fault.Name);
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Equal(new HashSet<(string, string)>
        {
            ("Stage", "INVALID_VALUE"),
            ("Enterprise/Uscc", "USCC_CHECKSUM"),
            ("Water/@Business", "INVALID_VALUE"),
            ("Gas/DailyM3", "INVALID_FORMAT"),
            ("OuterWork[1]/SpecialZones", "INVALID_VALUE"),
            ("Network", "UNSUPPORTED_SERVICE"),
        }, PortalPushes.FaultErrors(fault));
        Assert.All(fault.Element("detail")!.Elements(), e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Value));
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Theory]
    [InlineData("urn:gcjs:hookup:v1/SubmitHookupDemand")]
    [InlineData("\"urn:gcjs:hookup:v1/SubmitHookupDemand\"")]
    public async Task SoapAction_is_accepted_with_or_without_quotes(string soapAction)
    {
        using var response = await Host.PushSoapAsync(Sample(), soapAction);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"urn:gcjs:hookup:v1/NotifyProgress\"")]
    [InlineData("\"urn:gcjs:hookup:v2/SubmitHookupDemand\"")]
    public async Task Missing_or_wrong_SoapAction_is_a_client_fault_with_http_400(string? soapAction)
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushSoapAsync(Sample(), soapAction);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await PortalPushes.SoapBodyAsync(response);
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Equal([("", "SOAP_ACTION_MISMATCH")], PortalPushes.FaultErrors(fault));
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Signature_failures_are_client_faults_with_http_401_checked_before_the_xml_is_parsed()
    {
        using (var unsigned = await Host.PushSoapAsync(Encoding.UTF8.GetBytes("<not even xml"), sign: false))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            var fault = await PortalPushes.SoapBodyAsync(unsigned);
            Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
            Assert.Equal([("", "SIGNATURE_MISSING")], PortalPushes.FaultErrors(fault));
        }
        using (var wrongSecret = await Host.PushSoapAsync(Sample(), secret: "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
            Assert.Equal([("", "SIGNATURE_INVALID")], PortalPushes.FaultErrors(await PortalPushes.SoapBodyAsync(wrongSecret)));
        }
        using (var otherPortal = await Host.PushSoapAsync(Sample(), accessKey: "henan"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherPortal.StatusCode);
            Assert.Equal([("", "CALLER_NOT_ALLOWED")], PortalPushes.FaultErrors(await PortalPushes.SoapBodyAsync(otherPortal)));
        }
    }

    [Theory]
    [InlineData("application/soap+xml; charset=utf-8")]
    [InlineData("application/json")]
    public async Task Other_content_types_are_415_faults(string contentType)
    {
        using var response = await Host.PushSoapAsync(Sample(), contentType: contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal([("", "UNSUPPORTED_MEDIA_TYPE")], PortalPushes.FaultErrors(await PortalPushes.SoapBodyAsync(response)));
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_fault()
    {
        using var response = await Host.PushSoapAsync(Sample(change: d => d.Add(new XElement(PortalPushes.Gcjs + "Padding", new string('x', 1024 * 1024)))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal([("", "PAYLOAD_TOO_LARGE")], PortalPushes.FaultErrors(await PortalPushes.SoapBodyAsync(response)));
    }

    public static TheoryData<string, string, int, string, string> BadEnvelopes => new()
    {
        { "not well-formed", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>", 400, "soap:Client", "MALFORMED_BODY" },
        {
            "xxe",
            """<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SubmitHookupDemand xmlns="urn:gcjs:hookup:v1"><DemandNo>&x;</DemandNo></SubmitHookupDemand></soap:Body></soap:Envelope>""",
            400, "soap:Client", "MALFORMED_BODY"
        },
        {
            "billion laughs",
            """<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SubmitHookupDemand xmlns="urn:gcjs:hookup:v1"><DemandNo>&d;</DemandNo></SubmitHookupDemand></soap:Body></soap:Envelope>""",
            400, "soap:Client", "MALFORMED_BODY"
        },
        { "not an envelope", "<SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\"/>", 500, "soap:Client", "NOT_A_SOAP_ENVELOPE" },
        {
            "SOAP 1.2 envelope",
            "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body/></env:Envelope>",
            500, "soap:VersionMismatch", "VERSION_MISMATCH"
        },
        {
            "mustUnderstand header",
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><x:Tx xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\"/></soap:Header><soap:Body><SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\"/></soap:Body></soap:Envelope>",
            500, "soap:MustUnderstand", "MUST_UNDERSTAND"
        },
        { "empty body", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>", 500, "soap:Client", "EMPTY_BODY" },
        {
            "another operation",
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><NotifyProgress xmlns=\"urn:gcjs:hookup:v1\"/></soap:Body></soap:Envelope>",
            500, "soap:Client", "UNKNOWN_OPERATION"
        },
    };

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public async Task Unusable_messages_are_faults_and_store_nothing(string why, string body, int status, string faultCode, string code)
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushSoapAsync(Encoding.UTF8.GetBytes(body));
        Assert.True((int)response.StatusCode == status, $"{why}: HTTP {(int)response.StatusCode}");
        var fault = await PortalPushes.SoapBodyAsync(response);
        Assert.Equal(faultCode, fault.Element("faultcode")!.Value);
        Assert.Equal([("", code)], PortalPushes.FaultErrors(fault));
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Keqiao_demands_name_their_service_zone()
    {
        using var missing = await Host.PushSoapAsync(PortalPushes.SoapVariant("keqiao-textile-park.xml", PortalPushes.UniqueNo("GCJS-"),
            d => d.Element(PortalPushes.Gcjs + "ZoneCode")!.Remove()));
        Assert.Equal([("ZoneCode", "REQUIRED")], PortalPushes.FaultErrors(await PortalPushes.SoapBodyAsync(missing)));

        using var given = await Host.PushSoapAsync(PortalPushes.SoapVariant("keqiao-textile-park.xml", PortalPushes.UniqueNo("GCJS-")));
        var caseId = (await PortalPushes.SoapBodyAsync(given)).Element(PortalPushes.Gcjs + "CaseId")!.Value;
        Assert.Equal("kqedz", (string?)(await Host.GetJsonAsync($"/api/cases/{caseId}"))["zone"]);
    }
}
