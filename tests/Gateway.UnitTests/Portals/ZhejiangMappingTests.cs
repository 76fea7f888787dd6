using Gateway.Adapters.Portals.Zhejiang;
using Gateway.Contracts.Cases;

namespace Gateway.UnitTests.Portals;

public sealed class ZhejiangMappingTests
{
    [Fact]
    public void Sample_maps_field_by_field_onto_the_canonical_application()
    {
        var wire = TestRepo.LoadSample<ZhejiangApplication>("zhejiang", "keqiao-factory.json");
        var app = ZhejiangMapper.ToCanonical(wire);

        Assert.Equal("zhejiang", app.Portal);
        Assert.Equal("ZJYJS202611230001", app.PortalApplicationNo);
        Assert.Equal("330603", app.AdminCode);
        Assert.Equal("kqedz", app.Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)), app.SubmittedAt);
        Assert.Equal(new DateOnly(2026, 11, 26), app.SurveyDate);
        Assert.Null(app.DistanceToMainM);

        Assert.Equal("绍兴柯桥恒嘉纺织科技有限公司", app.Applicant.Name);
        Assert.Equal("91330621MA2D8Q5X1A", app.Applicant.Uscc);
        Assert.Equal("王建平", app.Applicant.Contact);
        Assert.Equal("13905851234", app.Applicant.Phone);
        Assert.Equal("2026-330603-44-01-100231", app.Project.Code);
        Assert.Equal("柯桥经开区智能纺织产业园一期厂房", app.Project.Name);
        Assert.Equal("浙江省绍兴市柯桥区齐贤街道兴业路88号", app.Project.Address);
        Assert.Null(app.Project.PermitNo);

        Assert.Equal(BusinessType.New, app.Water!.Business);
        Assert.Equal(120m, app.Water.DailyTons);
        Assert.Equal([UsageNature.Production, UsageNature.Domestic], app.Water.Natures);
        Assert.Equal(BusinessType.New, app.Power!.Business);
        Assert.Equal(630m, app.Power.CapacityKva);
        Assert.Equal(10m, app.Power.VoltageKv);
        Assert.Equal(BusinessType.Increase, app.Gas!.Business);
        Assert.Equal(300m, app.Gas.DailyM3);
        Assert.Equal([UsageNature.Production], app.Gas.Natures);
        Assert.Equal(GasPressure.Low, app.Gas.Pressure);
        Assert.Equal(BusinessType.New, app.Network!.Business);
        Assert.Equal([NetworkKind.Broadband], app.Network.Kinds);
        Assert.Equal(50, app.Network.Users);
        Assert.Equal(500m, app.Network.BandwidthMbps);
        Assert.Equal([Carrier.Ctcc], app.Network.Carriers);
        Assert.Null(app.Heating);

        var work = Assert.Single(app.OuterWorks);
        Assert.Equal(ServiceType.Water, work.Service);
        Assert.Equal(150m, work.LengthM);
        Assert.Equal(200m, work.DiameterDn);
        Assert.Equal(40m, work.GreenM2);
        Assert.Equal(0m, work.RoadCrossingM);
        Assert.Empty(work.SpecialZones);
        Assert.False(work.RecentRoad);
        Assert.Null(work.EnterpriseInvested);
        Assert.Null(work.SmallAttached);
    }

    [Fact]
    public void Offsetless_times_are_beijing_time_and_missing_parts_stay_absent()
    {
        var wire = TestRepo.LoadSample<ZhejiangApplication>("zhejiang", "keqiao-office-all-carriers.json");
        var app = ZhejiangMapper.ToCanonical(wire);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 12, 45, TimeSpan.FromHours(8)), app.SubmittedAt);
        Assert.Null(app.SurveyDate);
        Assert.Null(app.Power);
        Assert.Null(app.Gas);
        Assert.Empty(app.Network!.Carriers);
        Assert.Equal([NetworkKind.Broadband, NetworkKind.Mobile], app.Network.Kinds);
        Assert.Equal([UsageNature.Domestic, UsageNature.Fire], app.Water!.Natures);
        Assert.Empty(app.OuterWorks);
        Assert.Equal("330603202611200017", app.Project.PermitNo);
    }
}
