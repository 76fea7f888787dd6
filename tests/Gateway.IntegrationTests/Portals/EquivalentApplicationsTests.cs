using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// The same demand, written in each portal's wire format, becomes the same canonical case: the case views agree
/// field by field on applicant, project, services and outer works (region, zone and portal naturally differ).
/// </summary>
[Collection(PortalsCollection.Name)]
public sealed class EquivalentApplicationsTests(PortalsGateway gateway)
{
    private static readonly string[] CanonicalParts = ["applicant", "project", "services", "outerWorks", "surveyDate", "distanceToMainM"];

    public static TheoryData<string, string, string, string> SamplePairs => new()
    {
        { "zhejiang", "keqiao-factory.json", "keqiao-textile-park.xml", "keqiao" },
        { "henan", "xinxian-tea-factory.xml", "xinxian-tea-factory.xml", "xinxian" },
        { "henan", "puyang-heating-gbk.xml", "puyang-casting-workshop.xml", "puyang" },
        { "hubei", "ezhou-logistics-park.json", "ezhou-logistics-park.xml", "ezhou" },
    };

    [Theory]
    [MemberData(nameof(SamplePairs))]
    public async Task Each_portal_sample_and_its_project_approval_twin_yield_the_same_canonical_case(
        string portal, string sample, string soapSample, string region)
    {
        var portalView = await PushSampleAsync(portal, sample);
        var soapView = await PushSampleAsync("project-approval", soapSample);

        Assert.Equal(region, (string?)portalView["region"]);
        Assert.Equal(region, (string?)soapView["region"]);
        Assert.Equal(portal, (string?)portalView["portal"]);
        Assert.Equal("project-approval", (string?)soapView["portal"]);
        foreach (var part in CanonicalParts)
            Assert.True(JsonNode.DeepEquals(Without(portalView[part], CaseSpecific), Without(soapView[part], CaseSpecific)),
                $"{part} differs: {portal} {portalView[part]?.ToJsonString()} vs project-approval {soapView[part]?.ToJsonString()}");
    }

    [Fact]
    public async Task Henan_xinxian_sample_carries_every_value_of_the_agreements_example()
    {
        var view = await PushSampleAsync("henan", "xinxian-tea-factory.xml");
        // Worked out by hand from docs/portals.md's Henan example (the sample is that example for 新县).
        AssertJson("""
            [ { "service": "WATER", "business": "NEW", "dailyTons": 120, "natures": ["PRODUCTION", "DOMESTIC"] },
              { "service": "POWER", "business": "NEW", "capacityKva": 630, "voltageKv": 10 },
              { "service": "GAS", "business": "INCREASE", "dailyM3": 300, "natures": ["PRODUCTION"], "pressure": "LOW" },
              { "service": "NETWORK", "business": "NEW", "kinds": ["BROADBAND"], "users": 50, "bandwidthMbps": 500, "carriers": ["CTCC", "CMCC"] } ]
            """, view["services"]);
        AssertJson("""
            [ { "service": "WATER", "lengthM": 180, "diameterDn": 300, "greenM2": 150 },
              { "service": "POWER", "lengthM": 600, "roadCrossingM": 40, "enterpriseInvested": true, "hazardous": false },
              { "service": "NETWORK", "lengthM": 150, "outerDiameterMm": 110, "holes": 2, "greenM2": 0 },
              { "service": "GAS", "lengthM": 120 } ]
            """, Without(view["outerWorks"], Decided));
        AssertJson("""{ "name": "新县信合茶业科技有限公司", "uscc": "91411523MA9GK7R2XN", "contact": "刘志强", "phone": "13837612345" }""", view["applicant"]);
        AssertJson("""{ "code": "2026-411523-44-01-000321", "name": "新县产业集聚区年产5万吨茶饮料生产线项目", "address": "河南省信阳市新县产业集聚区工业大道18号", "permitNo": null }""", view["project"]);
        Assert.Equal("2026-11-26", (string?)view["surveyDate"]);
        // One work order per service; network to the two carriers named (电信,移动).
        Assert.Equal(["xinxian-water", "xinxian-power", "xinxian-gas", "xinxian-cmcc", "xinxian-ctcc"],
            view["dispatches"]!.AsArray().Select(d => (string)d!["counterpartId"]!));
    }

