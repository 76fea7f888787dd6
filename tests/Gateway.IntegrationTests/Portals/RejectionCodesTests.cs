using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// Every stable rejection code, provoked through every portal with a realistic mistake: the problem (REST 400) or
/// soap:Client fault (HTTP 500) names the portal's own field, and nothing is stored.
/// OUT_OF_SCOPE for Henan and Hubei needs a region with a voltage limit: see <see cref="OutOfScopeTests"/>.
/// </summary>
[Collection(PortalsCollection.Name)]
public sealed class RejectionCodesTests(PortalsGateway gateway)
{
    private static readonly XNamespace G = PortalPushes.Gcjs;

    [Theory]
    // zhejiang
    [InlineData("zhejiang", "REQUIRED", "applicant.contact")]
    [InlineData("zhejiang", "INVALID_FORMAT", "submitTime")]
    [InlineData("zhejiang", "USCC_CHECKSUM", "applicant.uscc")]
    [InlineData("zhejiang", "UNKNOWN_REGION", "areaCode")]
    [InlineData("zhejiang", "REGION_MISMATCH", "project.code")]
    [InlineData("zhejiang", "UNSUPPORTED_SERVICE", "demands[4].type")]
    [InlineData("zhejiang", "NO_SERVICE_REQUESTED", "demands")]
    [InlineData("zhejiang", "OUT_OF_SCOPE", "demands[1].voltageKv")]
    // henan
    [InlineData("henan", "REQUIRED", "BZSQ/LXR")]
    [InlineData("henan", "INVALID_FORMAT", "BZSQ/TJSJ")]
    [InlineData("henan", "USCC_CHECKSUM", "BZSQ/TYSHXYDM")]
    [InlineData("henan", "UNKNOWN_REGION", "BZSQ/XZQHDM")]
    [InlineData("henan", "REGION_MISMATCH", "BZSQ/XMDM")]
    [InlineData("henan", "UNSUPPORTED_SERVICE", "BZSQ/BZSX/SX[@LB='GN']")]
    [InlineData("henan", "NO_SERVICE_REQUESTED", "BZSQ/BZSX")]
    // hubei
    [InlineData("hubei", "REQUIRED", "lxr")]
    [InlineData("hubei", "INVALID_FORMAT", "ys_xq")]
    [InlineData("hubei", "USCC_CHECKSUM", "xydm")]
    [InlineData("hubei", "UNKNOWN_REGION", "regionCode")]
    [InlineData("hubei", "REGION_MISMATCH", "xmdm")]
    [InlineData("hubei", "UNSUPPORTED_SERVICE", "bzsx")]
    [InlineData("hubei", "NO_SERVICE_REQUESTED", "bzsx")]
    // project-approval
    [InlineData("project-approval", "REQUIRED", "Enterprise/Contact")]
    [InlineData("project-approval", "INVALID_FORMAT", "Water/DailyTons")]
    [InlineData("project-approval", "USCC_CHECKSUM", "Enterprise/Uscc")]
    [InlineData("project-approval", "UNKNOWN_REGION", "RegionCode")]
    [InlineData("project-approval", "REGION_MISMATCH", "ProjectCode")]
    [InlineData("project-approval", "UNSUPPORTED_SERVICE", "Heating")]
    [InlineData("project-approval", "NO_SERVICE_REQUESTED", "SubmitHookupDemand")]
    [InlineData("project-approval", "OUT_OF_SCOPE", "Power/VoltageKv")]
    public async Task Each_code_is_reported_with_the_portals_own_field_and_nothing_is_stored(string portal, string code, string field)
    {
        var before = await gateway.Host.CaseCountAsync();
        var errors = await RejectAsync(gateway.Host, portal, Mistake(portal, code));
        Assert.Equal([(field, code)], errors);
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    [Theory]
    [InlineData("henan")]
    [InlineData("hubei")]
    [InlineData("project-approval")]
    public async Task Every_problem_of_one_push_is_listed(string portal)
    {
        var (body, expected) = portal switch
        {
            "henan" => (PortalPushes.HenanVariant("xinxian-tea-factory.xml", "HN 1", x => x
                    .Replace("<TYSHXYDM>91411523MA9GK7R2XN</TYSHXYDM>", "<TYSHXYDM>91411523MA9GK7R2XO</TYSHXYDM>")
                    .Replace("<LXDH>13837612345</LXDH>", "<LXDH>1383761</LXDH>")
                    .Replace("<XQL>120</XQL>", "<XQL>-120</XQL>")
                    .Replace("<YWLX>新装</YWLX>", "<YWLX>过户</YWLX>")
                    .Replace("<YYS>电信,移动</YYS>", "<YYS>电信,广电</YYS>")
                    .Replace("<QYTZ>是</QYTZ>", "<QYTZ>可能</QYTZ>")
                    .Replace("<YYKCSJ>2026-11-26</YYKCSJ>", "<YYKCSJ>2026年11月26日</YYKCSJ>")),
                new HashSet<(string, string)>
                {
                    ("BZSQ/SQBH", "INVALID_FORMAT"), ("BZSQ/TYSHXYDM", "INVALID_FORMAT"), ("BZSQ/LXDH", "INVALID_FORMAT"),
                    ("BZSQ/YYKCSJ", "INVALID_FORMAT"), ("BZSQ/BZSX/SX[@LB='YS']/XQL", "OUT_OF_RANGE"),
                    ("BZSQ/BZSX/SX[@LB='YD']/YWLX", "INVALID_VALUE"), ("BZSQ/BZSX/SX[@LB='YW']/YYS", "INVALID_VALUE"),
                    ("BZSQ/WXGC/GC[@LB='YD']/QYTZ", "INVALID_VALUE"),
                }),
            "hubei" => (PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"), s =>
                {
                    s["submitTime"] = "昨天";
                    PortalPushes.SetField(s, "sqdw", " ");
                    PortalPushes.SetField(s, "yd_rl", "200 马力");
                    PortalPushes.SetField(s, "yw_yhs", "50.5人");
                    PortalPushes.SetField(s, "yw_yys", "联通、广电");
                    PortalPushes.SetField(s, "ys_ywlx", "报停");
                    PortalPushes.SetField(s, "yykc", "下周一");
                    PortalPushes.SetField(s, "bzsx", "用水报装,用电报装,用气报装,用网报装,用热报装");
                }),
                new HashSet<(string, string)>
                {
                    ("submitTime", "INVALID_FORMAT"), ("sqdw", "REQUIRED"), ("yd_rl", "INVALID_FORMAT"), ("yw_yhs", "INVALID_FORMAT"),
                    ("yw_yys", "INVALID_VALUE"), ("ys_ywlx", "INVALID_VALUE"), ("yykc", "INVALID_FORMAT"), ("bzsx", "INVALID_VALUE"),
                }),
            _ => (PortalPushes.SoapVariant("ninghe-medical-center.xml", PortalPushes.UniqueNo("GCJS-"), d =>
                {
                    d.Element(G + "SiteAddress")!.Remove();
                    d.Element(G + "Enterprise")!.Element(G + "Phone")!.Value = "022-123";
                    d.Element(G + "SurveyDate")!.Value = "30/11/2026";
                    d.Element(G + "Power")!.Attribute("Business")!.Value = "GREENING";
                    d.Element(G + "Network")!.Element(G + "Users")!.Value = "3.5";
                    d.Elements(G + "OuterWork").ElementAt(1).Element(G + "Hazardous")!.Value = "maybe";
                    d.Elements(G + "OuterWork").ElementAt(3).Attribute("Service")!.Value = "HEATING";
                }),
                new HashSet<(string, string)>
                {
                    ("SiteAddress", "REQUIRED"), ("Enterprise/Phone", "INVALID_FORMAT"), ("SurveyDate", "INVALID_FORMAT"),
                    ("Power/@Business", "INVALID_VALUE"), ("Network/Users", "INVALID_FORMAT"),
                    ("OuterWork[2]/Hazardous", "INVALID_FORMAT"), ("OuterWork[4]/@Service", "SERVICE_NOT_REQUESTED"),
                }),
        };
        var before = await gateway.Host.CaseCountAsync();
        Assert.Equal(expected, await RejectAsync(gateway.Host, portal, body));
        Assert.Equal(before, await gateway.Host.CaseCountAsync());
    }

