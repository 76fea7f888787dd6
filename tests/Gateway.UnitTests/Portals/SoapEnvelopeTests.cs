using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Gateway.Adapters.Counterparts.Soap;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Adapters.Security;
using Gateway.Adapters.Soap;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.UnitTests.Portals;

public sealed class SoapEnvelopeTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    [Theory]
    [InlineData("urn:gcjs:hookup:v1/SubmitHookupDemand", true)]
    [InlineData("\"urn:gcjs:hookup:v1/SubmitHookupDemand\"", true)]
    [InlineData(" \"urn:gcjs:hookup:v1/SubmitHookupDemand\" ", true)]
    [InlineData("\"urn:gcjs:hookup:v1/submithookupdemand\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SoapAction_matches_with_or_without_quotes_and_exactly(string? header, bool matches) =>
        Assert.Equal(matches, ProjectApprovalContract.SubmitHookupDemand.MatchesAction(header));

    [Fact]
    public void The_payload_is_the_first_element_of_the_body_after_any_header()
    {
        var (payload, fault) = SoapEnvelope.Read(Encoding.UTF8.GetBytes("""
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:Trace xmlns:h="urn:x">1</h:Trace></s:Header>
            <s:Body><SubmitHookupDemand xmlns="urn:gcjs:hookup:v1"><DemandNo>1</DemandNo></SubmitHookupDemand></s:Body></s:Envelope>
            """));
        Assert.Null(fault);
        Assert.Equal(ProjectApprovalContract.SubmitHookupDemand.PayloadName, payload!.Name);
    }

    [Fact]
    public async Task A_fault_is_a_soap_11_envelope_with_error_detail_entries_in_the_operations_namespace()
    {
        var http = NewContext(withOperation: true);
        await SoapFault.Validation([new FieldError("Enterprise/Uscc", "USCC_CHECKSUM", "统一社会信用代码校验位错误"), new FieldError("Stage", "REQUIRED", "审批阶段不能为空")])
            .ExecuteAsync(http);

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", http.Response.ContentType);
        var fault = Body(http);
        Assert.Equal(Soap + "Fault", fault.Name);
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Contains("2", fault.Element("faultstring")!.Value);
        var errors = fault.Element("detail")!.Elements().ToList();
        Assert.All(errors, e => Assert.Equal(PortalSamples.Gcjs + "Error", e.Name));
        Assert.Equal(["Enterprise/Uscc", "Stage"], errors.Select(e => (string)e.Attribute("Field")!));
        Assert.Equal(["USCC_CHECKSUM", "REQUIRED"], errors.Select(e => (string)e.Attribute("Code")!));
        Assert.Equal("统一社会信用代码校验位错误", errors[0].Value);
    }

    public static TheoryData<string> Wsdls() => ["project-approval", "departments"];

    /// <summary>
    /// Both WSDLs declare the validation fault (wsdl:fault + soap:fault, one part: element tns:Error), and every detail
    /// entry the gateway writes is valid against that element — what lets a generated client type the fault.
    /// </summary>
    [Theory]
    [MemberData(nameof(Wsdls))]
    public async Task Each_wsdl_declares_the_fault_and_every_detail_entry_is_valid_against_its_part(string which)
    {
        XNamespace wsdlNs = "http://schemas.xmlsoap.org/wsdl/", wsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/", xs = "http://www.w3.org/2001/XMLSchema";
        var (operation, text) = which == "departments"
            ? (DepartmentSoapContract.ReportDecision, DepartmentSoapContract.Wsdl("http://h/soap/departments"))
            : (ProjectApprovalContract.SubmitHookupDemand, ProjectApprovalWsdl.For("http://h/soap/project-approval"));
        var wsdl = XDocument.Parse(text).Root!;

        var portOperation = wsdl.Elements(wsdlNs + "portType").Elements(wsdlNs + "operation").Single(o => (string?)o.Attribute("name") == operation.Name);
        var fault = Assert.Single(portOperation.Elements(wsdlNs + "fault"));
        var message = wsdl.Elements(wsdlNs + "message").Single(m => "tns:" + (string?)m.Attribute("name") == (string?)fault.Attribute("message"));
        Assert.Equal("tns:Error", (string?)Assert.Single(message.Elements(wsdlNs + "part")).Attribute("element"));
        var bound = wsdl.Elements(wsdlNs + "binding").Elements(wsdlNs + "operation").Single(o => (string?)o.Attribute("name") == operation.Name)
            .Elements(wsdlNs + "fault").Single(f => (string?)f.Attribute("name") == (string?)fault.Attribute("name"));
        Assert.Equal("literal", (string?)bound.Element(wsdlSoap + "fault")!.Attribute("use"));

        var http = NewContext(withOperation: false);
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(operation), "soap"));
        await SoapFault.Validation([new FieldError("eventId", "REQUIRED", "事件编号不能为空"), new FieldError("", "NO_SERVICE_REQUESTED", "未申请任何服务")])
            .ExecuteAsync(http);
        var schemas = new XmlSchemaSet();
        schemas.Add(XmlSchema.Read(wsdl.Element(wsdlNs + "types")!.Element(xs + "schema")!.CreateReader(), null)!);
        schemas.Compile();
        var entries = Body(http).Element("detail")!.Elements().ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            var problems = new List<string>();
            new XDocument(new XElement(entry)).Validate(schemas, (_, e) => problems.Add(e.Message));
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
    }

    [Fact]
    public async Task The_signed_request_filter_turns_an_exception_into_a_soap_server_fault()
    {
        var http = NewContext(withOperation: true);
        var filter = new SoapSignedRequestFilter(PassingVerifier(), OnlyProjectApproval, NullLogger<SoapSignedRequestFilter>.Instance);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http),
            _ => throw new InvalidOperationException("store is down"));

        var fault = Assert.IsType<SoapFault>(result);
        Assert.Equal(500, fault.Status);
        Assert.Equal("soap:Server", fault.FaultCode);
        Assert.DoesNotContain("store is down", fault.FaultString);
        Assert.Equal("INTERNAL_ERROR", Assert.Single(fault.Errors).Code);
    }

    [Fact]
    public async Task The_signed_request_filter_refuses_an_unsigned_call_with_401_before_the_endpoint_runs()
    {
        var http = NewContext(withOperation: true);
        var reached = false;
        var filter = new SoapSignedRequestFilter(PassingVerifier(), OnlyProjectApproval, NullLogger<SoapSignedRequestFilter>.Instance);
        http.Request.Headers.Remove(SignatureHeaders.Signature);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => { reached = true; return ValueTask.FromResult<object?>(null); });

        var fault = Assert.IsType<SoapFault>(result);
        Assert.False(reached);
        Assert.Equal((401, "soap:Client", "SIGNATURE_MISSING"), (fault.Status, fault.FaultCode, Assert.Single(fault.Errors).Code));
    }

    private static XElement Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        var document = XDocument.Load(http.Response.Body);
        Assert.Equal(Soap + "Envelope", document.Root!.Name);
        return document.Root.Element(Soap + "Body")!.Elements().Single();
    }

    private static DefaultHttpContext NewContext(bool withOperation)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        http.Request.Method = "POST";
        http.Request.Path = "/soap/project-approval";
        http.Request.Body = new MemoryStream("<x/>"u8.ToArray());
        if (withOperation)
            http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(ProjectApprovalContract.SubmitHookupDemand), "soap"));
        var body = "<x/>"u8.ToArray();
        var date = RequestSignature.FormatDate(Clock.GetUtcNow());
        var nonce = RequestSignature.NewNonce();
        var digest = RequestSignature.ContentSha256(body);
        http.Request.Headers[SignatureHeaders.AccessKey] = "project-approval";
        http.Request.Headers[SignatureHeaders.Algorithm] = SignatureHeaders.HmacSha256;
        http.Request.Headers[SignatureHeaders.Date] = date;
        http.Request.Headers[SignatureHeaders.Nonce] = nonce;
        http.Request.Headers[SignatureHeaders.ContentSha256] = digest;
        http.Request.Headers[SignatureHeaders.Signature] = RequestSignature.Sign(SignatureHeaders.HmacSha256, "s3cret",
            RequestSignature.StringToSign("POST", "/soap/project-approval", "", "project-approval", date, nonce, digest));
        return http;
    }

    private static readonly CallerRule OnlyProjectApproval = new OnlyCaller("project-approval", "调用方无权使用该接口", caller => $"访问密钥 {caller} 无权调用工改平台接口");

    [Fact]
    public async Task The_signed_request_filter_refuses_an_undeclared_caller_with_a_403_fault_before_the_endpoint_runs()
    {
        var http = NewContext(withOperation: true);
        var reached = false;
        var onlyHenan = new OnlyCaller("henan", "调用方无权使用该接口", caller => $"访问密钥 {caller} 无权调用");
        var filter = new SoapSignedRequestFilter(PassingVerifier(), onlyHenan, NullLogger<SoapSignedRequestFilter>.Instance);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => { reached = true; return ValueTask.FromResult<object?>(null); });

        var fault = Assert.IsType<SoapFault>(result);
        Assert.False(reached);
        Assert.Equal((403, "soap:Client", "CALLER_NOT_ALLOWED"), (fault.Status, fault.FaultCode, Assert.Single(fault.Errors).Code));
        Assert.Equal("访问密钥 project-approval 无权调用", fault.FaultString);
    }

    /// <summary>Any fixed instant: the signed date and the verifier's clock agree, whatever today is.</summary>
    private static readonly TimeProvider Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

    private static SignatureVerifier PassingVerifier() => new(new OneSecret(), new AnyNonce(), Clock);

    private sealed class OneSecret : ICallerSecrets
    {
        public bool TryGetSecret(string accessKey, out string secret)
        {
            secret = "s3cret";
            return accessKey == "project-approval";
        }
    }

    private sealed class AnyNonce : INonceStore
    {
        public Task<bool> TryRememberAsync(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }
}
