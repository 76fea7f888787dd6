using System.Net;
using System.Text;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// Nothing a caller sends makes the gateway answer as if it had failed: odd values are field errors (REST 400,
/// SOAP soap:Client), never a 500 problem or a soap:Server fault, and nothing is stored.
/// </summary>
[Collection(PortalsCollection.Name)]
public sealed class OddInputTests(PortalsGateway gateway)
{
    public static TheoryData<string, string> Oddities => new()
    {
        { "henan", "<RL>79228162514264337593543950336</RL>" },     // beyond decimal
        { "henan", "<YHS>99999999999</YHS>" },                      // beyond int
        { "henan", "<TJSJ>9999-12-31 23:59:59</TJSJ><TJSJ>0001-01-01 00:00:00</TJSJ>" },
        { "henan", "<SX LB=\"'&quot;]\"><YWLX>新装</YWLX></SX>" },
        { "henan", "<XZ>" + string.Join("，", Enumerable.Repeat("未知", 2000)) + "</XZ>" },
        { "hubei", "yw_yhs=99999999999人" },
        { "hubei", "yd_rl=79228162514264337593543950336千瓦" },
        { "hubei", "yykc=9999年99月99日" },
        { "hubei", "zgwjl=-1米" },
        { "project-approval", "<Users>99999999999</Users>" },
        { "project-approval", "<SurveyDate>2026-02-30</SurveyDate>" },
        { "project-approval", "<SubmitTime>2026-11-23T25:00:00</SubmitTime>" },
        { "project-approval", "<DistanceToMainM>1e9</DistanceToMainM>" },
    };

    [Theory]
    [MemberData(nameof(Oddities))]
    public async Task Odd_values_are_rejected_as_the_callers_mistake(string portal, string oddity)
    {
        var host = gateway.Host;
        var before = await host.CaseCountAsync();
        using var response = portal switch
        {
            "henan" => await host.PushHenanAsync(PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN"), x =>
                oddity.StartsWith("<SX", StringComparison.Ordinal) ? x.Replace("</BZSX>", oddity + "</BZSX>")
                : oddity.StartsWith("<TJSJ>", StringComparison.Ordinal) ? x.Replace("<TJSJ>2026-11-23 09:30:00</TJSJ>", oddity)
                : oddity.StartsWith("<RL>", StringComparison.Ordinal) ? x.Replace("<RL>630</RL>", oddity)
                : oddity.StartsWith("<YHS>", StringComparison.Ordinal) ? x.Replace("<YHS>50</YHS>", oddity)
                : x.Replace("<XZ>生产,生活</XZ>", oddity))),
            "hubei" => await host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"),
                s => PortalPushes.SetField(s, oddity.Split('=')[0], oddity.Split('=')[1]))),
            _ => await host.PushSoapAsync(PortalPushes.SoapEnvelope($"""
                <SubmitHookupDemand xmlns="urn:gcjs:hookup:v1">
                  <DemandNo>{PortalPushes.UniqueNo("GC")}</DemandNo><RegionCode>120117</RegionCode><Stage>PROJECT_APPROVAL</Stage>
                  <ProjectCode>2026-120117-44-01-000001</ProjectCode><ProjectName>项目</ProjectName><SiteAddress>地址</SiteAddress>
                  <Enterprise><Name>单位</Name><Uscc>91120117MA07BW5H4B</Uscc><Contact>王五</Contact><Phone>13800000000</Phone></Enterprise>
                  {(oddity.StartsWith("<Users>", StringComparison.Ordinal) ? "" : oddity)}
                  <Network Business="NEW">{(oddity.StartsWith("<Users>", StringComparison.Ordinal) ? oddity : "")}</Network>
                </SubmitHookupDemand>
                """)),
        };
        var text = await response.Content.ReadAsStringAsync();
        if (portal == "project-approval")
        {
            Assert.Contains("<faultcode>soap:Client</faultcode>", text);
            Assert.DoesNotContain("INTERNAL_ERROR", text);
        }
        else Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{oddity}: HTTP {(int)response.StatusCode} {text}");
        Assert.Equal(before, await host.CaseCountAsync());
    }
}
