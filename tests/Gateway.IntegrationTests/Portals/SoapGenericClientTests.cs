using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// A generic SOAP client that knows only the WSDL — the npm <c>soap</c> package, run with node from
/// tests/soap-client — calls SubmitHookupDemand on the real host. It must succeed for a good demand and get a
/// soap:Client fault with the field errors for a bad one.
/// </summary>
[Collection(PortalsCollection.Name)]
public sealed class SoapGenericClientTests(PortalsGateway gateway)
{
    private static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "tests", "soap-client");

    private static JsonObject Demand(string demandNo) => JsonNode.Parse($$"""
        {
          "DemandNo": "{{demandNo}}",
          "RegionCode": "410928",
          "Stage": "CONSTRUCTION_PERMIT",
          "ProjectCode": "2026-410928-44-01-000112",
          "ProjectName": "濮阳县先进制造业开发区喆堃精密铸造车间项目",
          "PermitNo": "410928202611230101",
          "SiteAddress": "河南省濮阳市濮阳县先进制造业开发区濮上路66号",
          "Enterprise": { "Name": "濮阳市喆堃精密机械有限公司", "Uscc": "91410928MA47LQ2E8C", "Contact": "张喆", "Phone": "0393-3210888" },
          "FilledBy": "濮阳县住房和城乡建设局",
          "Water": { "attributes": { "Business": "NEW" }, "DailyTons": 80, "Usage": "DOMESTIC" },
          "Power": { "attributes": { "Business": "NEW" }, "CapacityKva": 400, "VoltageKv": 10 },
          "Heating": { "attributes": { "Business": "NEW" }, "AreaM2": 8000 },
          "DistanceToMainM": 300,
          "OuterWork": [
            { "attributes": { "Service": "WATER" }, "LengthM": 60, "DiameterDn": 150, "GreenM2": 0, "SmallAttached": true },
            { "attributes": { "Service": "HEATING" }, "LengthM": 90, "SpecialZones": "RAILWAY HIGHWAY" }
          ]
        }
        """)!.AsObject();

    [Fact]
    public async Task Node_soap_client_reading_only_the_wsdl_submits_a_demand()
    {
        var demandNo = PortalPushes.UniqueNo("GCJS-NODE-");
        var outcome = await CallAsync(Demand(demandNo));

        Assert.True((bool)outcome["ok"]!, outcome.ToJsonString());
        Assert.Equal(["SubmitHookupDemand"], outcome["operations"]!.AsArray().Select(o => (string)o!));
        var result = outcome["result"]!;
        var caseId = (string)result["CaseId"]!;
        Assert.StartsWith("puyang-", caseId);
        Assert.False((bool)result["Duplicate"]!);
        var dispatches = result["Dispatch"]!.AsArray();
        // Work orders, then (its outer works are not small attached facilities) a question to each of Puyang's departments.
        Assert.Equal(["puyang-water", "puyang-power", "puyang-heating", "puyang-approval-bureau", "puyang-urban-management", "puyang-police", "puyang-housing"],
            dispatches.Select(d => (string)d!["CounterpartId"]!));

        // What the client sent, read back as the canonical case.
        var view = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(demandNo, (string?)view["portalApplicationNo"]);
        Assert.Equal("濮阳市喆堃精密机械有限公司", (string?)view["applicant"]!["name"]);
        Assert.Equal("410928202611230101", (string?)view["project"]!["permitNo"]);
        Assert.Equal(300m, (decimal)view["distanceToMainM"]!);
        Assert.Equal(8000m, (decimal)view["services"]![2]!["areaM2"]!);
        Assert.True((bool)view["outerWorks"]![0]!["smallAttached"]!);
        Assert.Equal(["RAILWAY", "HIGHWAY"], view["outerWorks"]![1]!["specialZones"]!.AsArray().Select(z => (string)z!));
        Assert.Equal(dispatches.Select(d => (string)d!["DispatchId"]!), view["dispatches"]!.AsArray().Select(d => (string)d!["dispatchId"]!));

        // The same demand again: the same receipt, marked duplicate.
        var repeat = await CallAsync(Demand(demandNo));
        Assert.True((bool)repeat["ok"]!, repeat.ToJsonString());
        Assert.Equal(caseId, (string?)repeat["result"]!["CaseId"]);
        Assert.Equal((string?)result["ReceiptNo"], (string?)repeat["result"]!["ReceiptNo"]);
        Assert.True((bool)repeat["result"]!["Duplicate"]!);
    }

    [Fact]
    public async Task Node_soap_client_gets_a_client_fault_listing_every_field_error()
    {
        var before = await gateway.Host.CaseCountAsync();
        var demand = Demand(PortalPushes.UniqueNo("GCJS-NODE-"));
        demand["ProjectCode"] = "2026-411523-44-01-000112";
        demand["Enterprise"]!["Uscc"] = "91410928MA47LQ2E8D";
        demand["Network"] = JsonNode.Parse("""{ "attributes": { "Business": "NEW" }, "Users": 20 }""");

        var outcome = await CallAsync(demand);

        Assert.False((bool)outcome["ok"]!, outcome.ToJsonString());
        Assert.Equal(500, (int)outcome["status"]!);
        var fault = outcome["fault"]!;
        Assert.Equal("soap:Client", (string?)fault["faultcode"]);
        var errors = fault["detail"]!["Error"]!.AsArray()
            .Select(e => ((string)e!["attributes"]!["Field"]!, (string)e["attributes"]!["Code"]!, (string)e["$value"]!)).ToList();
        Assert.Equal(new HashSet<(string, string)>
        {
            ("ProjectCode", "REGION_MISMATCH"), ("Enterprise/Uscc", "USCC_CHECKSUM"), ("Network", "UNSUPPORTED_SERVICE"),
        }, errors.Select(e => (e.Item1, e.Item2)).ToHashSet());
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Item3));
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    /// <summary>Runs <c>node call.js</c> against the host's WSDL; its stdout is one JSON object.</summary>
    private async Task<JsonObject> CallAsync(JsonObject args)
    {
        var soapPackage = Path.Combine(ClientDirectory, "node_modules", "soap", "package.json");
        Assert.True(File.Exists(soapPackage),
            $"The generic SOAP client is not installed: run `npm install --no-audit --no-fund` in {ClientDirectory} (test.sh does) before dotnet test.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["GW_ACCESS_KEY"] = "project-approval",
                ["GW_SECRET"] = PortalPushes.SecretOf("project-approval"),
            },
        };
        start.ArgumentList.Add("call.js");
        start.ArgumentList.Add(new Uri(gateway.Host.BaseUrl, "/soap/project-approval?wsdl").ToString());
        start.ArgumentList.Add("SubmitHookupDemand");
        start.ArgumentList.Add(args.ToJsonString());

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("node call.js did not finish within 60 s");
        }
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"node call.js exited {process.ExitCode}: {output}{await stderr}");
        return JsonNode.Parse(output)!.AsObject();
    }
}
