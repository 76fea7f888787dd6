using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>Signed pushes as each portal sends them, and sample variants with fresh application numbers.</summary>
public static class PortalPushes
{
    public const string HenanRoute = "/api/portals/henan/applications";
    public const string HubeiRoute = "/api/portals/hubei/applications";
    public const string ZhejiangRoute = "/api/portals/zhejiang/applications";
    public const string SoapRoute = "/soap/project-approval";
    public const string SoapAction = "\"urn:gcjs:hookup:v1/SubmitHookupDemand\"";
    public static readonly XNamespace Gcjs = "urn:gcjs:hookup:v1";
    public static readonly XNamespace SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";

    static PortalPushes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string SecretOf(string portal) => portal == "zhejiang" ? GatewayHost.PortalSecret : $"test-portal-secret-{portal}";

    public static IEnumerable<string> CallerSecretArgs() =>
        new[] { "henan", "hubei", "project-approval" }.Select(p => $"--Gateway:Callers:{p}:Secret={SecretOf(p)}");

    public static string UniqueNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    public static Task<HttpResponseMessage> PushHenanAsync(this GatewayHost host, byte[] body, string contentType = "application/xml") =>
        host.PushAsync(HenanRoute, body, "henan", SecretOf("henan"), contentType);

    public static Task<HttpResponseMessage> PushHubeiAsync(this GatewayHost host, byte[] body, string contentType = "application/json") =>
        host.PushAsync(HubeiRoute, body, "hubei", SecretOf("hubei"), contentType);

    /// <summary>A SOAP call as the 工改平台 makes it: text/xml, quoted SOAPAction, signed as project-approval.</summary>
    public static Task<HttpResponseMessage> PushSoapAsync(this GatewayHost host, byte[] body, string? soapAction = SoapAction,
        string contentType = "text/xml; charset=utf-8", string accessKey = "project-approval", string? secret = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SoapRoute) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (soapAction is not null) request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        if (sign) SpecSigner.Sign(request, SoapRoute, body, accessKey, secret ?? SecretOf(accessKey));
        return host.Http.SendAsync(request);
    }

    public static string SamplePath(string portal, string file) => RepoPaths.Sample(portal, file);

    /// <summary>
    /// A Henan sample with a fresh SQBH and optional text edits, written back in the encoding its declaration names
    /// (so a GBK sample stays GBK bytes).
    /// </summary>
    public static byte[] HenanVariant(string file, string sqbh, Func<string, string>? change = null)
    {
        var bytes = File.ReadAllBytes(SamplePath("henan", file));
        var encoding = DeclaredEncoding(bytes);
        var text = encoding.GetString(bytes);
        text = Regex.Replace(text, "<SQBH>[^<]*</SQBH>", $"<SQBH>{sqbh}</SQBH>");
        if (change is not null) text = change(text);
        return encoding.GetBytes(text);
    }

    public static Encoding DeclaredEncoding(byte[] xml)
    {
        var head = Encoding.ASCII.GetString(xml, 0, Math.Min(xml.Length, 100));
        var m = Regex.Match(head, "encoding=\"([^\"]+)\"");
        return m.Success ? Encoding.GetEncoding(m.Groups[1].Value) : Encoding.UTF8;
    }

    public static byte[] HubeiVariant(string file, string submitId, Action<JsonObject>? change = null)
    {
        var sample = GatewayHost.LoadSample("hubei", file);
        return GatewayHost.Variant(sample, s =>
        {
            s["submitId"] = submitId;
            change?.Invoke(s);
        });
    }

    /// <summary>Sets (or, with null, removes) the value of a Hubei form field.</summary>
    public static void SetField(JsonObject form, string name, string? value)
    {
        var fields = form["fields"]!.AsArray();
        var field = fields.FirstOrDefault(f => (string?)f!["name"] == name);
        if (value is null)
        {
            if (field is not null) fields.Remove(field);
            return;
        }
        if (field is null) fields.Add(new JsonObject { ["name"] = name, ["label"] = name, ["value"] = value });
        else field["value"] = value;
    }

    /// <summary>A project-approval sample envelope with a fresh DemandNo and optional edits of SubmitHookupDemand.</summary>
    public static byte[] SoapVariant(string file, string demandNo, Action<XElement>? change = null)
    {
        var document = XDocument.Load(SamplePath("project-approval", file));
        var demand = document.Descendants(Gcjs + "SubmitHookupDemand").Single();
        demand.Element(Gcjs + "DemandNo")!.Value = demandNo;
        change?.Invoke(demand);
        return SoapBytes(document);
    }

    public static byte[] SoapBytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        document.Save(buffer);
        return buffer.ToArray();
    }

    /// <summary>Wraps a SubmitHookupDemand written as text in a SOAP 1.1 envelope.</summary>
    public static byte[] SoapEnvelope(string submitHookupDemandXml) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
        {submitHookupDemandXml}
          </soap:Body>
        </soap:Envelope>
        """);

    /// <summary>The SOAP response envelope's body element (response or soap:Fault).</summary>
    public static async Task<XElement> SoapBodyAsync(HttpResponseMessage response)
    {
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SoapEnv + "Envelope", document.Root!.Name);
        return document.Root.Element(SoapEnv + "Body")!.Elements().Single();
    }

    /// <summary>The (Field, Code) pairs of a SOAP fault's detail, read straight from the XML.</summary>
    public static HashSet<(string Field, string Code)> FaultErrors(XElement fault) =>
        fault.Element("detail")!.Elements(Gcjs + "Error")
            .Select(e => ((string?)e.Attribute("Field") ?? "", (string)e.Attribute("Code")!)).ToHashSet();

    /// <summary>The (field, code) pairs of a REST problem's errors.</summary>
    public static async Task<HashSet<(string Field, string Code)>> ProblemErrorsAsync(HttpResponseMessage response) =>
        (await GatewayHost.ReadJsonAsync(response))["errors"]!.AsArray()
            .Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToHashSet();
}
