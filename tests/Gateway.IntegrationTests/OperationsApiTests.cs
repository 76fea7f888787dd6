using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.Application.Configuration;
using Gateway.Host;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>Case queries, admin listing, health and startup checks (docs/operations.md, docs/security.md).</summary>
public sealed class OperationsApiTests(KeqiaoGateway gateway) : IClassFixture<KeqiaoGateway>
{
    private async Task<string> PushSampleAsync()
    {
        var body = GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"),
            s => s["applyNo"] = "ZJO" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant());
        using var response = await gateway.Host.PushZhejiangAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.Host.Http.SendAsync(request);
    }

    [Fact]
    public async Task Case_view_needs_a_known_bearer_token()
    {
        var caseId = await PushSampleAsync();
        using (var none = await GetAsync($"/api/cases/{caseId}", null))
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var wrong = await GetAsync($"/api/cases/{caseId}", "dev-operator-token")) // dev tokens are off once real ones are configured
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using (var missing = await GetAsync("/api/cases/keqiao-20260101-NOPE0000", GatewayHost.ViewerToken))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Viewers_see_masked_phones_operators_the_full_number()
    {
        var caseId = await PushSampleAsync();
        var asViewer = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}", GatewayHost.ViewerToken);
        var asOperator = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}", GatewayHost.OperatorToken);
        Assert.Equal("139****1234", (string?)asViewer["applicant"]!["phone"]);
        Assert.Equal("13905851234", (string?)asOperator["applicant"]!["phone"]);
    }

    [Fact]
    public async Task Case_view_holds_the_canonical_application()
    {
        var caseId = await PushSampleAsync();
        var view = await gateway.Host.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("keqiao", (string?)view["region"]);
        Assert.Equal("kqedz", (string?)view["zone"]);
        Assert.Equal("zhejiang", (string?)view["portal"]);
        Assert.Equal("2026-330603-44-01-100231", (string?)view["project"]!["code"]);
        var services = view["services"]!.AsArray();
        Assert.Equal(["WATER", "POWER", "GAS", "NETWORK"], services.Select(s => (string)s!["service"]!));
        Assert.Equal("INCREASE", (string?)services[2]!["business"]);
        Assert.Equal(300m, (decimal)services[2]!["dailyM3"]!);
        Assert.Equal("LOW", (string?)services[2]!["pressure"]);
        Assert.Equal(["CTCC"], services[3]!["carriers"]!.AsArray().Select(c => (string)c!));
        Assert.False(services[1]!.AsObject().ContainsKey("dailyTons")); // absent numbers are omitted, not zero
        Assert.Equal("WATER", (string?)view["outerWorks"]![0]!["service"]);
    }

    [Fact]
    public async Task Case_list_filters_by_region_and_status_and_pages()
    {
        var caseId = await PushSampleAsync();
        var list = await gateway.Host.GetJsonAsync("/api/cases?region=keqiao&pageSize=200");
        Assert.Contains(list["items"]!.AsArray(), i => (string?)i!["caseId"] == caseId);
        var other = await gateway.Host.GetJsonAsync("/api/cases?region=ezhou");
        Assert.Equal(0, (int)other["total"]!);
        var onePage = await gateway.Host.GetJsonAsync("/api/cases?pageSize=1&page=1");
        Assert.Single(onePage["items"]!.AsArray());
        using var bad = await GetAsync("/api/cases?status=NOPE&pageSize=0", GatewayHost.ViewerToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await GatewayHost.ReadJsonAsync(bad))["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order();
        Assert.Equal(["pageSize", "status"], fields);
    }

    [Fact]
    public async Task Admin_runtime_shows_the_jit_and_gc_counters_to_a_viewer_and_nothing_to_an_anonymous_caller()
    {
        using (var anonymous = await GetAsync("/api/admin/runtime", null))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await PushSampleAsync();
        var before = await gateway.Host.GetJsonAsync("/api/admin/runtime", GatewayHost.ViewerToken);
        Assert.True((long)before["jitCompiledMethods"]! > 0);
        Assert.Equal(3, before["gcCollections"]!.AsArray().Count);
        // Cumulative: never less on a later read.
        var after = await gateway.Host.GetJsonAsync("/api/admin/runtime", GatewayHost.ViewerToken);
        Assert.True((double)after["jitCompilationMilliseconds"]! >= (double)before["jitCompilationMilliseconds"]!);
        Assert.True((long)after["jitCompiledMethods"]! >= (long)before["jitCompiledMethods"]!);
    }

    [Fact]
    public async Task Admin_counterparts_lists_every_configured_counterpart()
    {
        using var response = await GetAsync("/api/admin/counterparts", GatewayHost.ViewerToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(12, rows.Count(r => ((string)r!["id"]!).StartsWith("keqiao-", StringComparison.Ordinal)));
        var water = rows.Single(r => (string?)r!["id"] == "keqiao-water")!;
        Assert.Equal("UTILITY", (string?)water["kind"]);
        Assert.Equal("WATER", (string?)water["service"]);
        Assert.Equal("CLOSED", (string?)water["circuit"]);
        var police = rows.Single(r => (string?)r!["id"] == "keqiao-police")!;
        Assert.Equal("DEPARTMENT", (string?)police["kind"]);
        Assert.NotNull((string?)police["problem"]); // no BaseUrl and the sandbox is off in this harness
    }

    [Fact]
    public async Task Health_endpoints_report_store_and_bus()
    {
        using var live = await gateway.Host.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await gateway.Host.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await GatewayHost.ReadJsonAsync(ready))["checks"]!.AsObject();
        Assert.Equal("Healthy", (string?)checks["store"]!["status"]);
        Assert.Contains(checks, c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("--Gateway:Counterparts:keqiao-nowhere:BaseUrl=http://127.0.0.1:1/", "Gateway:Counterparts:keqiao-nowhere")]
    [InlineData("--Gateway:Portals:shanghai:CallbackUrl=http://127.0.0.1:1/", "Gateway:Portals:shanghai")]
    [InlineData("--Gateway:Transport=Kafka", "Gateway:Transport")]
    [InlineData("--Gateway:Profile=Production", "Gateway:Sandbox:Enabled")]
    [InlineData("--Gateway:CounterpartDefaults:Retry:MaxAttempts=abc", "Gateway:CounterpartDefaults:Retry:MaxAttempts")]
    [InlineData("--Gateway:Counterparts:keqiao-water:CircuitBreaker:FailureRatio=3", "Gateway:Counterparts:keqiao-water:CircuitBreaker:FailureRatio")]
    [InlineData("--Gateway:Counterparts:keqiao-water:Prefetch=0", "Gateway:Counterparts:keqiao-water:Prefetch")]
    [InlineData("--Gateway:Sandbox:StepMilliseconds=-5", "Gateway:Sandbox:StepMilliseconds")]
    [InlineData("--Gateway:Callers:nobody:Secret=x", "Gateway:Callers:nobody")]
    public async Task Configuration_mistakes_stop_startup_naming_the_key(string setting, string expectedKey)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => GatewayApp.BuildAsync(
        [
            $"--Gateway:ConfigDir={RepoPaths.Config}",
            $"--ConnectionStrings:Store=Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")}",
            "--Gateway:Sandbox:Enabled=true",
            setting,
        ]));
        Assert.Contains(expectedKey, error.Message);
    }
}
