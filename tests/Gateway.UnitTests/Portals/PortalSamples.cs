using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals.Henan;
using Gateway.Adapters.Portals.Hubei;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Adapters.Soap;
using Gateway.Contracts.Json;

namespace Gateway.UnitTests.Portals;

/// <summary>The repository's portal samples, read the way each endpoint reads its body.</summary>
internal static class PortalSamples
{
    public static readonly XNamespace Gcjs = "urn:gcjs:hookup:v1";

    static PortalSamples() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string PathOf(string portal, string file) => Path.Combine(TestRepo.Config, "samples", portal, file);

    public static byte[] Bytes(string portal, string file) => File.ReadAllBytes(PathOf(portal, file));

    public static HenanApplication Henan(string file) => HenanXml(Bytes("henan", file));

    public static HenanApplication HenanXml(byte[] body) => HenanXmlReader.Read(SafeXml.Load(body))!;

    public static HenanApplication HenanXml(string xml) => HenanXml(Encoding.UTF8.GetBytes(xml));

    /// <summary>A Henan sample with text edits (the sample's declared encoding is kept).</summary>
    public static HenanApplication HenanEdited(string file, Func<string, string> change)
    {
        var bytes = Bytes("henan", file);
        var encoding = file.Contains("gbk", StringComparison.Ordinal) ? Encoding.GetEncoding("GBK") : Encoding.UTF8;
        return HenanXml(encoding.GetBytes(change(encoding.GetString(bytes))));
    }

    public static HubeiApplication HubeiWire(string file) =>
        JsonSerializer.Deserialize<HubeiApplication>(Bytes("hubei", file), GatewayJson.Options)!;

    public static HubeiForm Hubei(string file, Action<HubeiApplication>? change = null)
    {
        var app = HubeiWire(file);
        change?.Invoke(app);
        return HubeiForm.Read(app);
    }

    public static void Set(HubeiApplication app, string name, string? value)
    {
        var field = app.Fields!.FirstOrDefault(f => f.Name == name);
        if (value is null) { if (field is not null) app.Fields!.Remove(field); return; }
        if (field is null) app.Fields!.Add(new HubeiField { Name = name, Value = value });
        else field.Value = value;
    }

    /// <summary>The SubmitHookupDemand element of a project-approval sample envelope.</summary>
    public static XElement SoapPayload(string file) => SoapEnvelope.Read(Bytes("project-approval", file)).Payload!;

    public static ProjectApprovalDemand ProjectApproval(string file, Action<XElement>? change = null)
    {
        var payload = SoapPayload(file);
        change?.Invoke(payload);
        return ProjectApprovalReader.Read(payload);
    }
}
