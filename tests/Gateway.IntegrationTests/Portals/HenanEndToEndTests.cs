using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Portals;

/// <summary>Henan's REST XML push through the real host: encodings, DTD refusal, media type, size, idempotency.</summary>
[Collection(PortalsCollection.Name)]
public sealed class HenanEndToEndTests(PortalsGateway gateway)
{
    private GatewayHost Host => gateway.Host;

    [Fact]
    public async Task Gbk_sample_with_gbk_only_characters_round_trips_byte_exact_into_the_case_view()
    {
        var body = File.ReadAllBytes(PortalPushes.SamplePath("henan", "puyang-heating-gbk.xml"));
        // The sample really is GBK: 喆 is 86 B4 in GBK (E5 96 86 in UTF-8).
        Assert.True(body.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x86, 0xB4]) >= 0);
        Assert.True(body.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xE5, 0x96, 0x86]) < 0);

        using var response = await Host.PushHenanAsync(body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var caseId = (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}");
        request.Headers.Authorization = new("Bearer", GatewayHost.OperatorToken);
        using var viewResponse = await Host.Http.SendAsync(request);
        var raw = await viewResponse.Content.ReadAsByteArrayAsync();
        var view = JsonNode.Parse(raw)!;
        foreach (var (node, expected) in new (JsonNode?, string)[]
                 {
                     (view["applicant"]!["name"], "濮阳市喆堃精密机械有限公司"),
                     (view["applicant"]!["contact"], "张喆"),
                     (view["project"]!["name"], "濮阳县先进制造业开发区喆堃精密铸造车间项目"),
                     (view["project"]!["address"], "河南省濮阳市濮阳县先进制造业开发区濮上路66号"),
                 })
        {
            Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes((string)node!));
            // …and the view's bytes carry the name as UTF-8 text, not as \u escapes.
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(expected)) >= 0, $"{expected} not verbatim in the view");
        }
        Assert.Equal("puyang", (string?)view["region"]);
        Assert.Contains(view["services"]!.AsArray(), s => (string?)s!["service"] == "HEATING" && (decimal)s["areaM2"]! == 8000m);
        Assert.Contains(view["dispatches"]!.AsArray(), d => (string?)d!["counterpartId"] == "puyang-heating");
    }

    [Theory]
    [InlineData("UTF-8", "信阳新县茶业有限公司", "刘志强")]
    [InlineData("GBK", "新县喆堃茶业有限公司", "张喆")]
    [InlineData("GB2312", "新县信合茶业有限公司", "王芳")]
    [InlineData("GB18030", "新县𠀀喆茶业有限公司", "李𠀀")]
    public async Task Every_declared_encoding_is_honoured(string encodingName, string company, string contact)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(PortalPushes.SamplePath("henan", "xinxian-tea-factory.xml")))
            .Replace("encoding=\"UTF-8\"", $"encoding=\"{encodingName}\"")
            .Replace("<SQBH>HN2026112300017</SQBH>", $"<SQBH>{PortalPushes.UniqueNo("HNENC")}</SQBH>")
            .Replace("新县信合茶业科技有限公司", company)
            .Replace("刘志强", contact);
        var body = encoding.GetBytes(text);
        Assert.Equal(text, encoding.GetString(body)); // the names are representable in that encoding

        using var response = await Host.PushHenanAsync(body, "text/xml");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Host.GetJsonAsync($"/api/cases/{(string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!}");
        Assert.Equal(company, (string?)view["applicant"]!["name"]);
        Assert.Equal(contact, (string?)view["applicant"]!["contact"]);
    }

    public static TheoryData<string, string> HostileXml => new()
    {
        {
            "xxe",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE BZSQ [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <BZSQ><SQBH>HNXXE0001</SQBH><SQDW>&xxe;</SQDW></BZSQ>
            """
        },
        {
            "billion-laughs",
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <BZSQ><SQBH>HNLOL0001</SQBH><SQDW>&lol9;</SQDW></BZSQ>
            """
        },
        { "doctype-only", """<?xml version="1.0"?><!DOCTYPE BZSQ><BZSQ><SQBH>HNDTD0001</SQBH></BZSQ>""" },
    };

    [Theory]
    [MemberData(nameof(HostileXml))]
    public async Task Xml_with_a_doctype_is_refused_400_and_nothing_is_stored(string name, string xml)
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushHenanAsync(Encoding.UTF8.GetBytes(xml));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: HTTP {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("MALFORMED_BODY", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Theory]
    [InlineData("<BZSQ><SQBH>HN1</SQBH>", "not well-formed")]
    [InlineData("{\"SQBH\":\"HN1\"}", "JSON, not XML")]
    [InlineData("<?xml version=\"1.0\"?><SQ><SQBH>HN1</SQBH></SQ>", "wrong root element")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><BZSQ><SQBH>HN1</SQBH></BZSQ>", "encoding not in the agreement")]
    public async Task Malformed_bodies_are_400_problems(string body, string why)
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushHenanAsync(Encoding.UTF8.GetBytes(body));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: HTTP {(int)response.StatusCode}");
        Assert.Equal("MALFORMED_BODY", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=GBK")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_content_types_are_415(string contentType)
    {
        using var response = await Host.PushHenanAsync(PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN")), contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        var sample = Encoding.UTF8.GetString(PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN")));
        var padded = sample.Replace("</BZSQ>", $"<BZ>{new string('x', 1024 * 1024)}</BZ></BZSQ>");
        using var response = await Host.PushHenanAsync(Encoding.UTF8.GetBytes(padded));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task Repeat_is_the_same_receipt_and_reuse_with_other_content_is_409()
    {
        var sqbh = PortalPushes.UniqueNo("HNDUP");
        var body = PortalPushes.HenanVariant("puyang-heating-gbk.xml", sqbh);
        using var first = await Host.PushHenanAsync(body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var original = await GatewayHost.ReadJsonAsync(first);
        Assert.Equal($"/api/cases/{original["caseId"]}", first.Headers.Location!.OriginalString);

        using var again = await Host.PushHenanAsync(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await GatewayHost.ReadJsonAsync(again);
        Assert.True((bool)repeat["duplicate"]!);
        Assert.Equal((string?)original["receiptNo"], (string?)repeat["receiptNo"]);
        Assert.Equal(original["dispatches"]!.ToJsonString(), repeat["dispatches"]!.ToJsonString());

        using var changed = await Host.PushHenanAsync(PortalPushes.HenanVariant("puyang-heating-gbk.xml", sqbh, x => x.Replace("<MJ>8000</MJ>", "<MJ>9000</MJ>")));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("APPLICATION_CONFLICT", (string?)(await GatewayHost.ReadJsonAsync(changed))["code"]);
    }

    [Fact]
    public async Task Another_portals_key_may_not_push_henan_applications()
    {
        var before = await Host.CaseCountAsync();
        using var response = await Host.PushAsync(PortalPushes.HenanRoute,
            PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN")), "hubei", PortalPushes.SecretOf("hubei"), "application/xml");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("CALLER_NOT_ALLOWED", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
        Assert.Equal(before, await Host.CaseCountAsync());
    }

    [Fact]
    public async Task Unsigned_push_is_401_before_the_xml_is_read()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("<not xml"));
        content.Headers.ContentType = new("application/xml");
        using var response = await Host.Http.PostAsync(PortalPushes.HenanRoute, content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_MISSING", (string?)(await GatewayHost.ReadJsonAsync(response))["code"]);
    }
}
