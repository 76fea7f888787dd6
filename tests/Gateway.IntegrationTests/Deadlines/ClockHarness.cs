using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary>
/// A real host on a pinned clock with a fake for every counterpart of one region, and the counterparts' signed calls: progress,
/// clock events and decisions. Every call is signed with the host's (pinned) clock.
/// </summary>
public sealed class ClockHarness : IAsyncDisposable
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public GatewayHost Host { get; }
    public SettableClock Clock { get; }
    private readonly List<FakeCounterpart> _fakes;

    private ClockHarness(GatewayHost host, SettableClock clock, List<FakeCounterpart> fakes)
    {
        Host = host;
        Clock = clock;
        _fakes = fakes;
    }

    public FakeCounterpart Fake(string id) => _fakes.Single(f => f.Id == id);

    public static string CallerSecret(string id) => $"test-caller-secret-{id}";

    public static async Task<ClockHarness> StartAsync(IEnumerable<string> counterparts, DateTimeOffset start, params string[] extraArgs)
    {
        var fakes = new List<FakeCounterpart>();
        foreach (var id in counterparts) fakes.Add(await FakeCounterpart.StartAsync(id));
        var clock = new SettableClock();
        clock.Set(start);
        var host = await GatewayHost.StartAsync(fakes, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            [.. PortalPushes.CallerSecretArgs(), .. fakes.Select(f => $"--Gateway:Callers:{f.Id}:Secret={CallerSecret(f.Id)}"), .. extraArgs]);
        return new ClockHarness(host, clock, fakes);
    }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, Beijing);

    public static DateTimeOffset? Time(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    /// <summary>An instant the pinned clock reached while it ran on for a few seconds of the test.</summary>
    public static void AssertAround(DateTimeOffset expected, JsonNode? actual)
    {
        var at = Time(actual) ?? throw new Xunit.Sdk.XunitException($"expected about {expected:O}, got null");
        Assert.InRange(at, expected, expected.AddMinutes(1));
    }

    public async Task<string> CaseIdOfAsync(HttpResponseMessage pushed)
    {
        var text = await pushed.Content.ReadAsStringAsync();
        Assert.True(pushed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)pushed.StatusCode}: {text}");
        Assert.DoesNotContain("\"duplicate\":true", text);
        if (text.TrimStart().StartsWith('<'))
            return System.Xml.Linq.XDocument.Parse(text).Descendants().First(e => e.Name.LocalName == "CaseId").Value;
        return (string)JsonNode.Parse(text)!["caseId"]!;
    }

    /// <summary>A SOAP push from the 工改平台, signed at the host's clock.</summary>
    public Task<HttpResponseMessage> PushSoapAsync(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PortalPushes.SoapRoute) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", PortalPushes.SoapAction);
        SpecSigner.Sign(request, PortalPushes.SoapRoute, body, "project-approval", PortalPushes.SecretOf("project-approval"), Host.Clock.GetUtcNow());
        return Host.Http.SendAsync(request);
    }

    public Task<JsonObject> ViewAsync(string caseId) => Host.GetJsonAsync($"/api/cases/{caseId}");

    public static List<JsonObject> Dispatches(JsonObject view) => view["dispatches"]!.AsArray().Select(d => d!.AsObject()).ToList();

    public static string DispatchOf(JsonObject view, string counterpart, string? question = null) =>
        (string)Dispatches(view).Single(d => (string?)d["counterpartId"] == counterpart && (question is null || (string?)d["question"] == question))["dispatchId"]!;

    /// <summary>The one clock of the case view for this step and counterpart (dispatch-level limits included).</summary>
    public static JsonObject ClockOf(JsonObject view, string step, string counterpart, string? dispatchId = null) =>
        view["clocks"]!.AsArray().Select(c => c!.AsObject())
            .Single(c => (string?)c["step"] == step && (string?)c["counterpartId"] == counterpart && (dispatchId is null || (string?)c["dispatchId"] == dispatchId));

    public static bool HasClock(JsonObject view, string step, string counterpart) =>
        view["clocks"]!.AsArray().Any(c => (string?)c!["step"] == step && (string?)c["counterpartId"] == counterpart);

    /// <summary>Progress or a clock event, as the utility posts it; <paramref name="extra"/> adds until / agreedAt / plannedStart.</summary>
    public async Task ReportAsync(string counterpart, string dispatchId, string status, Action<JsonObject>? extra = null,
        HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var body = new JsonObject
        {
            ["eventId"] = "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = dispatchId, ["orderNo"] = "ORD-1",
            ["status"] = status, ["at"] = Host.Clock.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        extra?.Invoke(body);
        using var response = await Host.PushAsync($"/api/counterparts/{counterpart}/events", Encoding.UTF8.GetBytes(body.ToJsonString()),
            counterpart, CallerSecret(counterpart));
        Assert.True(response.StatusCode == expected, $"{status} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A department's decision; <paramref name="reason"/> where the decision needs one (REJECTED, NEEDS_MORE_INFO).</summary>
    public async Task DecideAsync(string counterpart, string dispatchId, string decision, string? reason = null,
        HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var body = new JsonObject
        {
            ["eventId"] = "evt-" + Guid.NewGuid().ToString("N"), ["dispatchId"] = dispatchId, ["decision"] = decision,
            ["at"] = Host.Clock.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        if (reason is not null) body["reason"] = reason;
        using var response = await Host.PushAsync($"/api/counterparts/{counterpart}/decisions", Encoding.UTF8.GetBytes(body.ToJsonString()),
            counterpart, CallerSecret(counterpart));
        Assert.True(response.StatusCode == expected, $"{decision} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var fake in _fakes) await fake.DisposeAsync();
    }
}
