using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// The hostile-input corpus (<see cref="HostileCorpus"/>), correctly signed so every request reaches the parser: each
/// answer is the caller's error with a stable code — REST a 4xx problem, SOAP a <c>soap:Client</c> fault (HTTP 4xx, or
/// 500 for a problem inside the message as docs/portals.md explains) — never an internal error; the host stays up,
/// nothing is stored, and neither an answer nor a log line carries a stack trace or an exception type name.
/// </summary>
public sealed partial class HostileInputTests(PortalsGateway gateway) : IClassFixture<PortalsGateway>
{
    [GeneratedRegex("^[A-Z][A-Z0-9_]+$")]
    private static partial Regex StableCode();

    /// <summary>A stack frame ("   at Type.Method(") or an exception type name.</summary>
    [GeneratedRegex(@"^\s+at \S+\(|\b[A-Z]\w*Exception\b|--- End of", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    [Theory]
    [InlineData("zhejiang")]
    [InlineData("henan")]
    [InlineData("hubei")]
    [InlineData("project-approval")]
    public async Task Every_bad_request_is_the_callers_error_with_a_stable_code_and_changes_nothing(string portal)
    {
        var host = gateway.Host;
        var corpus = HostileCorpus.For(portal);
        Assert.True(corpus.Count >= 200, $"{portal}: only {corpus.Count} requests in the corpus");
        var before = await host.CaseCountAsync();

        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bad, ct) =>
        {
            var call = new SignedCall(portal, bad.Body) { MediaType = bad.ContentType };
            using var response = await host.Http.SendAsync(call.ToRequest(), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var problem = Judge(portal, bad, (int)response.StatusCode, text);
            if (problem is not null) problems.Add($"[{bad}] {problem}");
        });
        Assert.True(problems.IsEmpty, $"{problems.Count} of {corpus.Count} {portal} requests answered wrongly:\n" + string.Join("\n", problems.Take(40)));

        using (var live = await host.Http.GetAsync("/health/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(before, await host.CaseCountAsync());
        // And the host still takes a good push.
        using (var good = await host.Http.SendAsync(new SignedCall(portal, SampleBodies.Fresh(portal)).ToRequest()))
            Assert.True(good.IsSuccessStatusCode, $"{portal}: a valid push after the corpus got {(int)good.StatusCode}");

        var logs = Directory.GetFiles(host.LogDirectory, "*.log");
        Assert.NotEmpty(logs);
        foreach (var file in logs)
        {
            var log = await ReadSharedAsync(file);
            var trace = StackTrace().Match(log);
            Assert.False(trace.Success, $"{Path.GetFileName(file)} has a stack trace or exception name near: {(trace.Success ? log[Math.Max(0, trace.Index - 300)..Math.Min(log.Length, trace.Index + 300)] : "")}");
        }
    }

    /// <summary>
    /// Hostile requests around the body (issue 15): another portal's key, a stranger with a 1 MiB+ body, a made-up
    /// portal path, paging that overflows. Each is a 4xx problem with its stable code; nothing is stored, nothing parked.
    /// </summary>
    [Fact]
    public async Task Hostile_callers_paths_and_paging_are_refused_and_change_nothing()
    {
        var host = gateway.Host;
        var before = await host.CaseCountAsync();
        var huge = new byte[RequestBodyLimit + 10];
        Array.Fill(huge, (byte)' ');
        var pushes = new (string Name, HttpRequestMessage Request, int Status, string Code)[]
        {
            ("another portal's key on the Zhejiang route", new SignedCall("zhejiang", SampleBodies.Fresh("zhejiang")) { AccessKey = "hubei", Secret = PortalPushes.SecretOf("hubei") }.ToRequest(), 403, "CALLER_NOT_ALLOWED"),
            ("a stranger's 1 MiB+ body", new SignedCall("zhejiang", huge) { AccessKey = "stranger", Secret = "x" }.ToRequest(), 401, "ACCESS_KEY_UNKNOWN"),
            ("a stale date with a 1 MiB+ body", new SignedCall("zhejiang", huge) { At = host.Clock.GetUtcNow().AddHours(-3) }.ToRequest(), 401, "CLOCK_SKEW"),
        };
        foreach (var (name, request, status, code) in pushes)
        {
            using var response = await host.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{name}: {(int)response.StatusCode} {text}");
            Assert.Contains(code, text);
            Assert.DoesNotMatch(StackTrace(), text);
        }
        using (var unknownPortal = await host.PushAsync("/api/portals/evil-portal/applications", SampleBodies.Fresh("zhejiang")))
            Assert.True((int)unknownPortal.StatusCode is >= 400 and < 500, $"unknown portal: {(int)unknownPortal.StatusCode}");

        foreach (var query in new[] { "/api/cases?page=2147483647", "/api/cases?page=2147483647&pageSize=200", "/api/cases?page=100001&pageSize=200",
                     "/api/admin/failed-messages?page=2147483647", "/api/admin/failed-messages?page=2147483647&pageSize=500", "/api/cases?page=-1",
                     "/api/cases?page=1e9", "/api/cases?pageSize=2147483647" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, query);
            request.Headers.Authorization = new("Bearer", GatewayHost.ViewerToken);
            using var response = await host.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {text}");
            var problem = JsonNode.Parse(text)!;
            Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["field"] is "page" or "pageSize");
            Assert.DoesNotMatch(StackTrace(), text);
        }
        Assert.Equal(before, await host.CaseCountAsync());
        Assert.Empty((await host.GetNodeAsync("/api/admin/parked")).AsArray());
    }

    private const int RequestBodyLimit = 1024 * 1024;

    private static string? Judge(string portal, HostileRequest bad, int status, string text)
    {
        if (StackTrace().IsMatch(text)) return $"{status}: the answer carries a stack trace or exception name: {Cut(text)}";
        string[] codes;
        if (portal == "project-approval")
        {
            XElement fault;
            try
            {
                fault = XDocument.Parse(text).Root!.Element(PortalPushes.SoapEnv + "Body")!.Elements().Single();
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or NullReferenceException or InvalidOperationException)
            {
                return $"{status}: not a SOAP envelope: {Cut(text)}";
            }
            if (fault.Name != PortalPushes.SoapEnv + "Fault") return $"{status}: accepted ({fault.Name.LocalName})";
            if (fault.Element("faultcode")?.Value is not ("soap:Client" or "soap:VersionMismatch")) return $"{status}: fault {fault.Element("faultcode")?.Value}: {Cut(text)}";
            if (status is not (>= 400 and < 500 or 500)) return $"HTTP {status} for a client fault";
            codes = PortalPushes.FaultErrors(fault).Select(e => e.Code).ToArray();
        }
        else
        {
            if (status is < 400 or >= 500) return $"HTTP {status}: {Cut(text)}";
            JsonNode? node;
            try { node = JsonNode.Parse(text); }
            catch (System.Text.Json.JsonException) { return $"{status}: not a problem+json body: {Cut(text)}"; }
            codes = [(string?)node?["code"] ?? "", .. node?["errors"]?.AsArray().Select(e => (string?)e?["code"] ?? "") ?? []];
        }
        if (codes.Length == 0 || !codes.All(c => StableCode().IsMatch(c))) return $"{status}: codes [{string.Join(", ", codes)}] are not stable UPPER_SNAKE codes";
        if (codes.Contains("INTERNAL_ERROR")) return $"{status}: internal error";
        if (bad.Code is not null && !codes.Contains(bad.Code)) return $"{status}: expected {bad.Code}, got [{string.Join(", ", codes)}]";
        return null;
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";

    /// <summary>Reads a log file the host still has open for writing.</summary>
    public static async Task<string> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