    [Fact]
    public async Task Hubei_sample_reads_units_fullwidth_digits_and_kilowatts()
    {
        var view = await PushSampleAsync("hubei", "ezhou-logistics-park.json");
        // 120吨/日, 200千瓦 (taken as kVA), ６０ 立方米/日, 50人, 500M, 350米, 2026年11月26日.
        AssertJson("""
            [ { "service": "WATER", "business": "NEW", "dailyTons": 120, "natures": ["PRODUCTION"] },
              { "service": "POWER", "business": "NEW", "capacityKva": 200 },
              { "service": "GAS", "business": "NEW", "dailyM3": 60, "natures": ["PRODUCTION", "DOMESTIC"] },
              { "service": "NETWORK", "business": "NEW", "kinds": ["BROADBAND", "MOBILE"], "users": 50, "bandwidthMbps": 500, "carriers": ["CUCC"] } ]
            """, view["services"]);
        Assert.Equal(350m, (decimal)view["distanceToMainM"]!);
        Assert.Equal("2026-11-26", (string?)view["surveyDate"]);
        Assert.Empty(view["outerWorks"]!.AsArray());
        Assert.Equal("2026-420704-44-01-000877", (string?)view["project"]!["code"]);
    }

    [Fact]
    public async Task Ninghe_sample_carries_every_outer_work_child_of_the_schema()
    {
        var view = await PushSampleAsync("project-approval", "ninghe-medical-center.xml");
        Assert.Equal("ninghe", (string?)view["region"]);
        AssertJson("""
            [ { "service": "WATER", "lengthM": 260, "diameterDn": 200, "greenM2": 120, "roadCrossingM": 30, "specialZones": ["RIVER"], "recentRoad": true },
              { "service": "POWER", "lengthM": 400, "roadCrossingM": 20, "enterpriseInvested": true, "hazardous": false },
              { "service": "GAS", "lengthM": 80, "diameterDn": 110, "smallAttached": true },
              { "service": "NETWORK", "lengthM": 150, "outerDiameterMm": 110, "holes": 2 } ]
            """, Without(view["outerWorks"], Decided));
        AssertJson("""
            [ { "service": "WATER", "business": "NEW", "dailyTons": 45, "natures": ["DOMESTIC", "FIRE"] },
              { "service": "POWER", "business": "INCREASE", "capacityKva": 800, "voltageKv": 10 },
              { "service": "GAS", "business": "NEW", "dailyM3": 30, "natures": ["DOMESTIC"], "pressure": "MEDIUM" },
              { "service": "NETWORK", "business": "NEW", "kinds": ["BROADBAND", "MOBILE"], "users": 300, "bandwidthMbps": 1000, "carriers": [] } ]
            """, view["services"]);
        Assert.Equal("120117202611230005", (string?)view["project"]!["permitNo"]);
        // No carrier named: the network demand goes to all three.
        Assert.Equal(3, view["dispatches"]!.AsArray().Count(d => ((string)d!["counterpartId"]!).EndsWith("cc", StringComparison.Ordinal)));
    }

