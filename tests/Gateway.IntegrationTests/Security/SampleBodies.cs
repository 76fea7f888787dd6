using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>A valid sample of each portal with a fresh application number: what a hostile variant starts from.</summary>
public static class SampleBodies
{
    public static readonly string[] Portals = ["zhejiang", "henan", "hubei", "project-approval"];

    public static byte[] Fresh(string portal) => portal switch
    {
        "zhejiang" => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"),
            s => s["applyNo"] = PortalPushes.UniqueNo("ZJ")),
        "henan" => PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN")),
        "hubei" => PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB")),
        _ => PortalPushes.SoapVariant("ezhou-logistics-park.xml", PortalPushes.UniqueNo("GC")),
    };
}
