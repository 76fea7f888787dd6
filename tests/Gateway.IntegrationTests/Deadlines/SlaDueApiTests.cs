using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.Cli;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Deadlines;

/// <summary><c>GET /api/sla/due</c> and <c>sla due</c> against the official calendars (expected values computed by hand).</summary>
public sealed class SlaDueApiTests : IClassFixture<SlaDueApiTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public GatewayHost Gateway { get; private set; } = null!;
        public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync([]);
        public async Task DisposeAsync() => await Gateway.DisposeAsync();
    }

    private readonly GatewayHost _host;

    public SlaDueApiTests(Host host) => _host = host.Gateway;

    private static string Query(string region, string start, string days) =>
        $"/api/sla/due?region={region}&start={Uri.EscapeDataString(start)}&workingDays={days}";

    [Theory]
    // National Day 2026: 10-01..10-07 off; day 1 after 09-30 is 10-08.
    [InlineData("keqiao", "2026-09-30T16:00:00+08:00", "1", "2026-10-08T17:30:00+08:00")]
    // 1.5 office hours left on 09-30, the other 2 h from 10-08 09:00.
    [InlineData("keqiao", "2026-09-30T16:00:00+08:00", "0.5", "2026-10-08T11:00:00+08:00")]
    // Saturday 2026-10-10 is a make-up working day: day 1 after Friday 10-09.
    [InlineData("keqiao", "2026-10-09T10:00:00+08:00", "1", "2026-10-10T17:30:00+08:00")]
    // Puyang's half day spanning lunch: 11:00 → 12:00 is 1 h, 2.5 h more from 13:30.
    [InlineData("puyang", "2026-11-24T11:00:00+08:00", "0.5", "2026-11-24T16:00:00+08:00")]
    // A start given in UTC is the same instant (2026-11-24 02:00Z = 10:00 Beijing).
    [InlineData("keqiao", "2026-11-24T02:00:00Z", "1", "2026-11-25T17:30:00+08:00")]
    public async Task Due_times_follow_the_official_calendars(string region, string start, string days, string expected)
    {
        var due = await _host.GetJsonAsync(Query(region, start, days), GatewayHost.ViewerToken);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)due["dueAt"]!, CultureInfo.InvariantCulture));
        Assert.EndsWith("+08:00", (string)due["dueAt"]!);
    }

    [Fact]
    public async Task Past_the_last_calendar_year_is_422_calendar_missing()
    {
        using var response = await GetAsync(Query("keqiao", "2026-12-31T10:00:00+08:00", "1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await GatewayHost.ReadJsonAsync(response);
        Assert.Equal("CALENDAR_MISSING", (string?)problem["code"]);
        Assert.Contains("2027", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("shanghai", "2026-11-24T10:00:00+08:00", "1", "region", "UNKNOWN_REGION")]
    [InlineData("keqiao", "next tuesday", "1", "start", "INVALID_FORMAT")]
    [InlineData("keqiao", "2026-11-24T10:00:00+08:00", "0.3", "workingDays", "OUT_OF_RANGE")]
    [InlineData("keqiao", "2026-11-24T10:00:00+08:00", "-1", "workingDays", "OUT_OF_RANGE")]
    public async Task Bad_queries_name_the_field(string region, string start, string days, string field, string code)
    {
        using var response = await GetAsync(Query(region, start, days));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await GatewayHost.ReadJsonAsync(response))["errors"]!.AsArray();
        var error = Assert.Single(errors)!;
        Assert.Equal(field, (string?)error["field"]);
        Assert.Equal(code, (string?)error["code"]);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var response = await _host.Http.GetAsync(Query("keqiao", "2026-11-24T10:00:00+08:00", "1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_cli_prints_the_due_time_and_fails_on_a_missing_calendar()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int ok, missing;
        try
        {
            ok = await GatewayCli.RunAsync(["sla", "due", "--region", "keqiao", "--start", "2026-09-30T16:00:00+08:00", "--days", "1",
                "--url", _host.BaseUrl.ToString(), "--token", GatewayHost.ViewerToken]);
            missing = await GatewayCli.RunAsync(["sla", "due", "--region", "keqiao", "--start", "2026-12-31T10:00:00+08:00", "--days", "1",
                "--url", _host.BaseUrl.ToString(), "--token", GatewayHost.ViewerToken]);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, ok);
        Assert.NotEqual(0, missing);
        Assert.Contains("2026-10-08T17:30:00+08:00", output.ToString());
    }

    private Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.ViewerToken);
        return _host.Http.SendAsync(request);
    }
}
