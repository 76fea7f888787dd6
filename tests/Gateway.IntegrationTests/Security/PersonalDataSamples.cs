using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>Every sample of every portal with a fresh application number, and the personal data they carry.</summary>
public static class PersonalDataSamples
{
    public static IEnumerable<(string Portal, byte[] Body)> All()
    {
        foreach (var file in new[] { "keqiao-factory.json", "keqiao-office-all-carriers.json" })
            yield return ("zhejiang", GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", file), s => s["applyNo"] = PortalPushes.UniqueNo("ZJ")));
        foreach (var file in new[] { "xinxian-tea-factory.xml", "puyang-heating-gbk.xml" })
            yield return ("henan", PortalPushes.HenanVariant(file, PortalPushes.UniqueNo("HN")));
        yield return ("hubei", PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB")));
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Config, "samples", "project-approval"), "*.xml").Order())
            yield return ("project-approval", PortalPushes.SoapVariant(Path.GetFileName(file), PortalPushes.UniqueNo("GC")));
    }

    /// <summary>Contact names, phone numbers and USCCs found in the samples (read from the files, not typed in).</summary>
    public static (HashSet<string> Contacts, HashSet<string> Phones, HashSet<string> Usccs) Values()
    {
        var contacts = new HashSet<string>();
        var phones = new HashSet<string>();
        var usccs = new HashSet<string>();
        foreach (var (portal, body) in All())
        {
            var text = portal == "henan" ? PortalPushes.DeclaredEncoding(body).GetString(body) : Encoding.UTF8.GetString(body);
            if (portal == "zhejiang")
            {
                var applicant = JsonNode.Parse(text)!["applicant"]!;
                contacts.Add((string)applicant["contact"]!); phones.Add((string)applicant["mobile"]!); usccs.Add((string)applicant["uscc"]!);
            }
            else if (portal == "hubei")
            {
                var fields = JsonNode.Parse(text)!["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string)f!["value"]!);
                contacts.Add(fields["lxr"]); phones.Add(fields["lxdh"]); usccs.Add(fields["xydm"]);
            }
            else
            {
                var (c, p, u) = portal == "henan" ? ("LXR", "LXDH", "TYSHXYDM") : ("Contact", "Phone", "Uscc");
                string? Element(string name) => Regex.Match(text, $"<{name}>([^<]+)</{name}>") is { Success: true } m ? m.Groups[1].Value : null;
                if (Element(c) is { } contact) contacts.Add(contact);
                phones.Add(Element(p)!); usccs.Add(Element(u)!);
            }
        }
        return (contacts, phones, usccs);
    }

    /// <summary>Pushes every sample (signed as its portal) and returns the case ids.</summary>
    public static async Task<List<string>> PushAllAsync(GatewayHost host)
    {
        var caseIds = new List<string>();
        foreach (var (portal, body) in All())
        {
            using var response = await host.Http.SendAsync(new SignedCall(portal, body).ToRequest());
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{portal}: {(int)response.StatusCode} {text}");
            caseIds.Add(portal == "project-approval"
                ? Regex.Match(text, "<CaseId>([^<]+)</CaseId>").Groups[1].Value
                : (string)JsonNode.Parse(text)!["caseId"]!);
        }
        return caseIds;
    }

    /// <summary>Waits until no dispatch of the case is still on its way (each ACKNOWLEDGED or FAILED).</summary>
    public static Task<JsonObject> WaitSettledAsync(GatewayHost host, string caseId) =>
        host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().All(d => (string?)d!["status"] is "ACKNOWLEDGED" or "FAILED"),
            TimeSpan.FromSeconds(30));
}
