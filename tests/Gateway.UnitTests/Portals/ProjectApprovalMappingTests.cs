using System.Xml.Linq;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Contracts.Cases;

namespace Gateway.UnitTests.Portals;

public sealed class ProjectApprovalMappingTests
{
    private static readonly XNamespace G = PortalSamples.Gcjs;
    [Fact]
    public void Ninghe_sample_maps_every_element_onto_the_canonical_application()
    {
        var app = ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("ninghe-medical-center.xml"));

        Assert.Equal("project-approval", app.Portal);
        Assert.Equal("GCJS-120117-2026-000019", app.PortalApplicationNo);
        Assert.Equal("120117", app.AdminCode);
        Assert.Null(app.Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.FromHours(8)), app.SubmittedAt);
        Assert.Equal(new DateOnly(2026, 11, 30), app.SurveyDate);
        Assert.Null(app.DistanceToMainM);
        Assert.Equal(("天津宁河康泰医疗投资有限公司", "91120117MA07BW5H4B", "赵立新", "15822001234"),
            (app.Applicant.Name, app.Applicant.Uscc, app.Applicant.Contact, app.Applicant.Phone));
        Assert.Equal(("2026-120117-84-01-000536", "宁河区芦台街道康养医疗中心新建工程", "天津市宁河区芦台街道光明路与兴宁道交口东北侧", "120117202611230005"),
            (app.Project.Code, app.Project.Name, app.Project.Address, app.Project.PermitNo));

        Assert.Equal((BusinessType.New, 45m), (app.Water!.Business, app.Water.DailyTons));
        Assert.Equal([UsageNature.Domestic, UsageNature.Fire], app.Water.Natures);
        Assert.Equal((BusinessType.Increase, 800m, 10m), (app.Power!.Business, app.Power.CapacityKva, app.Power.VoltageKv));
        Assert.Equal((BusinessType.New, 30m, GasPressure.Medium), (app.Gas!.Business, app.Gas.DailyM3, app.Gas.Pressure));
        Assert.Equal([NetworkKind.Broadband, NetworkKind.Mobile], app.Network!.Kinds);
        Assert.Equal((300, 1000m), (app.Network.Users, app.Network.BandwidthMbps));
        Assert.Empty(app.Network.Carriers);
        Assert.Null(app.Heating);

        Assert.Equal(4, app.OuterWorks.Count);
        var water = app.OuterWorks[0];
        Assert.Equal((ServiceType.Water, 260m, 200m, 120m, 30m, true), (water.Service, water.LengthM, water.DiameterDn, water.GreenM2, water.RoadCrossingM, water.RecentRoad));
        Assert.Equal([SpecialZone.River], water.SpecialZones);
        var power = app.OuterWorks[1];
        Assert.Equal((ServiceType.Power, true, false), (power.Service, power.EnterpriseInvested, power.Hazardous));
        var gas = app.OuterWorks[2];
        Assert.Equal((ServiceType.Gas, 80m, 110m, true), (gas.Service, gas.LengthM, gas.DiameterDn, gas.SmallAttached));
        var network = app.OuterWorks[3];
        Assert.Equal((ServiceType.Network, 110m, 2), (network.Service, network.OuterDiameterMm, network.Holes));
        Assert.Null(network.SmallAttached);
    }

    [Fact]
    public void Keqiao_sample_carries_its_zone_and_ezhou_sample_its_distance_to_the_main()
    {
        Assert.Equal("kqedz", ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("keqiao-textile-park.xml")).Zone);
        var ezhou = ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("ezhou-logistics-park.xml"));
        Assert.Equal(350m, ezhou.DistanceToMainM);
        Assert.Null(ezhou.Power!.VoltageKv);
        Assert.Equal(8000m, ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("puyang-casting-workshop.xml")).Heating!.AreaM2);
    }

    [Fact]
    public void Without_a_submit_time_two_readings_of_the_same_demand_map_identically()
    {
        // The agreement's example has no SubmitTime; a repeated push must hash the same to be recognised as a duplicate.
        var first = ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("puyang-casting-workshop.xml", d => d.Element(G + "SubmitTime")!.Remove()));
        var second = ProjectApprovalMapper.ToCanonical(PortalSamples.ProjectApproval("puyang-casting-workshop.xml", d => d.Element(G + "SubmitTime")!.Remove()));
        Assert.Equal(default, first.SubmittedAt);
        Assert.Equal(first.SubmittedAt, second.SubmittedAt);
    }

    [Fact]
    public void Order_namespace_prefixes_nil_and_unknown_elements_do_not_matter()
    {
        var payload = XElement.Parse("""
            <g:SubmitHookupDemand xmlns:g="urn:gcjs:hookup:v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <g:Extra>ignored</g:Extra>
              <g:Power Business="INCREASE"><g:VoltageKv>0.4</g:VoltageKv><g:CapacityKva>100</g:CapacityKva></g:Power>
              <g:Enterprise><g:Phone>13800000000</g:Phone><g:Contact>王五</g:Contact><g:Uscc>91120117MA07BW5H4B</g:Uscc><g:Name>单位</g:Name></g:Enterprise>
              <g:PermitNo xsi:nil="true"/>
              <g:SiteAddress>地址</g:SiteAddress><g:ProjectName>项目</g:ProjectName><g:ProjectCode>2026-120117-44-01-000001</g:ProjectCode>
              <g:Stage>LAND_PLANNING</g:Stage><g:RegionCode>120117</g:RegionCode><g:DemandNo>GC1</g:DemandNo>
            </g:SubmitHookupDemand>
            """);
        var app = ProjectApprovalMapper.ToCanonical(ProjectApprovalReader.Read(payload));
        Assert.Equal("GC1", app.PortalApplicationNo);
        Assert.Null(app.Project.PermitNo);
        Assert.Equal((BusinessType.Increase, 100m, 0.4m), (app.Power!.Business, app.Power.CapacityKva, app.Power.VoltageKv));
        Assert.Equal("王五", app.Applicant.Contact);
    }
}
