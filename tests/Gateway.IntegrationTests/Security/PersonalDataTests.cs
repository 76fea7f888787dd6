using System.Net;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// An end-to-end run of every sample of every portal (through to acknowledged work orders, plus a rejected push and a
/// refused conflicting reuse): no complete log file holds an unmasked phone number, USCC or contact name; the SQLite
/// file read with plain SQL holds no plaintext phone number or contact name; authorised readers still see them.
/// </summary>
public sealed class PersonalDataTests(PortalsGateway gateway) : IClassFixture<PortalsGateway>
{
    [Fact]
    public async Task No_log_line_of_an_end_to_end_run_holds_a_phone_number_uscc_or_contact_name()
    {
        var host = gateway.Host;
        var caseIds = await PersonalDataSamples.PushAllAsync(host);
        foreach (var caseId in caseIds)
        {
            var view = await PersonalDataSamples.WaitSettledAsync(host, caseId);
            Assert.All(view["dispatches"]!.AsArray(), d => Assert.Equal("ACKNOWLEDGED", (string?)d!["status"]));
        }
        // The error paths log too: a rejected push (bad USCC) and a conflicting reuse of an application number.
        using (var rejected = await host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"),
                   s => PortalPushes.SetField(s, "xydm", "91420704MA4F3N8K62"))))
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var no = PortalPushes.UniqueNo("EHB");
        using (var first = await host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", no))) Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var reuse = await host.PushHubeiAsync(PortalPushes.HubeiVariant("ezhou-logistics-park.json", no, s => PortalPushes.SetField(s, "lxdh", "13912345678"))))
            Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);

        var (contacts, phones, usccs) = PersonalDataSamples.Values();
        var files = Directory.GetFiles(host.LogDirectory, "*.log");
        Assert.NotEmpty(files);
        var log = string.Concat(await Task.WhenAll(files.Select(HostileInputTests.ReadSharedAsync)));
        foreach (var caseId in caseIds) Assert.Contains(caseId, log); // the run really was logged
        var found = contacts.Concat(phones).Concat(usccs).Append("13912345678").Where(v => log.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"the log holds personal data: {string.Join(", ", found)}");
    }

    [Fact]
    public async Task The_sqlite_file_holds_no_plaintext_phone_or_contact_yet_readers_see_them_per_role()
    {
        var host = gateway.Host;
        // One work order is refused outright (400), so a failed message with its request body is stored too.
        // Its error text carries personal data, as a counterpart's snippet may: it is masked before it is stored.
        gateway.Erp.Script(new FakeAnswer(400, """{"code":"BAD","message":"refused by the test: 联系人：李秀英 13812345678"}"""));
        var caseIds = await PersonalDataSamples.PushAllAsync(host);
        foreach (var caseId in caseIds) await PersonalDataSamples.WaitSettledAsync(host, caseId);

        var (contacts, phones, _) = PersonalDataSamples.Values();
        var cells = await RawStoreScan.SqliteAsync(host.SqliteFile);
        Assert.Contains(cells, c => c.Table == "cases" && c.Value.Contains("sm4gcm2:", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Table == "failed_messages" && c.Column == "request_body" && c.Value.Contains("sm4gcm2:", StringComparison.Ordinal));
        var leaks = RawStoreScan.Leaks(cells, contacts.Concat(phones));
        Assert.True(leaks.Count == 0, "plaintext personal data in the SQLite file: " + string.Join("; ", leaks));

        // Authorised readers get the values back: the operator in full, the viewer with the phone masked.
        var zhejiang = caseIds[0];
        var asOperator = await host.GetJsonAsync($"/api/cases/{zhejiang}");
        Assert.Equal(("王建平", "13905851234"), ((string?)asOperator["applicant"]!["contact"], (string?)asOperator["applicant"]!["phone"]));
        var asViewer = await host.GetJsonAsync($"/api/cases/{zhejiang}", GatewayHost.ViewerToken);
        Assert.Equal(("王**", "139****1234"), ((string?)asViewer["applicant"]!["contact"], (string?)asViewer["applicant"]!["phone"]));
        var failed = (await host.GetJsonAsync("/api/admin/failed-messages"))["items"]!.AsArray();
        var failedId = (string)Assert.Single(failed)!["id"]!;
        var shown = await host.GetJsonAsync($"/api/admin/failed-messages/{failedId}");
        Assert.Contains((string)shown["body"]!["applicant"]!["phone"]!, phones);
        Assert.Contains((string)shown["body"]!["applicant"]!["contact"]!, contacts);
        // The counterpart's snippet was stored masked: nobody sees the name or number it quoted.
        Assert.DoesNotContain("13812345678", shown.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("李秀英", Plain(shown), StringComparison.Ordinal);
        Assert.Contains("138****5678", (string?)shown["lastError"]);

        // Everything a viewer can reach: the stored work order, the lists, every case view — no contact name, no phone.
        var viewerTexts = new List<string>
        {
            Plain(await host.GetJsonAsync($"/api/admin/failed-messages/{failedId}", GatewayHost.ViewerToken)),
            Plain(await host.GetJsonAsync("/api/admin/failed-messages", GatewayHost.ViewerToken)),
            Plain(await host.GetJsonAsync("/api/cases?pageSize=200", GatewayHost.ViewerToken)),
            Plain(await host.GetNodeAsync("/api/admin/parked", GatewayHost.ViewerToken)),
        };
        foreach (var caseId in caseIds) viewerTexts.Add(Plain(await host.GetJsonAsync($"/api/cases/{caseId}", GatewayHost.ViewerToken)));
        var seen = string.Join("\n", viewerTexts);
        foreach (var value in contacts.Concat(phones))
            Assert.DoesNotContain(value, seen, StringComparison.Ordinal);
        var viewerBody = (await host.GetJsonAsync($"/api/admin/failed-messages/{failedId}", GatewayHost.ViewerToken))["body"]!;
        Assert.Matches(@"^\d{3}\*+\d{4}$|^\*+$|^0\d{2,3}\*+", (string)viewerBody["applicant"]!["phone"]!);
    }

    private static string Plain(System.Text.Json.Nodes.JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
