using Gateway.Contracts.Cases;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Portals;

/// <summary>The four region files this issue adds, checked against docs/lifecycle.md and the plans in shared/seeds.</summary>
public sealed class PortalRegionsTests
{
    private static RegionPolicy Region(string id) => TestRepo.Regions.Find(id) ?? throw new Xunit.Sdk.XunitException($"no region {id}");

    [Theory]
    [InlineData("xinxian", "411523", "新城管文〔2023〕40号", new[] { "henan", "project-approval" })]
    [InlineData("ninghe", "120117", "2023-08-30", new[] { "project-approval" })]
    [InlineData("ezhou", "420700", "鄂州工改办〔2023〕11号", new[] { "hubei", "project-approval" })]
    [InlineData("puyang", "410928", "濮县工程改革办〔2022〕1号", new[] { "henan", "project-approval" })]
    public void Region_has_its_admin_code_plan_and_portals(string id, string adminCode, string plan, string[] portals)
    {
        var region = Region(id);
        Assert.Same(region, TestRepo.Regions.ResolveByAdminCode(adminCode));
        Assert.Contains(plan, region.Plan);
        Assert.Equal(portals, region.Portals);
        Assert.False(region.ZoneRequired);
        Assert.Empty(region.Zones);
        Assert.Null(region.PowerMaxVoltageKv);
    }

    [Fact]
    public void Project_approval_serves_all_five_regions() =>
        Assert.Equal(["ezhou", "keqiao", "ninghe", "puyang", "xinxian"],
            TestRepo.Regions.Regions.Where(r => r.Portals.Contains("project-approval")).Select(r => r.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Only_puyang_offers_heating_and_has_a_heating_utility()
    {
        Assert.Equal(["puyang"], TestRepo.Regions.Regions.Where(r => r.Services.Contains(ServiceType.Heating)).Select(r => r.Id));
        Assert.Equal([ServiceType.Water, ServiceType.Power, ServiceType.Gas, ServiceType.Heating], Region("puyang").Services);
        Assert.Equal(ServiceType.Heating, Region("puyang").UtilityFor("heating")!.Service);
        Assert.Equal("puyang-heating", Region("puyang").UtilityFor("heating")!.Id);
    }

    [Fact]
    public void Ezhou_owns_every_4207_code_and_lists_the_water_resources_bureau()
    {
        Assert.Same(Region("ezhou"), TestRepo.Regions.ResolveByAdminCode("420704"));
        Assert.Same(Region("ezhou"), TestRepo.Regions.ResolveByAdminCode("420703"));
        Assert.Null(TestRepo.Regions.ResolveByAdminCode("420100"));
        var waterResources = Region("ezhou").Counterparts.Single(c => c.Role == "water-resources");
        Assert.Equal(CounterpartKind.Department, waterResources.Kind);
        Assert.Contains("水利", waterResources.Name);
        Assert.Equal(new HashSet<string> { "ezhou-water", "ezhou-power", "ezhou-gas", "ezhou-cmcc", "ezhou-cucc", "ezhou-ctcc" },
            Region("ezhou").Counterparts.Where(c => c.Kind == CounterpartKind.Utility).Select(c => c.Id).ToHashSet());
    }

    [Theory]
    [InlineData("xinxian", 1)]   // no response limit in the plan: 1 working day chosen (docs/portals.md)
    [InlineData("ninghe", 1)]    // likewise
    [InlineData("ezhou", 1)]     // likewise; its 3/5-day limits are for the whole hookup
    [InlineData("puyang", 0.5)]  // 水电气暖各公司 0.5 个工作日内联合主动上门对接
    public void Every_region_has_a_work_order_response_limit(string id, double days) =>
        Assert.Equal((decimal)days, Region(id).SlaDays(SlaStep.WorkOrderResponse));

    [Fact]
    public void Plan_deadlines_of_domain_md_are_in_the_region_files()
    {
        Assert.Equal(1m, Region("xinxian").SlaDays(SlaStep.Connection));
        var puyang = Region("puyang");
        Assert.Equal((0.5m, 0.5m, 2m, 2m, 5m), (puyang.SlaDays(SlaStep.ApplicantContact), puyang.SlaDays(SlaStep.ParallelApproval),
            puyang.SlaDays(SlaStep.PlanCompiled), puyang.SlaDays(SlaStep.CommitmentFiling), puyang.SlaDays(SlaStep.RoadRestored)));
    }

    [Fact]
    public void Network_regions_have_all_three_carriers()
    {
        foreach (var region in TestRepo.Regions.Regions.Where(r => r.Services.Contains(ServiceType.Network)))
            Assert.All(new[] { "cmcc", "cucc", "ctcc" }, role => Assert.NotNull(region.UtilityFor(role)));
    }
}
