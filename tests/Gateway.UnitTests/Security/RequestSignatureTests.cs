using System.Security.Cryptography;
using System.Text;
using Gateway.Adapters.Security;

namespace Gateway.UnitTests.Security;

public sealed class RequestSignatureTests
{
    [Fact]
    public void String_to_sign_follows_the_agreement_line_by_line()
    {
        var text = RequestSignature.StringToSign("post", "/api/portals/zhejiang/applications", "a=1&b=2", "zhejiang",
            "Mon, 23 Nov 2026 01:30:00 GMT", "nonce-0123456789ab", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Assert.Equal(
            "POST\n/api/portals/zhejiang/applications\na=1&b=2\nzhejiang\nMon, 23 Nov 2026 01:30:00 GMT\nnonce-0123456789ab\n" +
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n", text);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("?z=1&a=3&a=1", "a=1&a=3&z=1")]
    [InlineData("?flag", "flag=")]
    public void Query_pairs_are_sorted_by_key(string? query, string expected) =>
        Assert.Equal(expected, RequestSignature.SortedQuery(query));

    [Fact]
    public void Empty_body_digest_is_the_sha256_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RequestSignature.ContentSha256([]));

    [Fact]
    public void Hmac_sha256_matches_the_framework_primitive()
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("k"), Encoding.UTF8.GetBytes("message")));
        Assert.Equal(expected, RequestSignature.Sign("hmac-sha256", "k", "message"));
    }

    [Fact]
    public void Hmac_sm3_differs_from_sha256_and_is_32_bytes()
    {
        var sm3 = Convert.FromBase64String(RequestSignature.Sign("hmac-sm3", "k", "message"));
        Assert.Equal(32, sm3.Length);
        Assert.NotEqual(RequestSignature.Sign("hmac-sha256", "k", "message"), RequestSignature.Sign("hmac-sm3", "k", "message"));
        Assert.Equal(RequestSignature.Sign("hmac-sm3", "k", "message"), RequestSignature.Sign("hmac-sm3", "k", "message"));
    }

    [Fact]
    public void Unknown_algorithms_are_refused() =>
        Assert.Throws<ArgumentException>(() => RequestSignature.Sign("hmac-md5", "k", "m"));

    [Fact]
    public async Task Outbound_signing_sets_all_six_headers_so_the_agreement_verifies_them()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/erp/work-orders?y=2&x=1")
        {
            Content = new ByteArrayContent(body),
        };
        var at = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
        await OutboundSigningHandler.SignAsync(request, new SigningCredentials("gateway", "s3cret"), at, CancellationToken.None);

        string H(string name) => request.Headers.GetValues(name).Single();
        Assert.Equal("gateway", H("X-Gw-Access-Key"));
        Assert.Equal("Mon, 23 Nov 2026 01:30:00 GMT", H("X-Gw-Date"));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), H("X-Gw-Content-SHA256"));
        var toSign = $"POST\n/erp/work-orders\nx=1&y=2\ngateway\nMon, 23 Nov 2026 01:30:00 GMT\n{H("X-Gw-Nonce")}\n{H("X-Gw-Content-SHA256")}\n";
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(toSign))), H("X-Gw-Signature"));
    }
}
