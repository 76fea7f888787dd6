using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gateway.Adapters.Security;

namespace Gateway.Bench;

/// <summary>One push: when it went, how long the gateway took to answer, and what it answered.</summary>
public sealed record PushRecord(string Portal, long Started, long Answered, int Status, string[] DispatchIds, string? Error);

/// <summary>
/// Signs and pushes applications built from the samples (portals and regions in turn, fresh application numbers) at a
/// fixed rate or flat out, for a set time or count. Every loop is bounded by the duration, the count and the
/// in-flight cap.
/// </summary>
public sealed partial class LoadDriver(Uri gateway, IReadOnlyList<ApplicationTemplate> templates, Func<string, string> portalSecret)
{
    private const int MaxInFlight = 512;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(60),
    };
    private long _next;

    [GeneratedRegex("dsp-[0-9a-f]{32}")]
    private static partial Regex DispatchIdPattern();

    public async Task<List<PushRecord>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var records = new List<PushRecord>();
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Seconds * (double)Stopwatch.Frequency);
        var limit = options.Count ?? int.MaxValue;
        if (options.Rate > 0)
        {
            // Open loop: the i-th push leaves at start + i/rate whatever the gateway's answer time (no coordinated omission).
            var start = Stopwatch.GetTimestamp();
            var inFlight = new SemaphoreSlim(MaxInFlight);
            var tasks = new List<Task<PushRecord>>();
            for (var i = 0; i < limit; i++)
            {
                var due = start + (long)(i / options.Rate * Stopwatch.Frequency);
                if (due >= stopAt) break;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                await inFlight.WaitAsync(cancellationToken);
                tasks.Add(PushReleasingAsync(inFlight, cancellationToken));
            }
            records.AddRange(await Task.WhenAll(tasks));
        }
        else
        {
            var remaining = limit;
            var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
            {
                var mine = new List<PushRecord>();
                while (Stopwatch.GetTimestamp() < stopAt && Interlocked.Decrement(ref remaining) >= 0)
                    mine.Add(await PushOneAsync(cancellationToken));
                return mine;
            }).ToList();
            foreach (var list in await Task.WhenAll(workers)) records.AddRange(list);
        }
        return records;
    }

    private async Task<PushRecord> PushReleasingAsync(SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try { return await PushOneAsync(cancellationToken); }
        finally { inFlight.Release(); }
    }

    public async Task<PushRecord> PushOneAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        var template = templates[(int)(n % templates.Count)];
        var body = template.WithNumber(n);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, template.Path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(template.ContentType);
        if (template.SoapAction is not null) request.Headers.Add("SOAPAction", template.SoapAction);
        await OutboundSigningHandler.SignAsync(request, new SigningCredentials(template.Portal, portalSecret(template.Portal)), DateTimeOffset.UtcNow, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            // REST portals answer 201 Created; the SOAP portal 200 with <Duplicate>false</Duplicate> for a new case.
            var status = (int)response.StatusCode;
            if (status == 200 && template.SoapAction is not null && text.Contains("<Duplicate>false</Duplicate>", StringComparison.Ordinal)) status = 201;
            var ids = status == 201 ? DispatchIdPattern().Matches(text).Select(m => m.Value).Distinct().ToArray() : [];
            return new PushRecord(template.Portal, started, answered, status, ids,
                status == 201 ? null : $"{template.Portal}/{template.File}: HTTP {status} {(text.Length > 300 ? text[..300] : text)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new PushRecord(template.Portal, started, Stopwatch.GetTimestamp(), 0, [], $"{template.Portal}/{template.File}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
