using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary>
/// A case accepted late in the last published year: accepted, with provisional due times that become exact when an
/// operator adds the next year's calendar file — without a restart.
/// </summary>
public sealed class ProvisionalDueTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _configDir = Directory.CreateTempSubdirectory("gateway-config-").FullName;

    public ProvisionalDueTests()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_configDir, Path.GetRelativePath(RepoPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The readiness check "deadlines" description, once it satisfies <paramref name="done"/>.</summary>
    private static async Task<string> WaitForReadinessAsync(GatewayHost host, Func<string, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string description;
        do
        {
            var body = JsonNode.Parse(await host.Http.GetStringAsync("/health/ready"))!;
            description = (string?)body["checks"]!["deadlines"]!["description"] ?? "";
            if (done(description)) return description;
            await Task.Delay(100);
        } while (waited.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Fail($"readiness never said what was expected; last: {description}");
        return description;
    }

    public void Dispose() => Directory.Delete(_configDir, recursive: true);

    [Fact]
    public async Task A_case_accepted_on_2026_12_30_gets_provisional_due_times_made_exact_by_the_2027_calendar()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 12, 30, 10, 0, 0, Beijing)); // Wednesday
        await using var host = await GatewayHost.StartAsync([], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            [.. PortalPushes.CallerSecretArgs(), $"--Gateway:ConfigDir={_configDir}", "--Gateway:Sandbox:Enabled=true",
             "--Gateway:Deadlines:SweepMilliseconds=100"]);

        // Ezhou, 350 m from the main network: 3 working days. 12-31 is day 1; days 2 and 3 fall in 2027.
        var body = PortalPushes.HubeiVariant("ezhou-logistics-park.json", PortalPushes.UniqueNo("EHB"));
        using var response = await host.PushAsync(PortalPushes.HubeiRoute, body, "hubei", PortalPushes.SecretOf("hubei"), at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;

        var view = await host.GetJsonAsync($"/api/cases/{caseId}");
        var dispatches = view["dispatches"]!.AsArray();
        Assert.NotEmpty(dispatches);
        Assert.All(dispatches, d => Assert.True((bool)d!["dueProvisional"]!, d!.ToJsonString()));
        // The operator is told on readiness (still ready: intake goes on) until the calendar is added.
        var ready = await WaitForReadinessAsync(host, d => d.Contains("provisional", StringComparison.Ordinal) && !d.StartsWith("no ", StringComparison.Ordinal));
        Assert.StartsWith($"{dispatches.Count} open due times are provisional", ready);

        // The operator adds the 2027 calendar (a test stand-in: New Year 01-01..01-03 off, no make-up day).
        await File.WriteAllTextAsync(Path.Combine(_configDir, "calendars", "2027.json"), """
            {
              "year": 2027,
              "source": "integration test stand-in for the 2027 notice",
              "holidays": [ { "name": "元旦", "daysOff": ["2027-01-01", "2027-01-03"], "makeUpWorkingDays": [] } ]
            }
            """);

        view = await host.WaitForCaseAsync(caseId, v => v["dispatches"]!.AsArray().All(d => !(bool)d!["dueProvisional"]!));
        // 2027-01-04 (Mon) is day 2, 2027-01-05 (Tue) day 3; due at its close of office hours.
        var exact = new DateTimeOffset(2027, 1, 5, 17, 30, 0, Beijing);
        Assert.All(view["dispatches"]!.AsArray(), d =>
            Assert.Equal(exact, DateTimeOffset.Parse((string)d!["dueAt"]!, CultureInfo.InvariantCulture)));
        Assert.Equal(view["dispatches"]!.AsArray().Count,
            view["timeline"]!.AsArray().Count(t => (string?)t!["type"] == "DUE_RECOMPUTED"));

        Assert.Equal("no provisional due times", await WaitForReadinessAsync(host, d => d.StartsWith("no ", StringComparison.Ordinal)));

        // The API now answers into 2027 as well.
        var due = await host.GetJsonAsync("/api/sla/due?region=ezhou&start=2026-12-30T10:00:00%2B08:00&workingDays=3");
        Assert.Equal(exact, DateTimeOffset.Parse((string)due["dueAt"]!, CultureInfo.InvariantCulture));
    }
}
