using System.Text;
using Gateway.Adapters.Portals.Henan;
using Gateway.Contracts.Cases;

namespace Gateway.UnitTests.Portals;

public sealed class HenanMappingTests
{
    [Fact]
    public void Xinxian_sample_maps_field_by_field_onto_the_canonical_application()
    {
        var app = HenanMapper.ToCanonical(PortalSamples.Henan("xinxian-tea-factory.xml"));

        Assert.Equal("henan", app.Portal);
        Assert.Equal("HN2026112300017", app.PortalApplicationNo);
        Assert.Equal("411523", app.AdminCode);
        Assert.Null(app.Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)), app.SubmittedAt);
        Assert.Equal(new DateOnly(2026, 11, 26), app.SurveyDate);
        Assert.Equal("新县信合茶业科技有限公司", app.Applicant.Name);
        Assert.Equal("91411523MA9GK7R2XN", app.Applicant.Uscc);
        Assert.Equal("刘志强", app.Applicant.Contact);
        Assert.Equal("13837612345", app.Applicant.Phone);
        Assert.Equal("2026-411523-44-01-000321", app.Project.Code);
        Assert.Equal("新县产业集聚区年产5万吨茶饮料生产线项目", app.Project.Name);
        Assert.Equal("河南省信阳市新县产业集聚区工业大道18号", app.Project.Address);
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
        Assert.Equal([Carrier.Ctcc, Carrier.Cmcc], app.Network.Carriers);
        Assert.Null(app.Heating);

        Assert.Equal([ServiceType.Water, ServiceType.Power, ServiceType.Network, ServiceType.Gas], app.OuterWorks.Select(w => w.Service));
        var water = app.OuterWorks[0];
        Assert.Equal((300m, 180m, 150m), (water.DiameterDn, water.LengthM, water.GreenM2));
        var power = app.OuterWorks[1];
        Assert.Equal((40m, 600m, true, false), (power.RoadCrossingM, power.LengthM, power.EnterpriseInvested, power.Hazardous));
        var network = app.OuterWorks[2];
        Assert.Equal((110m, 2, 150m, 0m), (network.OuterDiameterMm, network.Holes, network.LengthM, network.GreenM2));
        Assert.Equal(120m, app.OuterWorks[3].LengthM);
        Assert.All(app.OuterWorks, w => Assert.Empty(w.SpecialZones));
        Assert.All(app.OuterWorks, w => Assert.Null(w.SmallAttached));
    }

    [Fact]
    public void Gbk_sample_is_decoded_from_its_declaration_with_heating_for_puyang()
    {
        var bytes = PortalSamples.Bytes("henan", "puyang-heating-gbk.xml");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));

        var app = HenanMapper.ToCanonical(PortalSamples.HenanXml(bytes));
        Assert.Equal("濮阳市喆堃精密机械有限公司", app.Applicant.Name);
        Assert.Equal("张喆", app.Applicant.Contact);
        Assert.Equal("0393-3210888", app.Applicant.Phone);
        Assert.Equal("濮阳县先进制造业开发区喆堃精密铸造车间项目", app.Project.Name);
        Assert.Equal(BusinessType.New, app.Heating!.Business);
        Assert.Equal(8000m, app.Heating.AreaM2);
        Assert.Null(app.Network);
        Assert.Equal([ServiceType.Water, ServiceType.Heating], app.OuterWorks.Select(w => w.Service));
        Assert.Equal(200m, app.OuterWorks[1].DiameterDn);
    }

    [Theory]
    [InlineData("新开户", BusinessType.New)]
    [InlineData("新装", BusinessType.New)]
    [InlineData("增容", BusinessType.Increase)]
    [InlineData("绿化", BusinessType.Greening)]
    [InlineData("临时用水", BusinessType.Temporary)]
    public void Water_business_words_map(string word, BusinessType expected)
    {
        var app = HenanMapper.ToCanonical(PortalSamples.HenanEdited("xinxian-tea-factory.xml",
            x => x.Replace("<SX LB=\"YS\"><YWLX>新开户</YWLX>", $"<SX LB=\"YS\"><YWLX>{word}</YWLX>")));
        Assert.Equal(expected, app.Water!.Business);
    }

    [Fact]
    public void Lists_accept_every_separator_and_all_chinese_words_map()
    {
        var app = HenanMapper.ToCanonical(PortalSamples.HenanEdited("xinxian-tea-factory.xml", x => x
            .Replace("<XZ>生产,生活</XZ>", "<XZ>生产，生活、消防</XZ>")
            .Replace("<LX>宽带</LX>", "<LX>宽带 手机信号</LX>")
            .Replace("<YYS>电信,移动</YYS>", "<YYS>联通、电信、移动</YYS>")
            .Replace("<YLJB>低压</YLJB>", "<YLJB>中压</YLJB>")
            .Replace("<QYTZ>是</QYTZ><WXP>否</WXP>", "<QYTZ>否</QYTZ><WXP>是</WXP>")));
        Assert.Equal([UsageNature.Production, UsageNature.Domestic, UsageNature.Fire], app.Water!.Natures);
        Assert.Equal([NetworkKind.Broadband, NetworkKind.Mobile], app.Network!.Kinds);
        Assert.Equal([Carrier.Cucc, Carrier.Ctcc, Carrier.Cmcc], app.Network.Carriers);
        Assert.Equal(GasPressure.Medium, app.Gas!.Pressure);
        Assert.Equal((false, true), (app.OuterWorks[1].EnterpriseInvested, app.OuterWorks[1].Hazardous));
    }

    [Fact]
    public void Element_order_and_unknown_elements_do_not_matter()
    {
        var app = HenanMapper.ToCanonical(PortalSamples.HenanXml("""
            <BZSQ>
              <BZSX><SX LB="YD"><DYDJ>0.4</DYDJ><RL>80</RL><YWLX>增容</YWLX><BZ>备注</BZ></SX></BZSX>
              <LXDH>13800000000</LXDH><LXR>王五</LXR><SQDZ>地址</SQDZ><SQDW>单位</SQDW><TYSHXYDM>91411523MA9GK7R2XN</TYSHXYDM>
              <XMMC>项目</XMMC><XMDM>2026-411523-44-01-000321</XMDM><TJSJ>2026-11-23 09:30:00</TJSJ><XZQHDM>411523</XZQHDM>
              <SQBH>HN1</SQBH><QTXX>其他</QTXX>
            </BZSQ>
            """));
        Assert.Equal("HN1", app.PortalApplicationNo);
        Assert.Equal((BusinessType.Increase, 80m, 0.4m), (app.Power!.Business, app.Power.CapacityKva, app.Power.VoltageKv));
        Assert.Null(app.SurveyDate);
        Assert.Empty(app.OuterWorks);
    }
}
