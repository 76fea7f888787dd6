using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Application.Configuration;
using Gateway.Host;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// Fail closed: the embedded profile (published secrets and tokens) serves loopback only unless explicitly told, and a
/// stranger's request is refused on its headers before its body is read.
/// </summary>
public sealed class FailClosedTests
{
    private static string[] Args(params string[] more) =>
    [
        $"--Gateway:ConfigDir={RepoPaths.Config}",
        $"--ConnectionStrings:Store=Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")}",
        $"--Gateway:LogDirectory={Path.Combine(Path.GetTempPath(), "gw-logs-" + Guid.NewGuid())}",
        .. more,
    ];

    [Theory]
    [InlineData("--urls=http://0.0.0.0:0")]
    [InlineData("--urls=http://127.0.0.1:0;http://*:0")]
    [InlineData("--urls=http://[::]:0")]
    [InlineData("--http_ports=0")]
    [InlineData("--Kestrel:Endpoints:Lan:Url=http://192.168.1.20:0")]
    public async Task The_embedded_profile_refuses_a_network_address_naming_the_override(string listen)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => GatewayApp.BuildAsync(Args(listen)));
        Assert.Contains("Gateway:Embedded:AllowNonLoopback", error.Message);
    }

    [Fact]
    public async Task With_the_override_it_starts_and_says_so_loudly()
    {
        var logs = Path.Combine(Path.GetTempPath(), "gw-logs-" + Guid.NewGuid());
        var app = await GatewayApp.BuildAsync(Args("--urls=http://0.0.0.0:0", "--Gateway:Embedded:AllowNonLoopback=true", $"--Gateway:LogDirectory={logs}"));
        await app.DisposeAsync();
        var text = string.Join("\n", Directory.GetFiles(logs).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));
        Assert.Contains("EMBEDDED PROFILE ON A NETWORK ADDRESS", text);
    }

    [Theory]
    [InlineData("X-Gw-Access-Key: stranger\r\nX-Gw-Algorithm: hmac-sha256\r\nX-Gw-Date: Mon, 23 Nov 2026 01:30:00 GMT\r\nX-Gw-Nonce: 0123456789abcdef\r\nX-Gw-Content-SHA256: 00\r\nX-Gw-Signature: AA==\r\n", "ACCESS_KEY_UNKNOWN")]
    [InlineData("", "SIGNATURE_MISSING")]
    [InlineData("X-Gw-Access-Key: zhejiang\r\nX-Gw-Algorithm: hmac-sha256\r\nX-Gw-Date: Mon, 01 Jan 2024 00:00:00 GMT\r\nX-Gw-Nonce: 0123456789abcdef\r\nX-Gw-Content-SHA256: 00\r\nX-Gw-Signature: AA==\r\n", "CLOCK_SKEW")]
    public async Task A_stranger_is_refused_on_its_headers_before_its_body_arrives(string headers, string code)
    {
        await using var host = await GatewayHost.StartAsync([]);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseUrl.Host, host.BaseUrl.Port);
        var stream = tcp.GetStream();
        // Announces 1 MiB, sends 10 bytes, and waits: the answer must come from the headers alone.
        var head = $"POST /api/portals/zhejiang/applications HTTP/1.1\r\nHost: {host.BaseUrl.Authority}\r\nContent-Type: application/json\r\n" +
                   $"Content-Length: {1024 * 1024}\r\n{headers}\r\n{{\"applyNo\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        var answer = "";
        int read;
        while (!answer.Contains(code, StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            answer += Encoding.UTF8.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 401", answer);
        Assert.Contains(code, answer);
    }
}
