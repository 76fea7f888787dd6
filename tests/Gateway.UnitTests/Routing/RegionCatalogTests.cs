using Gateway.Contracts.Cases;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Routing;

public sealed class RegionCatalogTests
{
    [Fact]
    public void Keqiao_loads_with_its_zones_utilities_and_departments()
    {
        var keqiao = TestRepo.Regions.Find("keqiao")!;
        Assert.Equal(["main-city", "linkong", "lanting", "kqedz", "jianhu"], keqiao.Zones.Select(z => z.Code));
        Assert.Equal([ServiceType.Water, ServiceType.Power, ServiceType.Gas, ServiceType.Network], keqiao.Services);
        Assert.Equal(20m, keqiao.PowerMaxVoltageKv);
        Assert.Equal(6, keqiao.Counterparts.Count(c => c.Kind == CounterpartKind.Utility));
        Assert.Contains(keqiao.Counterparts, c => c.Id == "keqiao-police" && c.Kind == CounterpartKind.Department);
        Assert.Equal(1m, keqiao.SlaDays(SlaStep.WorkOrderResponse));
        Assert.Same(keqiao, TestRepo.Regions.ResolveByAdminCode("330603"));
        Assert.Null(TestRepo.Regions.ResolveByAdminCode("330602"));
    }

    [Fact]
    public void Every_limit_of_every_region_file_names_the_plan_clause_it_comes_from()
    {
        foreach (var region in TestRepo.Regions.Regions)
        {
            foreach (var step in region.Sla.Keys)
                Assert.False(string.IsNullOrWhiteSpace(region.SlaSources.GetValueOrDefault(step)), $"{region.Id}: {step} has no source");
            if (region.WorkOrderDueByDistance.Count > 0)
                Assert.True(region.SlaSources.ContainsKey(Gateway.Routing.FanOut.FanOutPlanner.HookupByDistanceStep), $"{region.Id}: distance bands have no source");
        }
        // Only Keqiao names a department limit; Xin County, Ninghe and Ezhou name none (and get none invented).
        Assert.Equal(["keqiao"], TestRepo.Regions.Regions.Where(r => r.Sla.ContainsKey(SlaStep.DepartmentInvolvement)).Select(r => r.Id));
        Assert.Equal("《建设项目附属小型水电气暖设施接入工程告知承诺回执》", TestRepo.Regions.Find("puyang")!.CommitmentReceiptTitle);
    }

    private static string WriteRegion(string json, string name = "testland")
    {
        var dir = Directory.CreateTempSubdirectory("regions-").FullName;
        File.WriteAllText(Path.Combine(dir, name + ".json"), json);
        return dir;
    }

    [Fact]
    public void Mistakes_are_reported_with_file_and_field()
    {
        var dir = WriteRegion("""
            { "id": "testland", "name": "测试区", "plan": "无", "adminCodes": ["12345"], "portals": ["fax"],
              "services": ["WATER", "TELEPORT"],
              "counterparts": [ { "id": "testland-water", "role": "water", "name": "水" },
                                { "id": "other-gas", "role": "gas", "name": "气" } ],
              "sla": { "WORK_ORDER_RESPONSE": 0.3, "COFFEE": 1 } }
            """);
        var error = Assert.Throws<RegionConfigException>(() => RegionCatalog.LoadDirectory(dir));
        Assert.Contains("testland.json: adminCodes: '12345' is not a 6-digit admin code", error.Message);
        Assert.Contains("testland.json: portals: unknown portal 'fax'", error.Message);
        Assert.Contains("testland.json: services: unknown service 'TELEPORT'", error.Message);
        Assert.Contains("testland.json: counterparts: id 'other-gas' must be 'testland-gas'", error.Message);
        Assert.Contains("testland.json: sla: unknown step 'COFFEE'", error.Message);
        Assert.Contains("WORK_ORDER_RESPONSE: 0.3 must be a positive multiple of 0.5", error.Message);
    }

