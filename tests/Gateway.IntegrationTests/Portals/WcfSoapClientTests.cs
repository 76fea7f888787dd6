using System.ServiceModel;
using System.Text;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.IntegrationTests.Portals.Wcf;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// A second, independent SOAP stack against both WSDLs: a WCF client (System.ServiceModel.Http, BasicHttpBinding,
/// XmlSerializer contracts written to the WSDLs' schemas) calls SubmitHookupDemand at /soap/project-approval and
/// ReportDecision at /soap/departments on the real host, signed over the bytes WCF sends. Good input is answered with
/// the typed response; bad input with a <see cref="FaultException{GatewayErrorList}"/> listing every field error.
/// </summary>
[Collection(PortalsCollection.Name)]
public sealed class WcfSoapClientTests(PortalsGateway gateway)
{
    private const string Department = "puyang-approval-bureau";

    /// <summary>The portals gateway configures no caller secret for departments, so the embedded profile's development one applies.</summary>
    private const string DepartmentSecret = $"dev-only-secret-{Department}";

    private GatewayHost Host => gateway.Host;

    private static SubmitHookupDemand Demand(string demandNo) => new()
    {
        DemandNo = demandNo,
        RegionCode = "410928",
        Stage = Stage.CONSTRUCTION_PERMIT,
        ProjectCode = "2026-410928-44-01-000112",
        ProjectName = "濮阳县先进制造业开发区喆堃精密铸造车间项目",
        PermitNo = "410928202611230101",
        SiteAddress = "河南省濮阳市濮阳县先进制造业开发区濮上路66号",
        Enterprise = new Enterprise { Name = "濮阳市喆堃精密机械有限公司", Uscc = "91410928MA47LQ2E8C", Contact = "张喆", Phone = "0393-3210888" },
        FilledBy = "濮阳县住房和城乡建设局",
        Water = new WaterDemand { Business = Business.NEW, DailyTons = 80, Usage = "DOMESTIC" },
        Power = new PowerDemand { Business = Business.NEW, CapacityKva = 400, VoltageKv = 10 },
        Heating = new HeatingDemand { Business = Business.NEW, AreaM2 = 8000 },
        DistanceToMainM = 300,
        OuterWork =
        [
            new OuterWork { Service = Service.WATER, LengthM = 60, DiameterDn = 150, GreenM2 = 0, SmallAttached = true },
            new OuterWork { Service = Service.HEATING, LengthM = 90, SpecialZones = "RAILWAY HIGHWAY" },
        ],
    };

    [Fact]
    public async Task Wcf_client_submits_a_demand_and_a_department_reports_its_decision()
    {
        var portal = Signing("project-approval", PortalPushes.SecretOf("project-approval"));
        var demandNo = PortalPushes.UniqueNo("GCJS-WCF-");
        var receipt = await SubmitAsync(portal, Demand(demandNo));

        Assert.StartsWith("puyang-", receipt.CaseId);
        Assert.StartsWith("SL", receipt.ReceiptNo);
        Assert.False(receipt.Duplicate);
        Assert.Equal(TimeSpan.FromHours(8), receipt.AcceptedAt.Offset);
        Assert.Equal(["puyang-water", "puyang-power", "puyang-heating", "puyang-approval-bureau", "puyang-urban-management", "puyang-police", "puyang-housing"],
            receipt.Dispatch.Select(d => d.CounterpartId));
        Assert.Equal([.. Enumerable.Repeat("WORK_ORDER", 3), .. Enumerable.Repeat("APPROVAL_REQUEST", 4)], receipt.Dispatch.Select(d => d.Kind));

        // What WCF put on the wire: one document/literal envelope, the WSDL's quoted SOAPAction, the payload element
        // in the WSDL's namespace.
        var (path, action, body) = Assert.Single(portal.Sent);
        Assert.Equal("/soap/project-approval", path);
        Assert.Equal("\"urn:gcjs:hookup:v1/SubmitHookupDemand\"", action);
        Assert.Contains("<SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\">", Encoding.UTF8.GetString(body));

        var view = await Host.GetJsonAsync($"/api/cases/{receipt.CaseId}");
        Assert.Equal(demandNo, (string?)view["portalApplicationNo"]);
        Assert.Equal("濮阳市喆堃精密机械有限公司", (string?)view["applicant"]!["name"]);
        Assert.Equal(["RAILWAY", "HIGHWAY"], view["outerWorks"]![1]!["specialZones"]!.AsArray().Select(z => (string)z!));

        // The same demand again: the same receipt, marked duplicate.
        var repeat = await SubmitAsync(portal, Demand(demandNo));
        Assert.Equal((receipt.CaseId, receipt.ReceiptNo, true), (repeat.CaseId, repeat.ReceiptNo, repeat.Duplicate));

        // The department answers its approval request over /soap/departments, signed with its own key.
        var question = receipt.Dispatch.Single(d => d.CounterpartId == Department).DispatchId;
        await Host.WaitForCaseAsync(receipt.CaseId, v => v["dispatches"]!.AsArray()
            .Any(d => (string?)d!["dispatchId"] == question && (string?)d["status"] == "ACKNOWLEDGED"));
        var department = Signing(Department, DepartmentSecret);
        var decision = new ReportDecision
        {
            EventId = "evt-" + Guid.NewGuid().ToString("N"), DispatchId = question, Decision = Decision.NOT_INVOLVED,
            At = Host.Clock.GetUtcNow().UtcDateTime,
        };
        Assert.Equal("ACCEPTED", (await DecideAsync(department, decision)).Status);
        Assert.Equal("DUPLICATE", (await DecideAsync(department, decision)).Status);
        Assert.All(department.Sent, s => Assert.Equal("\"urn:hookup:counterpart:v1/ReportDecision\"", s.SoapAction));

        await Host.WaitForCaseAsync(receipt.CaseId, v => v["dispatches"]!.AsArray()
            .Any(d => (string?)d!["dispatchId"] == question && (string?)d["status"] == "DONE"));
    }

