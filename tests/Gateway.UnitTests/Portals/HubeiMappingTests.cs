using Gateway.Adapters.Portals.Hubei;
using Gateway.Contracts.Cases;

namespace Gateway.UnitTests.Portals;

public sealed class HubeiMappingTests
{
    private static HookupApplication Map(Action<HubeiApplication>? change = null) =>
        HubeiMapper.ToCanonical(PortalSamples.Hubei("ezhou-logistics-park.json", change));

    [Fact]
    public void Sample_maps_field_by_field_onto_the_canonical_application()
    {
        var app = Map();

        Assert.Equal("hubei", app.Portal);
        Assert.Equal("EHB20261123000045", app.PortalApplicationNo);
        Assert.Equal("420700", app.AdminCode);
        Assert.Null(app.Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 12, TimeSpan.FromHours(8)), app.SubmittedAt);
        Assert.Equal(new DateOnly(2026, 11, 26), app.SurveyDate);
        Assert.Equal(350m, app.DistanceToMainM);
        Assert.Equal(("鄂州临空华瑞冷链物流有限公司", "91420704MA4F3N8K61", "胡海燕", "0711-3856000"),
            (app.Applicant.Name, app.Applicant.Uscc, app.Applicant.Contact, app.Applicant.Phone));
        Assert.Equal(("2026-420704-44-01-000877", "鄂州花湖机场临空冷链物流园一期", "湖北省鄂州市鄂城区燕矶镇临空大道99号"),
            (app.Project.Code, app.Project.Name, app.Project.Address));
        Assert.Null(app.Project.PermitNo);

        Assert.Equal((BusinessType.New, 120m), (app.Water!.Business, app.Water.DailyTons));
        Assert.Equal([UsageNature.Production], app.Water.Natures);
        Assert.Equal((BusinessType.New, 200m, (decimal?)null), (app.Power!.Business, app.Power.CapacityKva, app.Power.VoltageKv));
        Assert.Equal((BusinessType.New, 60m, (GasPressure?)null), (app.Gas!.Business, app.Gas.DailyM3, app.Gas.Pressure));
        Assert.Equal([UsageNature.Production, UsageNature.Domestic], app.Gas.Natures);
        Assert.Equal((BusinessType.New, 50, 500m), (app.Network!.Business, app.Network.Users, app.Network.BandwidthMbps));
        Assert.Equal([NetworkKind.Broadband, NetworkKind.Mobile], app.Network.Kinds);
        Assert.Equal([Carrier.Cucc], app.Network.Carriers);
        Assert.Null(app.Heating);
        Assert.Empty(app.OuterWorks);
    }

    [Fact]
    public void Only_the_services_ticked_in_bzsx_are_requested_whatever_else_is_filled()
    {
        var app = Map(a => PortalSamples.Set(a, "bzsx", "用电报装"));
        Assert.Null(app.Water);
        Assert.Null(app.Gas);
        Assert.Null(app.Network);
        Assert.Equal(200m, app.Power!.CapacityKva);
    }

    [Theory]
    [InlineData("200千瓦", 200)]
    [InlineData("200 kW", 200)]
    [InlineData("200KW", 200)]
    [InlineData("200千伏安", 200)]
    [InlineData("200 kVA", 200)]
    [InlineData("２００ｋＶＡ", 200)]
    [InlineData("１２.５千瓦", 12.5)]
    [InlineData("12．5 千瓦", 12.5)]
    [InlineData("200", 200)]
    public void Capacity_in_kw_or_kva_is_taken_one_to_one(string typed, double expected) =>
        Assert.Equal((decimal)expected, Map(a => PortalSamples.Set(a, "yd_rl", typed)).Power!.CapacityKva);

    [Fact]
    public void Units_of_every_quantity_are_read()
    {
        var app = Map(a =>
        {
            PortalSamples.Set(a, "ys_xq", "80 t/d");
            PortalSamples.Set(a, "yq_xq", "45m³/d");
            PortalSamples.Set(a, "yw_dk", "1000 Mbps");
            PortalSamples.Set(a, "yw_yhs", "８人");
            PortalSamples.Set(a, "zgwjl", "1200 m");
            PortalSamples.Set(a, "yd_dy", "10千伏");
        });
        Assert.Equal(80m, app.Water!.DailyTons);
        Assert.Equal(45m, app.Gas!.DailyM3);
        Assert.Equal(1000m, app.Network!.BandwidthMbps);
        Assert.Equal(8, app.Network.Users);
        Assert.Equal(1200m, app.DistanceToMainM);
        Assert.Equal(10m, app.Power!.VoltageKv);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_the_first_of_a_repeated_field_counts()
    {
        var app = Map(a =>
        {
            a.Fields!.Add(new HubeiField { Name = "lxr", Value = "第二个联系人" });
            a.Fields!.Add(new HubeiField { Name = "qtxx", Label = "其他信息", Value = "随便" });
        });
        Assert.Equal("胡海燕", app.Applicant.Contact);
    }
}
