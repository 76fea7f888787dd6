using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The real gateway host (the same composition root as <c>dotnet run --project Host</c>) on 127.0.0.1 with an
/// ephemeral port, its own throwaway SQLite file and log folder, pointed at fake counterparts.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string PortalSecret = "test-portal-secret-zhejiang";
    public const string OperatorToken = "test-operator-token-0001";
    public const string ViewerToken = "test-viewer-token-0001";

    private WebApplication _app;
    private readonly string _dataDir;
    private readonly string[] _args;
    private readonly Action<IServiceCollection>? _services;

    public HttpClient Http { get; private set; }
    public Uri BaseUrl { get; private set; }
    public IServiceProvider Services => _app.Services;
    /// <summary>The host's clock: test requests are signed with it, so a host on a pinned clock accepts them.</summary>
    public TimeProvider Clock => _app.Services.GetRequiredService<TimeProvider>();
    /// <summary>This host's throwaway folder: the SQLite file <c>gateway.db</c> and the <c>logs/</c> folder.</summary>
    public string DataDirectory => _dataDir;
    public string SqliteFile => Path.Combine(_dataDir, "gateway.db");
    public string LogDirectory => Path.Combine(_dataDir, "logs");

    private GatewayHost(WebApplication app, Uri baseUrl, string dataDir, string[] args, Action<IServiceCollection>? services)
    {
        _app = app;
        _dataDir = dataDir;
        _args = args;
        _services = services;
        BaseUrl = baseUrl;
        Http = CheckedClient(baseUrl);
    }

    /// <summary>Stops the host and starts a new one on the same store and settings (a process restart, in-process).</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        (_app, BaseUrl) = await LaunchAsync(_args, _services);
        Http = CheckedClient(BaseUrl);
    }

    /// <summary>
    /// The client every test uses: each JSON answer is checked against the host's OpenAPI document
    /// (<see cref="OpenApiResponseCheck"/>), so the document cannot drift from the handlers.
    /// </summary>
    public static HttpClient CheckedClient(Uri baseUrl) =>
        new(new OpenApiResponseCheck(async () =>
        {
            using var plain = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            return System.Text.Json.Nodes.JsonNode.Parse(await plain.GetStringAsync("/openapi/v1.json"))!.AsObject();
        }))
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(WebApplication, Uri)> LaunchAsync(string[] args, Action<IServiceCollection>? services)
    {
        var app = await GatewayApp.BuildAsync(args, services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    public static string CounterpartSecret(string id) => $"test-secret-{id}";

    /// <param name="fakes">Fake counterparts; each is configured as that counterpart's BaseUrl and secret.</param>
    /// <param name="extraArgs">More <c>--Key=value</c> settings.</param>
    public static Task<GatewayHost> StartAsync(IEnumerable<FakeCounterpart> fakes, params string[] extraArgs) =>
        StartAsync(fakes, services: null, extraArgs);

    /// <param name="services">Replaces registrations (e.g. the clock) in this host and every restart of it.</param>
    public static async Task<GatewayHost> StartAsync(IEnumerable<FakeCounterpart> fakes, Action<IServiceCollection>? services, params string[] extraArgs)
    {
        var dataDir = Directory.CreateTempSubdirectory("gateway-test-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Gateway:ConfigDir={RepoPaths.Config}",
            $"--ConnectionStrings:Store=Data Source={Path.Combine(dataDir, "gateway.db")}",
            $"--Gateway:LogDirectory={Path.Combine(dataDir, "logs")}",
            "--Gateway:Sandbox:Enabled=false",
            "--Gateway:Outbox:PollMilliseconds=100",
            "--Gateway:CounterpartDefaults:Retry:BaseDelaySeconds=0.05",
            "--Gateway:CounterpartDefaults:TimeoutSeconds=5",
            $"--Gateway:Callers:zhejiang:Secret={PortalSecret}",
            $"--Gateway:Admin:Tokens:0:Token={OperatorToken}",
            "--Gateway:Admin:Tokens:0:Role=operator",
            "--Gateway:Admin:Tokens:0:Name=test-operator",
            $"--Gateway:Admin:Tokens:1:Token={ViewerToken}",
            "--Gateway:Admin:Tokens:1:Role=viewer",
            "--Gateway:Admin:Tokens:1:Name=test-viewer",
        };
        foreach (var fake in fakes)
        {
            args.Add($"--Gateway:Counterparts:{fake.Id}:BaseUrl={fake.BaseUrl}");
            args.Add($"--Gateway:Counterparts:{fake.Id}:Secret={CounterpartSecret(fake.Id)}");
        }
        args.AddRange(extraArgs);

        var (app, baseUrl) = await LaunchAsync(args.ToArray(), services);
        return new GatewayHost(app, baseUrl, dataDir, args.ToArray(), services);
    }

    /// <summary>POSTs a body signed per the agreement as <paramref name="accessKey"/>, dated by the host's clock unless <paramref name="at"/> is given.</summary>
    public Task<HttpResponseMessage> PushAsync(string path, byte[] body, string accessKey = "zhejiang", string secret = PortalSecret,
        string contentType = "application/json", DateTimeOffset? at = null, string? nonce = null, byte[]? signedBody = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        SpecSigner.Sign(request, path, signedBody ?? body, accessKey, secret, at ?? Clock.GetUtcNow(), nonce);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PushZhejiangAsync(byte[] body, DateTimeOffset? at = null, string? nonce = null) =>
        PushAsync("/api/portals/zhejiang/applications", body, at: at, nonce: nonce);

    public async Task<JsonNode> PostJsonAsync(string path, JsonNode body, string token = OperatorToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> GetNodeAsync(string path, string token = OperatorToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonObject> GetJsonAsync(string path, string token = OperatorToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<int> CaseCountAsync() => (int)(await GetJsonAsync("/api/cases?pageSize=200"))["total"]!;

    /// <summary>Polls the case view until <paramref name="done"/> holds (or fails after the timeout).</summary>
    public async Task<JsonObject> WaitForCaseAsync(string caseId, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        JsonObject view;
        do
        {
            view = await GetJsonAsync($"/api/cases/{caseId}");
            if (done(view)) return view;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"case {caseId} did not reach the expected state in time; last view: {view.ToJsonString()}");
        return view;
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static JsonObject LoadSample(string portal, string file) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(portal, file)))!.AsObject();

    /// <summary>The sample with its applyNo (and anything else) changed, as bytes ready to push.</summary>
    public static byte[] Variant(JsonObject sample, Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(sample.ToJsonString())!.AsObject();
        change(copy);
        return Utf8(copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // GATEWAY_TEST_KEEP_DATA=1 keeps the store and logs of every test host for a post-mortem.
        if (Environment.GetEnvironmentVariable("GATEWAY_TEST_KEEP_DATA") == "1") return;
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}
