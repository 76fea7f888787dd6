using Gateway.Contracts.Cases;
using Gateway.Routing.OuterWorks;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Routing;

/// <summary>
/// docs/lifecycle.md "Notification-commitment path", rule by rule, each boundary on both sides, against the region files in
/// config/regions/ (the thresholds are config: these tests pin what the plans say).
/// </summary>
public sealed class OuterWorkPathTests
{
    private static RegionPolicy Region(string id) => TestRepo.Regions.Find(id)!;

    private static OuterWorkDecision Decide(string region, ServiceType service, Action<OuterWork> configure)
    {
        var work = new OuterWork { Service = service };
        configure(work);
        return OuterWorkPathDecider.Decide(work, Region(region));
    }

    // Keqiao: length < 200 m (strict), no special zone, no road built within 5 / overhauled within 3 years.
    [Theory]
    [InlineData(199.9, OuterWorkPath.Commitment)]
    [InlineData(200, OuterWorkPath.ParallelApproval)]
    [InlineData(250, OuterWorkPath.ParallelApproval)]
    public void Keqiao_length_under_200_m_strictly(double length, OuterWorkPath expected)
    {
        var decision = Decide("keqiao", ServiceType.Water, w => w.LengthM = (decimal)length);
        Assert.Equal(expected, decision.Path);
        Assert.Contains(decision.Reasons, r => r.Contains("长度（米）", StringComparison.Ordinal) && r.Contains("< 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Keqiao_reasons_name_every_condition_that_held()
    {
        var decision = Decide("keqiao", ServiceType.Gas, w => w.LengthM = 150);
        Assert.Equal(OuterWorkPath.Commitment, decision.Path);
        Assert.Equal("告知承诺审批", decision.Rule);
        Assert.Equal(["告知承诺审批：长度（米） 150 < 200", "告知承诺审批：不涉及特殊区域", "告知承诺审批：五年内新建或三年内大修的道路：否"], decision.Reasons);
    }

    [Fact]
    public void Keqiao_recent_road_takes_a_short_work_to_parallel_approval()
    {
        var decision = Decide("keqiao", ServiceType.Power, w => { w.LengthM = 50; w.RecentRoad = true; });
        Assert.Equal(OuterWorkPath.ParallelApproval, decision.Path);
        Assert.Equal(["不符合告知承诺审批：五年内新建或三年内大修的道路：是"], decision.Reasons);
    }

    [Theory]
    [InlineData(SpecialZone.NatureReserve, "自然保护区")]
    [InlineData(SpecialZone.Heritage, "文物保护区")]
    [InlineData(SpecialZone.Railway, "铁路")]
    [InlineData(SpecialZone.Highway, "公路")]
    [InlineData(SpecialZone.River, "河道")]
    public void Keqiao_special_zones_need_special_demonstration(SpecialZone zone, string named)
    {
        var decision = Decide("keqiao", ServiceType.Water, w => { w.LengthM = 10; w.SpecialZones = [zone]; });
        Assert.Equal(OuterWorkPath.SpecialDemonstration, decision.Path);
        Assert.Contains(named, Assert.Single(decision.Reasons));
        Assert.Contains("专项论证", decision.Reasons[0]);
    }

    [Fact]
    public void Keqiao_without_a_length_cannot_be_confirmed_for_commitment()
    {
        var decision = Decide("keqiao", ServiceType.Water, _ => { });
        Assert.Equal(OuterWorkPath.ParallelApproval, decision.Path);
        Assert.Equal(["不符合告知承诺审批：长度（米）未填写，无法确认 < 200"], decision.Reasons);
    }

    // Xin County water: DN ≤ 300 AND length ≤ 200 m AND green ≤ 200 m², all inclusive.
    [Theory]
    [InlineData(300.0, 200.0, 200.0, OuterWorkPath.Commitment)]
    [InlineData(301.0, 200.0, 200.0, OuterWorkPath.ParallelApproval)]
    [InlineData(300.0, 200.1, 200.0, OuterWorkPath.ParallelApproval)]
    [InlineData(300.0, 200.0, 200.5, OuterWorkPath.ParallelApproval)]
    [InlineData(100.0, 50.0, null, OuterWorkPath.Commitment)] // no green space occupied
    public void Xinxian_water_thresholds_are_inclusive(double dn, double length, double? green, OuterWorkPath expected)
    {
        var decision = Decide("xinxian", ServiceType.Water, w => { w.DiameterDn = (decimal)dn; w.LengthM = (decimal)length; w.GreenM2 = (decimal?)green; });
        Assert.Equal(expected, decision.Path);
        if (expected == OuterWorkPath.ParallelApproval) Assert.Single(decision.Reasons); // exactly the one limit exceeded
        else Assert.Equal(3, decision.Reasons.Count);
    }

    [Fact]
    public void Xinxian_water_reasons_name_each_exceeded_limit()
    {
        var decision = Decide("xinxian", ServiceType.Water, w => { w.DiameterDn = 400; w.LengthM = 300; w.GreenM2 = 10; });
        Assert.Equal(["不符合告知承诺审批：管径 DN 400，超过 ≤ 300 的限值", "不符合告知承诺审批：长度（米） 300，超过 ≤ 200 的限值"], decision.Reasons);
    }

    [Theory]
    [InlineData(200, OuterWorkPath.Commitment)]
    [InlineData(201, OuterWorkPath.ParallelApproval)]
    public void Xinxian_gas_length_up_to_200_m(double length, OuterWorkPath expected) =>
        Assert.Equal(expected, Decide("xinxian", ServiceType.Gas, w => w.LengthM = (decimal)length).Path);

    // Xin County network: green ≤ 200 m², outer diameter ≤ 110 mm, ≤ 2 holes, length ≤ 200 m.
    [Theory]
    [InlineData(200, 110, 2, 200, OuterWorkPath.Commitment)]
    [InlineData(201, 110, 2, 200, OuterWorkPath.ParallelApproval)]
    [InlineData(200, 111, 2, 200, OuterWorkPath.ParallelApproval)]
    [InlineData(200, 110, 3, 200, OuterWorkPath.ParallelApproval)]
    [InlineData(200, 110, 2, 201, OuterWorkPath.ParallelApproval)]
    public void Xinxian_network_thresholds_are_inclusive(double green, double diameter, int holes, double length, OuterWorkPath expected)
    {
        var decision = Decide("xinxian", ServiceType.Network, w =>
        {
            w.GreenM2 = (decimal)green; w.OuterDiameterMm = (decimal)diameter; w.Holes = holes; w.LengthM = (decimal)length;
        });
        Assert.Equal(expected, decision.Path);
    }

    // Xin County power: every power outer work is commitment-approved; enterprise-invested, no hazardous materials,
    // road crossing ≤ 50 m and line ≤ 800 m → commitment filing (备案).
    [Theory]
    [InlineData(true, false, 50, 800, "告知承诺备案")]
    [InlineData(true, false, 51, 800, "告知承诺审批")]
    [InlineData(true, false, 50, 801, "告知承诺审批")]
    [InlineData(false, false, 10, 100, "告知承诺审批")]
    [InlineData(true, true, 10, 100, "告知承诺审批")]
    public void Xinxian_power_is_always_commitment_and_filing_within_the_limits(bool invested, bool hazardous, double crossing, double length, string rule)
    {
        var decision = Decide("xinxian", ServiceType.Power, w =>
        {
            w.EnterpriseInvested = invested; w.Hazardous = hazardous; w.RoadCrossingM = (decimal)crossing; w.LengthM = (decimal)length;
        });
        Assert.Equal(OuterWorkPath.Commitment, decision.Path);
        Assert.Equal(rule, decision.Rule);
        Assert.All(decision.Reasons, r => Assert.StartsWith(rule, r));
    }

    [Fact]
    public void Xinxian_power_filing_reasons_list_the_four_conditions()
    {
        var decision = Decide("xinxian", ServiceType.Power, w => { w.EnterpriseInvested = true; w.RoadCrossingM = 50; w.LengthM = 800; });
        Assert.Equal(
        [
            "告知承诺备案：企业投资：是", "告知承诺备案：涉及危险品：否", "告知承诺备案：穿越道路长度（米） 50 ≤ 50", "告知承诺备案：长度（米） 800 ≤ 800",
        ], decision.Reasons);
    }

    [Theory]
    [InlineData(true, OuterWorkPath.Commitment)]
    [InlineData(false, OuterWorkPath.ParallelApproval)]
    [InlineData(null, OuterWorkPath.ParallelApproval)]
    public void Puyang_small_attached_facilities_take_the_commitment_path(bool? small, OuterWorkPath expected)
    {
        var decision = Decide("puyang", ServiceType.Heating, w => { w.SmallAttached = small; w.LengthM = 20; });
        Assert.Equal(expected, decision.Path);
        Assert.Contains("附属小型设施", Assert.Single(decision.Reasons));
    }

    [Theory]
    [InlineData("ninghe")]
    [InlineData("ezhou")]
    public void Ninghe_and_ezhou_always_go_to_parallel_approval(string region)
    {
        foreach (var service in new[] { ServiceType.Water, ServiceType.Power, ServiceType.Gas, ServiceType.Network })
        {
            var decision = Decide(region, service, w => { w.LengthM = 1; w.SmallAttached = true; });
            Assert.Equal(OuterWorkPath.ParallelApproval, decision.Path);
            Assert.Contains("并联审批", Assert.Single(decision.Reasons));
        }
    }
}
