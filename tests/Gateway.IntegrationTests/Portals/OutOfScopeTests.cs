using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// OUT_OF_SCOPE through Henan and Hubei. Their regions' plans set no voltage limit, so this gateway runs on a copy
/// of config/ in which 新县 and 鄂州 accept power up to 10 kV only (Keqiao's real 20 kV limit is tested elsewhere).
/// </summary>
public sealed class OutOfScopeTests(OutOfScopeTests.LimitedRegionsGateway gateway) : IClassFixture<OutOfScopeTests.LimitedRegionsGateway>
{
    public sealed class LimitedRegionsGateway : PortalsGateway
    {
        private readonly string _config = CopyWithVoltageLimits();

        protected override string ConfigDirectory => _config;

        private static string CopyWithVoltageLimits()
        {
            var target = Directory.CreateTempSubdirectory("gateway-config-").FullName;
            foreach (var file in Directory.GetFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target, Path.GetRelativePath(RepoPaths.Config, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            foreach (var region in new[] { "xinxian", "ezhou" })
            {
                var path = Path.Combine(target, "regions", region + ".json");
                var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                json["limits"] = new JsonObject { ["powerMaxVoltageKv"] = 10 };
                File.WriteAllText(path, json.ToJsonString());
            }
            return target;
        }
    }

    [Fact]
    public async Task Henan_power_above_the_regions_limit_is_out_of_scope_and_not_stored()
    {
        var before = await gateway.Host.CaseCountAsync();
        var body = PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN"), x => x.Replace("<DYDJ>10</DYDJ>", "<DYDJ>35</DYDJ>"));
        Assert.Equal([("BZSQ/BZSX/SX[@LB='YD']/DYDJ", "OUT_OF_SCOPE")], await RejectionCodesTests.RejectAsync(gateway.Host, "henan", body));
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    [Fact]
    public async Task Hubei_power_above_the_regions_limit_is_out_of_scope_and_not_stored()
    {
        var before = await gateway.Host.CaseCountAsync();
        var body = PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"), s => PortalPushes.SetField(s, "yd_dy", "35 kV"));
        Assert.Equal([("yd_dy", "OUT_OF_SCOPE")], await RejectionCodesTests.RejectAsync(gateway.Host, "hubei", body));
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    [Fact]
    public async Task At_the_limit_is_in_scope()
    {
        var body = PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"), s => PortalPushes.SetField(s, "yd_dy", "10千伏"));
        using var response = await gateway.Host.PushHubeiAsync(body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }
}
