using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// Every 401 code of docs/security.md, for a REST portal (problem+json) and for SOAP (a <c>soap:Client</c> fault with
/// HTTP 401, docs/portals.md), each checked before the body is parsed and storing nothing; and <c>hmac-sm3</c> accepted
/// from every portal.
/// </summary>
public sealed class SignatureCodesTests(PortalsGateway gateway) : IClassFixture<PortalsGateway>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var portal in new[] { "hubei", "henan", "project-approval" })
            foreach (var code in new[] { "SIGNATURE_MISSING", "SIGNATURE_INVALID", "ACCESS_KEY_UNKNOWN", "CLOCK_SKEW", "NONCE_REPLAYED", "BODY_DIGEST_MISMATCH" })
                data.Add(portal, code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_signature_failure_is_a_401_with_its_code_and_stores_nothing(string portal, string code)
    {
        var host = gateway.Host;
        var body = SampleBodies.Fresh(portal);
        var call = new SignedCall(portal, body);
        if (code == "NONCE_REPLAYED")
        {
            using var first = await host.Http.SendAsync(call.ToRequest());
            Assert.Equal(portal == "project-approval" ? HttpStatusCode.OK : HttpStatusCode.Created, first.StatusCode);
        }
        var before = await host.CaseCountAsync();

        var broken = code switch
        {
            "SIGNATURE_MISSING" => call with { Omit = "X-Gw-Signature" },
            "SIGNATURE_INVALID" => call with { Secret = "not-the-secret" },
            "ACCESS_KEY_UNKNOWN" => call with { AccessKey = "someone-else" },
            "CLOCK_SKEW" => call with { At = DateTimeOffset.UtcNow.AddSeconds(-95) },
            "NONCE_REPLAYED" => call with { At = DateTimeOffset.UtcNow },          // same nonce, fresh date
            _ => call with { SignedBody = SampleBodies.Fresh(portal) },               // BODY_DIGEST_MISMATCH
        };
        // Garbage instead of the body (same digest header as signed) proves the check comes before parsing.
        if (code == "BODY_DIGEST_MISMATCH") broken = broken with { Body = "<<<{{{ not parsed"u8.ToArray() };
        using var response = await host.Http.SendAsync(broken.ToRequest());

        Assert.Equal((HttpStatusCode.Unauthorized, code), (response.StatusCode, await CodeOfAsync(portal, response)));
        Assert.Equal(before, await host.CaseCountAsync());
    }

    [Fact]
    public async Task A_date_too_far_in_the_future_is_clock_skew_too_and_89_seconds_is_within_the_window()
    {
        using (var future = await gateway.Host.Http.SendAsync(new SignedCall("hubei", SampleBodies.Fresh("hubei")) { At = DateTimeOffset.UtcNow.AddSeconds(95) }.ToRequest()))
            Assert.Equal("CLOCK_SKEW", await CodeOfAsync("hubei", future));
        using var late = await gateway.Host.Http.SendAsync(new SignedCall("hubei", SampleBodies.Fresh("hubei")) { At = DateTimeOffset.UtcNow.AddSeconds(-85) }.ToRequest());
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
    }

    [Theory]
    [InlineData("zhejiang")]
    [InlineData("henan")]
    [InlineData("hubei")]
    [InlineData("project-approval")]
    public async Task A_push_signed_with_hmac_sm3_is_accepted(string portal)
    {
        var call = new SignedCall(portal, SampleBodies.Fresh(portal)) { Algorithm = "hmac-sm3" };
        using var response = await gateway.Host.Http.SendAsync(call.ToRequest());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (portal == "project-approval" ? HttpStatusCode.OK : HttpStatusCode.Created), $"{(int)response.StatusCode}: {text}");

        // The same request signed with SHA-256 by a caller claiming sm3 is refused.
        var mismatched = call with { Nonce = "n-" + Guid.NewGuid().ToString("N"), Body = SampleBodies.Fresh(portal) };
        using var request = mismatched.ToRequest();
        request.Headers.Remove("X-Gw-Signature");
        request.Headers.TryAddWithoutValidation("X-Gw-Signature", SignedCall.Sign("hmac-sha256", PortalPushes.SecretOf(portal),
            $"POST\n{call.Route}\n\n{portal}\n{request.Headers.GetValues("X-Gw-Date").Single()}\n{mismatched.Nonce}\n{request.Headers.GetValues("X-Gw-Content-SHA256").Single()}\n"));
        using var refused = await gateway.Host.Http.SendAsync(request);
        Assert.Equal((HttpStatusCode.Unauthorized, "SIGNATURE_INVALID"), (refused.StatusCode, await CodeOfAsync(portal, refused)));
    }

    /// <summary>REST: the problem's <c>code</c>; SOAP: must be a <c>soap:Client</c> fault, its single Error/@Code.</summary>
    public static async Task<string?> CodeOfAsync(string portal, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (portal != "project-approval") return (string?)JsonNode.Parse(text)!["code"];
        var fault = XDocument.Parse(text).Root!.Element(PortalPushes.SoapEnv + "Body")!.Element(PortalPushes.SoapEnv + "Fault")!;
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        return Assert.Single(PortalPushes.FaultErrors(fault)).Code;
    }
}