    /// <summary>One demand, hand-written in all four wire formats, for four different regions.</summary>
    [Fact]
    public async Task The_same_demand_through_all_four_portals_gives_identical_canonical_cases()
    {
        var zhejiang = await PushAsync("zhejiang", Encoding.UTF8.GetBytes($$"""
            { "applyNo": "{{PortalPushes.UniqueNo("ZJEQ")}}", "areaCode": "330603", "zoneCode": "main-city", "submitTime": "2026-11-30T10:00:00+08:00",
              "project": { "code": "2026-330603-44-01-300001", "name": "联合报装一致性验证项目", "address": "联合路1号", "permitNo": null },
              "applicant": { "name": "华夏联合水电气网科技有限公司", "uscc": "91120117MA07BW5H4B", "contact": "李明", "mobile": "13912345678" },
              "surveyDate": "2026-12-01",
              "demands": [
                { "type": "WATER", "biz": "NEW", "dailyTons": 100.5, "usage": ["PRODUCTION", "DOMESTIC"] },
                { "type": "POWER", "biz": "INCREASE", "capacityKva": 250, "voltageKv": 10 },
                { "type": "GAS", "biz": "NEW", "dailyM3": 40, "usage": ["DOMESTIC"] },
                { "type": "NETWORK", "biz": "INCREASE", "kinds": ["BROADBAND", "MOBILE"], "users": 120, "bandwidthMbps": 1000, "carriers": ["CMCC", "CUCC"] } ],
              "outerWorks": [
                { "type": "WATER", "lengthM": 180, "diameterDn": 300, "greenM2": 150, "roadCrossingM": 12.5 },
                { "type": "POWER", "lengthM": 600, "enterpriseInvested": true, "hazardous": false },
                { "type": "NETWORK", "lengthM": 90, "outerDiameterMm": 110, "holes": 2 } ] }
            """));
        var henan = await PushAsync("henan", Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <BZSQ><SQBH>{PortalPushes.UniqueNo("HNEQ")}</SQBH><XZQHDM>411523</XZQHDM><TJSJ>2026-11-30 10:00:00</TJSJ>
              <XMDM>2026-411523-44-01-300001</XMDM><XMMC>联合报装一致性验证项目</XMMC><SQDW>华夏联合水电气网科技有限公司</SQDW>
              <TYSHXYDM>91120117MA07BW5H4B</TYSHXYDM><LXR>李明</LXR><LXDH>13912345678</LXDH><SQDZ>联合路1号</SQDZ><YYKCSJ>2026-12-01</YYKCSJ>
              <BZSX>
                <SX LB="YS"><YWLX>新开户</YWLX><XQL>100.5</XQL><XZ>生产,生活</XZ></SX>
                <SX LB="YD"><YWLX>增容</YWLX><RL>250</RL><DYDJ>10</DYDJ></SX>
                <SX LB="YQ"><YWLX>新开户</YWLX><XQL>40</XQL><XZ>生活</XZ></SX>
                <SX LB="YW"><YWLX>增容</YWLX><LX>宽带,手机信号</LX><YHS>120</YHS><DK>1000</DK><YYS>移动,联通</YYS></SX>
              </BZSX>
              <WXGC>
                <GC LB="YS"><GJ>300</GJ><CD>180</CD><LDMJ>150</LDMJ><CYDL>12.5</CYDL></GC>
                <GC LB="YD"><CD>600</CD><QYTZ>是</QYTZ><WXP>否</WXP></GC>
                <GC LB="YW"><GWJ>110</GWJ><KS>2</KS><CD>90</CD></GC>
              </WXGC>
            </BZSQ>
            """));
        var hubei = await PushAsync("hubei", Encoding.UTF8.GetBytes($$"""
            { "formCode": "SDQW_LDBZ", "submitId": "{{PortalPushes.UniqueNo("EHEQ")}}", "regionCode": "420700", "submitTime": "2026/11/30 10:00:00",
              "fields": [
                { "name": "sqdw", "label": "申请单位", "value": "华夏联合水电气网科技有限公司" },
                { "name": "xydm", "label": "信用代码", "value": "91120117MA07BW5H4B" },
                { "name": "xmdm", "label": "项目代码", "value": "2026-420703-44-01-300001" },
                { "name": "xmmc", "label": "项目名称", "value": "联合报装一致性验证项目" },
                { "name": "sqdz", "label": "申请地址", "value": "联合路1号" },
                { "name": "lxr", "label": "联系人", "value": "李明" },
                { "name": "lxdh", "label": "联系电话", "value": "13912345678" },
                { "name": "yykc", "label": "预约踏勘时间", "value": "2026/12/01" },
                { "name": "bzsx", "label": "联合报装事项", "value": "用水报装 用电报装、用气报装，用网报装" },
                { "name": "ys_ywlx", "label": "用水业务类型", "value": "新开户" },
                { "name": "ys_xq", "label": "用水需求", "value": "１００．５ 吨/日" },
                { "name": "ys_xz", "label": "用水性质", "value": "生产、生活" },
                { "name": "yd_ywlx", "label": "用电业务类型", "value": "增容" },
                { "name": "yd_rl", "label": "用电容量", "value": "250 kW" },
                { "name": "yd_dy", "label": "电压等级", "value": "10kV" },
                { "name": "yq_ywlx", "label": "用气业务类型", "value": "新开户" },
                { "name": "yq_xq", "label": "用气需求", "value": "40m³/d" },
                { "name": "yq_xz", "label": "用气性质", "value": "生活" },
                { "name": "yw_ywlx", "label": "用网业务类型", "value": "增容" },
                { "name": "yw_xq", "label": "用网需求", "value": "宽带信号，手机信号" },
                { "name": "yw_yhs", "label": "用户数", "value": "120 人" },
                { "name": "yw_dk", "label": "需要带宽", "value": "1000Mbps" },
                { "name": "yw_yys", "label": "用网性质", "value": "移动 联通" } ] }
            """));
        var soap = await PushAsync("project-approval", PortalPushes.SoapEnvelope($"""
            <SubmitHookupDemand xmlns="urn:gcjs:hookup:v1">
              <DemandNo>{PortalPushes.UniqueNo("GCEQ")}</DemandNo><RegionCode>120117</RegionCode><Stage>PROJECT_APPROVAL</Stage>
              <ProjectCode>2026-120117-44-01-300001</ProjectCode><ProjectName>联合报装一致性验证项目</ProjectName><SiteAddress>联合路1号</SiteAddress>
              <Enterprise><Name>华夏联合水电气网科技有限公司</Name><Uscc>91120117MA07BW5H4B</Uscc><Contact>李明</Contact><Phone>13912345678</Phone></Enterprise>
              <SurveyDate>2026-12-01</SurveyDate>
              <Water Business="NEW"><DailyTons>100.5</DailyTons><Usage>PRODUCTION DOMESTIC</Usage></Water>
              <Power Business="INCREASE"><CapacityKva>250</CapacityKva><VoltageKv>10</VoltageKv></Power>
              <Gas Business="NEW"><DailyM3>40</DailyM3><Usage>DOMESTIC</Usage></Gas>
              <Network Business="INCREASE"><Kinds>BROADBAND MOBILE</Kinds><Users>120</Users><BandwidthMbps>1000</BandwidthMbps><Carriers>CMCC CUCC</Carriers></Network>
              <OuterWork Service="WATER"><LengthM>180</LengthM><DiameterDn>300</DiameterDn><GreenM2>150</GreenM2><RoadCrossingM>12.5</RoadCrossingM></OuterWork>
              <OuterWork Service="POWER"><LengthM>600</LengthM><EnterpriseInvested>true</EnterpriseInvested><Hazardous>false</Hazardous></OuterWork>
              <OuterWork Service="NETWORK"><LengthM>90</LengthM><OuterDiameterMm>110</OuterDiameterMm><Holes>2</Holes></OuterWork>
            </SubmitHookupDemand>
            """));

        // The expected canonical values, worked out by hand from the four payloads above.
        var expectedServices = """
            [ { "service": "WATER", "business": "NEW", "dailyTons": 100.5, "natures": ["PRODUCTION", "DOMESTIC"] },
              { "service": "POWER", "business": "INCREASE", "capacityKva": 250, "voltageKv": 10 },
              { "service": "GAS", "business": "NEW", "dailyM3": 40, "natures": ["DOMESTIC"] },
              { "service": "NETWORK", "business": "INCREASE", "kinds": ["BROADBAND", "MOBILE"], "users": 120, "bandwidthMbps": 1000, "carriers": ["CMCC", "CUCC"] } ]
            """;
        var expectedOuterWorks = """
            [ { "service": "WATER", "lengthM": 180, "diameterDn": 300, "greenM2": 150, "roadCrossingM": 12.5 },
              { "service": "POWER", "lengthM": 600, "enterpriseInvested": true, "hazardous": false },
              { "service": "NETWORK", "lengthM": 90, "outerDiameterMm": 110, "holes": 2 } ]
            """;
        var expectedApplicant = """{ "name": "华夏联合水电气网科技有限公司", "uscc": "91120117MA07BW5H4B", "contact": "李明", "phone": "13912345678" }""";

        var views = new Dictionary<string, JsonObject> { ["zhejiang"] = zhejiang, ["henan"] = henan, ["hubei"] = hubei, ["project-approval"] = soap };
        foreach (var (portal, view) in views)
        {
            Assert.Equal(portal, (string?)view["portal"]);
            AssertJson(expectedServices, view["services"], portal);
            AssertJson(expectedApplicant, view["applicant"], portal);
            Assert.Equal("联合报装一致性验证项目", (string?)view["project"]!["name"]);
            Assert.Equal("联合路1号", (string?)view["project"]!["address"]);
            Assert.Null(view["project"]!["permitNo"]);
            Assert.Equal("2026-12-01", (string?)view["surveyDate"]);
            // The Hubei form has no outer-works section; the other three carry the same works.
            AssertJson(portal == "hubei" ? "[]" : expectedOuterWorks, Without(view["outerWorks"], Decided), portal);
        }
        Assert.Equal(["keqiao", "xinxian", "ezhou", "ninghe"], views.Values.Select(v => (string)v["region"]!));
        Assert.Equal("2026-420703-44-01-300001", (string?)hubei["project"]!["code"]);
    }

    /// <summary>Per case, not per application: the receipt number and go-ahead time of each outer work.</summary>
    private static readonly string[] CaseSpecific = ["commitmentReceiptNo", "goAheadAt"];
    /// <summary>What the gateway decided about each outer work, beside what the applicant submitted.</summary>
    private static readonly string[] Decided = ["path", "reasons", "commitmentReceiptNo", "goAheadAt"];

    /// <summary>A copy of <paramref name="node"/> without the named properties on its array items (outer works).</summary>
    private static JsonNode? Without(JsonNode? node, string[] properties)
    {
        if (node is not JsonArray array) return node?.DeepClone();
        var copy = array.DeepClone().AsArray();
        foreach (var item in copy.OfType<JsonObject>())
            foreach (var property in properties) item.Remove(property);
        return copy;
    }

    private static void AssertJson(string expected, JsonNode? actual, string? who = null) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"{who}: expected {JsonNode.Parse(expected)!.ToJsonString()} but the case view has {actual?.ToJsonString() ?? "null"}");

    /// <summary>Pushes a sample under a fresh application number and returns its case view.</summary>
    private async Task<JsonObject> PushSampleAsync(string portal, string file)
    {
        var body = portal switch
        {
            "henan" => PortalPushes.HenanVariant(file, PortalPushes.UniqueNo("HN")),
            "hubei" => PortalPushes.HubeiVariant(file, PortalPushes.UniqueNo("EHB")),
            "project-approval" => PortalPushes.SoapVariant(file, PortalPushes.UniqueNo("GCJS-")),
            _ => GatewayHost.Variant(GatewayHost.LoadSample(portal, file), s => s["applyNo"] = PortalPushes.UniqueNo("ZJ")),
        };
        return await PushAsync(portal, body);
    }

    private async Task<JsonObject> PushAsync(string portal, byte[] body)
    {
        var host = gateway.Host;
        using var response = portal switch
        {
            "henan" => await host.PushHenanAsync(body),
            "hubei" => await host.PushHubeiAsync(body),
            "project-approval" => await host.PushSoapAsync(body),
            _ => await host.PushAsync(PortalPushes.ZhejiangRoute, body),
        };
        var text = await response.Content.ReadAsStringAsync();
        string caseId;
        if (portal == "project-approval")
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{portal}: HTTP {(int)response.StatusCode} {text}");
            caseId = System.Xml.Linq.XDocument.Parse(text).Descendants(PortalPushes.Gcjs + "CaseId").Single().Value;
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{portal}: HTTP {(int)response.StatusCode} {text}");
            caseId = (string)JsonNode.Parse(text)!["caseId"]!;
        }
        return await host.GetJsonAsync($"/api/cases/{caseId}");
    }
}
