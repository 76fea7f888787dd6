using Gateway.Contracts.Cases;
using Gateway.Routing.Costs;

namespace Gateway.UnitTests.Routing;

/// <summary>docs/lifecycle.md "Costs": who pays for outer works outside the red line, per region file.</summary>
public sealed class CostBearerTests
{
    private static IReadOnlyList<CostDecision> Decide(string region, Action<HookupApplication> configure)
    {
        var app = new HookupApplication();
        configure(app);
        return CostBearerDecider.Decide(app, TestRepo.Regions.Find(region)!);
    }

    [Theory]
    [InlineData(160, CostBearer.Utility)]
    [InlineData(161, CostBearer.Government)]
    [InlineData(220, CostBearer.Government)]
    [InlineData(221, CostBearer.Applicant)]
    public void Ezhou_power_bearer_by_capacity(int kw, CostBearer expected)
    {
        var power = Assert.Single(Decide("ezhou", a => a.Power = new PowerDemand { CapacityKva = kw }));
        Assert.Equal(ServiceType.Power, power.Service);
        Assert.Equal(expected, power.Bearer);
        Assert.Contains($"{kw} kW", power.Reason);
    }

    [Theory]
    [InlineData("xinxian")]
    [InlineData("ezhou")]
    public void Water_gas_and_network_are_borne_by_the_utility(string region)
    {
        var costs = Decide(region, a => { a.Water = new WaterDemand(); a.Gas = new GasDemand(); a.Network = new NetworkDemand(); });
        Assert.Equal([ServiceType.Water, ServiceType.Gas, ServiceType.Network], costs.Select(c => c.Service));
        Assert.All(costs, c => Assert.Equal(CostBearer.Utility, c.Bearer));
    }

    [Fact]
    public void Xinxian_power_outside_the_red_line_costs_the_applicant_nothing()
    {
        // 新县方案：「规划红线外的用水、用气、用电及用网的外线接入工程, 用户不需要缴纳任何费用」 — power included, at any capacity.
        var power = Assert.Single(Decide("xinxian", a => a.Power = new PowerDemand { CapacityKva = 630 }));
        Assert.Equal(CostBearer.Utility, power.Bearer);
        Assert.Contains("用电", power.Reason);
    }

    [Fact]
    public void Every_keqiao_service_follows_the_tariff()
    {
        var keqiao = Decide("keqiao", a => { a.Water = new WaterDemand(); a.Power = new PowerDemand { CapacityKva = 100 }; a.Gas = new GasDemand(); });
        Assert.All(keqiao, c => Assert.Equal(CostBearer.Tariff, c.Bearer));
    }

    [Fact]
    public void Ezhou_power_without_a_capacity_is_not_guessed()
    {
        var power = Assert.Single(Decide("ezhou", a => a.Power = new PowerDemand()));
        Assert.Equal(CostBearer.Tariff, power.Bearer);
        Assert.Contains("未提供用电容量", power.Reason);
    }
}
