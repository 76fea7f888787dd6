using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Production;

/// <summary>A dispatch as the receipt promised it: which counterpart, and its due time.</summary>
public sealed record PromisedDispatch(string DispatchId, string CounterpartId, DateTimeOffset DueAt);

/// <summary>An application the gateway accepted (201, or 200 for a repeat whose first answer was lost).</summary>
public sealed record AcceptedApplication(string ApplyNo, string CaseId, string AcceptedBy, IReadOnlyList<PromisedDispatch> Dispatches);

/// <summary>
/// Pushes signed Zhejiang applications (docs/security.md, via <see cref="SpecSigner"/>) across the running instances,
/// round robin, as a portal behind a load balancer would. A connection that is refused or dropped (an instance that
/// is down) is retried on another instance with a fresh signature, exactly what a portal does; the application number
/// makes the retry safe. Any answer other than 201/200 fails the test.
/// </summary>
public sealed class ZhejiangPusher(Func<IReadOnlyList<GatewayProcess>> instances)
{
    private const string Resource = "/api/portals/zhejiang/applications";
    private const int MaxAttempts = 30;
    private static readonly JsonObject Sample = GatewayHost.LoadSample("zhejiang", "keqiao-factory.json");

    private int _accepted;
    private int _retries;
    private int _unavailable;

    /// <summary>
    /// Take 503 with Retry-After as "come back later" and come back after it, as a portal does while the gateway's store
    /// is down; a 503 without Retry-After still fails the test. Off, a 503 fails the test like any other answer.
    /// </summary>
    public bool HonourUnavailable { get; init; }

    /// <summary>503 answers (with Retry-After) that were retried.</summary>
    public int Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>Applications accepted so far (a test uses it to act mid-run).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Attempts that failed on the connection and went to another instance.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary><paramref name="count"/> distinct applications (unique applyNo), tagged so runs never collide.</summary>
    public static IReadOnlyList<(string ApplyNo, byte[] Body)> NewApplications(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return Enumerable.Range(0, count).Select(i =>
        {
            var applyNo = $"ZJMP{run}{i:D5}";
            return (applyNo, GatewayHost.Variant(Sample, s => s["applyNo"] = applyNo));
        }).ToList();
    }

    public async Task<IReadOnlyList<AcceptedApplication>> PushAllAsync(IReadOnlyList<(string ApplyNo, byte[] Body)> applications, int parallelism = 12)
    {
        var accepted = new AcceptedApplication[applications.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, applications.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) =>
            {
                accepted[i] = await PushOneAsync(i, applications[i].ApplyNo, applications[i].Body);
                Interlocked.Increment(ref _accepted);
            });
        return accepted;
    }

    private async Task<AcceptedApplication> PushOneAsync(int index, string applyNo, byte[] body)
    {
        var errors = new List<string>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var live = instances().Where(g => !g.HasExited).ToList();
            if (live.Count == 0)
            {
                await Task.Delay(200);
                continue;
            }
            var target = live[(index + attempt) % live.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, Resource) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            SpecSigner.Sign(request, Resource, body, "zhejiang", GatewayHost.PortalSecret);
            try
            {
                using var response = await target.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (HonourUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta;
                    Assert.True(retryAfter is not null, $"{applyNo} → gateway {target.Name}: 503 without Retry-After: {text}");
                    errors.Add($"{target.Name}: 503 {text}");
                    Interlocked.Increment(ref _unavailable);
                    await Task.Delay(retryAfter!.Value);
                    continue;
                }
                if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                    Assert.Fail($"{applyNo} → gateway {target.Name}: {(int)response.StatusCode} {text}");
                return Parse(applyNo, target.Name, JsonNode.Parse(text)!.AsObject());
            }
            catch (HttpRequestException ex)
            {
                // The instance is down or died mid-request: a portal retries elsewhere.
                errors.Add($"{target.Name}: {ex.Message}");
                Interlocked.Increment(ref _retries);
                await Task.Delay(100);
            }
        }
        Assert.Fail($"{applyNo} was not accepted after {MaxAttempts} attempts: {string.Join("; ", errors.TakeLast(5))}");
        return null!;
    }

    private static AcceptedApplication Parse(string applyNo, string acceptedBy, JsonObject receipt) =>
        new(applyNo, (string)receipt["caseId"]!, acceptedBy,
            receipt["dispatches"]!.AsArray().Select(d => new PromisedDispatch(
                (string)d!["dispatchId"]!, (string)d["counterpartId"]!, DateTimeOffset.Parse((string)d["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture))).ToList());
}