    [Fact]
    public async Task Wcf_client_gets_every_field_error_of_a_demand_as_a_typed_fault()
    {
        var before = await Host.CaseCountAsync();
        var demand = Demand(PortalPushes.UniqueNo("GCJS-WCF-"));
        demand.ProjectCode = "2026-411523-44-01-000112";
        demand.Enterprise.Uscc = "91410928MA47LQ2E8D";
        demand.Network = new NetworkDemand { Business = Business.NEW, Users = 20 };

        var fault = await Assert.ThrowsAsync<FaultException<GatewayErrorList>>(() =>
            SubmitAsync(Signing("project-approval", PortalPushes.SecretOf("project-approval")), demand));

        Assert.Equal("Client", fault.Code.Name);
        Assert.Contains("校验未通过", fault.Reason.ToString());
        Assert.Equal(HookupDemandClientContract.Ns, fault.Detail.Namespace);
        Assert.Equal(new HashSet<(string?, string)>
        {
            ("ProjectCode", "REGION_MISMATCH"), ("Enterprise/Uscc", "USCC_CHECKSUM"), ("Network", "UNSUPPORTED_SERVICE"),
        }, fault.Detail.Errors.Select(e => (e.Field, e.Code)).ToHashSet());
        Assert.All(fault.Detail.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Wcf_client_gets_every_field_error_of_a_decision_as_a_typed_fault()
    {
        var fault = await Assert.ThrowsAsync<FaultException<GatewayErrorList>>(() =>
            DecideAsync(Signing(Department, DepartmentSecret), new ReportDecision
            {
                EventId = "", DispatchId = "", Decision = Decision.REJECTED, At = Host.Clock.GetUtcNow().UtcDateTime,
            }));

        Assert.Equal("Client", fault.Code.Name);
        Assert.Equal(DecisionsClientContract.Ns, fault.Detail.Namespace);
        Assert.Equal(new HashSet<(string?, string)>
        {
            ("eventId", ErrorCodes.Required), ("dispatchId", ErrorCodes.Required), ("reason", ErrorCodes.Required),
        }, fault.Detail.Errors.Select(e => (e.Field, e.Code)).ToHashSet());
        Assert.All(fault.Detail.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    private SignedSoapBehavior Signing(string accessKey, string secret) => new(new SigningCredentials(accessKey, secret), Host.Clock);

    private async Task<SubmitHookupDemandResponse> SubmitAsync(SignedSoapBehavior signing, SubmitHookupDemand demand)
    {
        var factory = Factory<IHookupDemandPort>("/soap/project-approval", signing);
        try
        {
            var channel = factory.CreateChannel();
            return (await channel.SubmitHookupDemandAsync(new SubmitHookupDemandRequest { SubmitHookupDemand = demand })).SubmitHookupDemandResponse;
        }
        finally
        {
            factory.Abort();
        }
    }

    private async Task<ReportDecisionResponse> DecideAsync(SignedSoapBehavior signing, ReportDecision decision)
    {
        var factory = Factory<IDecisionsPort>("/soap/departments", signing);
        try
        {
            var channel = factory.CreateChannel();
            return (await channel.ReportDecisionAsync(new ReportDecisionRequest { ReportDecision = decision })).ReportDecisionResponse;
        }
        finally
        {
            factory.Abort();
        }
    }

    private ChannelFactory<T> Factory<T>(string path, SignedSoapBehavior signing)
    {
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None) { MaxReceivedMessageSize = 1024 * 1024 };
        var factory = new ChannelFactory<T>(binding, new EndpointAddress(new Uri(Host.BaseUrl, path)));
        factory.Endpoint.EndpointBehaviors.Add(signing);
        return factory;
    }
}
