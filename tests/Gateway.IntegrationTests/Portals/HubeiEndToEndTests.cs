using System.Net;
using System.Text;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>Hubei's form-engine JSON push through the real host.</summary>
[Collection(PortalsCollection.Name)]
public sealed class HubeiEndToEndTests(PortalsGateway gateway)
{
    private GatewayHost Host => gateway.Host;
    private const string Sample = "ezhou-logistics-park.json";

    [Fact]
    public async Task Sample_is_accepted_for_ezhou_with_one_work_order_per_service()
    {
        using var response = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, PortalPushes.UniqueNo("EHB")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await GatewayHost.ReadJsonAsync(response);
        Assert.Equal("hubei", (string?)receipt["portal"]);
        Assert.Equal("ezhou", (string?)receipt["region"]);
        Assert.Equal(["ezhou-water", "ezhou-power", "ezhou-gas", "ezhou-cucc"],
            receipt["dispatches"]!.AsArray().Select(d => (string)d!["counterpartId"]!));
    }

    [Theory]
    [InlineData("2026年11月26日")]
    [InlineData("2026-11-26")]
    [InlineData("2026/11/26")]
    [InlineData("２０２６年１１月２６日")]
    public async Task Survey_date_is_read_in_each_style(string typed)
    {
        using var response = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, PortalPushes.UniqueNo("EHB"),
            s => PortalPushes.SetField(s, "yykc", typed)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Host.GetJsonAsync($"/api/cases/{(string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!}");
        Assert.Equal("2026-11-26", (string?)view["surveyDate"]);
    }

    [Fact]
    public async Task Project_name_is_optional_as_on_the_one_form_it_models()
    {
        using var response = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, PortalPushes.UniqueNo("EHB"),
            s => PortalPushes.SetField(s, "xmmc", null)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Host.GetJsonAsync($"/api/cases/{(string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!}");
        Assert.Equal("", (string?)view["project"]!["name"]);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("""{ "submitId": 12, "fields": [] }""", "a number where a string belongs")]
    [InlineData("""{ "fields": [ { "name": "sqdw", "value": ["a"] } ] }""", "an array where a value belongs")]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_stored(string body, string why)
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushHubeiAsync(Encoding.UTF8.GetBytes(body));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: HTTP {(int)response.StatusCode}");
        Assert.Equal("MALFORMED_BODY", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_oversized_body_413()
    {
        using (var xml = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, PortalPushes.UniqueNo("EHB")), "application/xml"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);

        var big = PortalPushes.HubeiVariant(Sample, PortalPushes.UniqueNo("EHB"), s => PortalPushes.SetField(s, "bz", new string('x', 1024 * 1024)));
        using var tooLarge = await Host.PushHubeiAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (string?)(await GatewayHost.ReadJsonAsync(tooLarge))["code"]);
    }

    [Fact]
    public async Task Repeat_is_the_same_receipt_and_reuse_with_other_content_is_409()
    {
        var submitId = PortalPushes.UniqueNo("EHBDUP");
        using var first = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, submitId));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var caseId = (string?)(await GatewayHost.ReadJsonAsync(first))["caseId"];

        // Same content typed differently (units, spacing) is the same application.
        using var again = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, submitId, s => PortalPushes.SetField(s, "ys_xq", "120 t/d")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await GatewayHost.ReadJsonAsync(again);
        Assert.True((bool)repeat["duplicate"]!);
        Assert.Equal(caseId, (string?)repeat["caseId"]);

        using var changed = await Host.PushHubeiAsync(PortalPushes.HubeiVariant(Sample, submitId, s => PortalPushes.SetField(s, "ys_xq", "121吨/日")));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
    }
}