    [Fact]
    public void Outer_works_and_cost_rule_mistakes_name_the_rule_and_field()
    {
        var dir = WriteRegion("""
            { "id": "testland", "name": "测试区", "plan": "无", "adminCodes": ["123456"], "services": ["WATER"],
              "counterparts": [ { "id": "testland-water", "role": "water", "name": "水" } ],
              "sla": { "WORK_ORDER_RESPONSE": 1 },
              "outerWorks": { "commitment": [
                { "name": "承诺", "services": ["WATER"], "when": [ { "field": "depthM", "lt": 1 }, { "field": "hazardous", "lt": 1 },
                                                                   { "field": "lengthM", "lt": 1, "le": 2 } ] },
                { "services": [] } ] },
              "costs": [ { "services": ["POWER"], "capacityBands": [ { "upToKw": 220, "bearer": "GOVERNMENT" }, { "upToKw": 160, "bearer": "UTILITY" } ] },
                         { "services": ["WATER"], "bearer": "NOBODY" } ] }
            """);
        var error = Assert.Throws<RegionConfigException>(() => RegionCatalog.LoadDirectory(dir));
        Assert.Contains("outerWorks.commitment[0]: unknown field 'depthM'", error.Message);
        Assert.Contains("outerWorks.commitment[0]: hazardous is not numeric", error.Message);
        Assert.Contains("outerWorks.commitment[0]: lengthM: give exactly one of lt, le, is, empty", error.Message);
        Assert.Contains("outerWorks.commitment[1]: needs a name", error.Message);
        Assert.Contains("outerWorks.commitment[1]: lists no services", error.Message);
        Assert.Contains("costs[0]: capacity bands must be in increasing upToKw order", error.Message);
        Assert.Contains("costs[0]: capacityBands need 'above'", error.Message);
        Assert.Contains("costs[1]: bearer: unknown bearer 'NOBODY'", error.Message);
    }

    [Fact]
    public void Intent_and_ratings_sections_name_their_plan_clause_and_say_which_regions_offer_them()
    {
        Assert.Equal(["keqiao", "puyang", "xinxian"], TestRepo.Regions.Regions.Where(r => r.Intent is not null).Select(r => r.Id).Order());
        Assert.All(TestRepo.Regions.Regions, r => Assert.False(string.IsNullOrWhiteSpace(r.Ratings?.Source), $"{r.Id}: ratings need their clause"));
        Assert.Contains("免申办", TestRepo.Regions.Find("keqiao")!.Intent!.Source);
        Assert.Contains("办事满意度", TestRepo.Regions.Find("ninghe")!.Ratings!.Source);

        var dir = WriteRegion("""
            { "id": "testland", "name": "测试区", "plan": "无", "adminCodes": ["123456"], "services": ["WATER"],
              "counterparts": [ { "id": "testland-water", "role": "water", "name": "水" } ],
              "sla": { "WORK_ORDER_RESPONSE": 1 }, "intent": {}, "ratings": { "source": " " } }
            """);
        var error = Assert.Throws<RegionConfigException>(() => RegionCatalog.LoadDirectory(dir));
        Assert.Contains("testland.json: intent.source: required", error.Message);
        Assert.Contains("testland.json: ratings.source: required", error.Message);
    }

    [Fact]
    public void A_service_without_its_utility_is_refused()
    {
        var dir = WriteRegion("""
            { "id": "testland", "name": "测试区", "plan": "无", "adminCodes": ["123456"], "services": ["NETWORK"],
              "counterparts": [ { "id": "testland-cmcc", "role": "cmcc", "name": "移动" } ],
              "sla": { "WORK_ORDER_RESPONSE": 1 } }
            """);
        var error = Assert.Throws<RegionConfigException>(() => RegionCatalog.LoadDirectory(dir));
        Assert.Contains("no 'testland-cucc' utility", error.Message);
        Assert.Contains("no 'testland-ctcc' utility", error.Message);
    }

    [Fact]
    public void File_name_and_id_must_agree_and_json_must_parse()
    {
        Assert.Contains("must equal the file name 'elsewhere'", Assert.Throws<RegionConfigException>(() =>
            RegionCatalog.LoadDirectory(WriteRegion("""{ "id": "testland" }""", "elsewhere"))).Message);
        Assert.Contains("testland.json: not valid JSON", Assert.Throws<RegionConfigException>(() =>
            RegionCatalog.LoadDirectory(WriteRegion("{ nope"))).Message);
    }
}