    /// <summary>Pushes and expects a rejection; returns its (field, code) pairs.</summary>
    public static async Task<HashSet<(string Field, string Code)>> RejectAsync(GatewayHost host, string portal, byte[] body)
    {
        using var response = portal switch
        {
            "henan" => await host.PushHenanAsync(body),
            "hubei" => await host.PushHubeiAsync(body),
            "project-approval" => await host.PushSoapAsync(body),
            _ => await host.PushAsync(PortalPushes.ZhejiangRoute, body),
        };
        if (portal == "project-approval")
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var fault = await PortalPushes.SoapBodyAsync(response);
            Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
            return PortalPushes.FaultErrors(fault);
        }
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await PortalPushes.ProblemErrorsAsync(response);
    }

    /// <summary>A sample with exactly one mistake that the code names.</summary>
    private static byte[] Mistake(string portal, string code) => (portal, code) switch
    {
        ("zhejiang", _) => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"), s =>
        {
            s["applyNo"] = PortalPushes.UniqueNo("ZJ");
            switch (code)
            {
                case "REQUIRED": s["applicant"]!["contact"] = ""; break;
                case "INVALID_FORMAT": s["submitTime"] = "23/11/2026 09:30"; break;
                case "USCC_CHECKSUM": s["applicant"]!["uscc"] = "91330621MA2D8Q5X1B"; break;
                case "UNKNOWN_REGION": s["areaCode"] = "410928"; break; // Puyang exists but takes no Zhejiang pushes
                case "REGION_MISMATCH": s["project"]!["code"] = "2026-330602-44-01-100231"; break;
                case "UNSUPPORTED_SERVICE": s["demands"]!.AsArray().Add(new JsonObject { ["type"] = "HEATING", ["biz"] = "NEW" }); break;
                case "NO_SERVICE_REQUESTED": s["demands"] = new JsonArray(); s.Remove("outerWorks"); break;
                case "OUT_OF_SCOPE": s["demands"]![1]!["voltageKv"] = 35; break;
            }
        }),
        ("henan", _) => PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN"), x => code switch
        {
            "REQUIRED" => x.Replace("<LXR>刘志强</LXR>", ""),
            "INVALID_FORMAT" => x.Replace("<TJSJ>2026-11-23 09:30:00</TJSJ>", "<TJSJ>23/11/2026 09:30</TJSJ>"),
            "USCC_CHECKSUM" => x.Replace("91411523MA9GK7R2XN", "91411523MA9GK7R2XM"),
            "UNKNOWN_REGION" => x.Replace("<XZQHDM>411523</XZQHDM>", "<XZQHDM>420700</XZQHDM>"), // Ezhou takes no Henan pushes
            "REGION_MISMATCH" => x.Replace("2026-411523-44-01-000321", "2026-410928-44-01-000321"),
            "UNSUPPORTED_SERVICE" => x.Replace("</BZSX>", "<SX LB=\"GN\"><YWLX>新开户</YWLX><MJ>5000</MJ></SX></BZSX>"),
            "NO_SERVICE_REQUESTED" => System.Text.RegularExpressions.Regex.Replace(x, "<BZSX>.*</WXGC>", "<BZSX/>", System.Text.RegularExpressions.RegexOptions.Singleline),
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        }),
        ("hubei", _) => PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"), s =>
        {
            switch (code)
            {
                case "REQUIRED": PortalPushes.SetField(s, "lxr", null); break;
                case "INVALID_FORMAT": PortalPushes.SetField(s, "ys_xq", "120立方米/日"); break;
                case "USCC_CHECKSUM": PortalPushes.SetField(s, "xydm", "91420704MA4F3N8K62"); break;
                case "UNKNOWN_REGION": s["regionCode"] = "420100"; break; // 武汉 is not served
                case "REGION_MISMATCH": PortalPushes.SetField(s, "xmdm", "2026-421003-44-01-000877"); break;
                case "UNSUPPORTED_SERVICE": PortalPushes.SetField(s, "bzsx", "用水报装,用暖报装"); break;
                case "NO_SERVICE_REQUESTED": PortalPushes.SetField(s, "bzsx", ""); break;
            }
        }),
        _ => PortalPushes.SoapVariant(code is "UNSUPPORTED_SERVICE" or "OUT_OF_SCOPE" ? "keqiao-textile-park.xml" : "puyang-casting-workshop.xml",
            PortalPushes.UniqueNo("GCJS-"), d =>
            {
                switch (code)
                {
                    case "REQUIRED": d.Element(G + "Enterprise")!.Element(G + "Contact")!.Remove(); break;
                    case "INVALID_FORMAT": d.Element(G + "Water")!.Element(G + "DailyTons")!.Value = "八十"; break;
                    case "USCC_CHECKSUM": d.Element(G + "Enterprise")!.Element(G + "Uscc")!.Value = "91410928MA47LQ2E8D"; break;
                    case "UNKNOWN_REGION": d.Element(G + "RegionCode")!.Value = "110101"; break;
                    case "REGION_MISMATCH": d.Element(G + "ProjectCode")!.Value = "2026-411523-44-01-000112"; break;
                    case "UNSUPPORTED_SERVICE": d.Add(new XElement(G + "Heating", new XAttribute("Business", "NEW"), new XElement(G + "AreaM2", "100"))); break;
                    case "NO_SERVICE_REQUESTED":
                        foreach (var name in new[] { "Water", "Power", "Gas", "Network", "Heating", "OuterWork" })
                            d.Elements(G + name).Remove();
                        break;
                    case "OUT_OF_SCOPE": d.Element(G + "Power")!.Element(G + "VoltageKv")!.Value = "35"; break;
                }
            }),
    };
}
