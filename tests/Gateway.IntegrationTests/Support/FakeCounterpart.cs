using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Support;

/// <summary>What a fake counterpart received: method, path, headers and the raw body.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, FakeAnswer Answer,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The order number this fake answered with, if it acknowledged.</summary>
    public string? AnsweredOrderNo => Answer.Json is { } json && System.Text.Json.Nodes.JsonNode.Parse(json) is System.Text.Json.Nodes.JsonObject o ? (string?)o["orderNo"] : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : "";
}

/// <summary>The answer a fake gives: status, JSON body, optional Retry-After seconds.</summary>
public sealed record FakeAnswer(int Status, string? Json, int? RetryAfterSeconds = null);

/// <summary>
/// A counterpart ERP as a real HTTP server on 127.0.0.1 (ephemeral port). It records every request and answers
/// with the scripted answers in order, then as a real ERP following specs/counterparts.md would: 201 with a new
/// order number for a new Idempotency-Key, 409 with the same order number for a key it has seen.
/// </summary>
public sealed class FakeCounterpart : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAnswer> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentDictionary<string, string> _ordersByKey = new();
    private readonly ConcurrentDictionary<string, int> _triesByKey = new();
    private int _orders;
    private (int Tries, TimeSpan Delay) _slow;

    public string Id { get; }
    public Uri BaseUrl { get; private set; } = null!;
    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>Work orders this ERP created: one per distinct Idempotency-Key it acknowledged.</summary>
    public IReadOnlyDictionary<string, string> OrdersByIdempotencyKey => _ordersByKey;

    private FakeCounterpart(string id)
    {
        Id = id;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Map("/{**path}", HandleAsync);
    }

    public static async Task<FakeCounterpart> StartAsync(string id)
    {
        var fake = new FakeCounterpart(id);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address + "/erp/");
        return fake;
    }

    /// <summary>While true, every request is answered 503 (after recording it), as an ERP that is down would.</summary>
    public bool Down { get; set; }

    /// <summary>
    /// A slow ERP: the first <paramref name="tries"/> requests for each Idempotency-Key are answered 503 after
    /// <paramref name="delay"/> (close to the gateway's per-try timeout), the next as usual.
    /// </summary>
    public void SlowFirstTries(int tries, TimeSpan delay) => _slow = (tries, delay);

    /// <summary>The next requests get these answers, in order.</summary>
    public void Script(params FakeAnswer[] answers)
    {
        foreach (var a in answers) _script.Enqueue(a);
    }

    public static string OrderNoFor(string counterpartId, int n) => $"{counterpartId.ToUpperInvariant()}-ORD-{n:D4}";

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var slow = _slow.Tries > 0 && _triesByKey.AddOrUpdate(key, 1, (_, n) => n + 1) <= _slow.Tries;
        // Not cancelled with the request: a try the gateway gave up on still counts as received.
        if (slow) await Task.Delay(_slow.Delay);
        var answer = Down ? new FakeAnswer(503, """{"error":"maintenance"}""")
            : slow ? new FakeAnswer(503, """{"error":"busy"}""")
            : _script.TryDequeue(out var scripted) ? scripted
            : Acknowledge(key);
        _received.Enqueue(new ReceivedRequest(http.Request.Method, http.Request.Path.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), buffer.ToArray(), answer, DateTimeOffset.UtcNow));
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.Json is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Json);
        }
    }

    private FakeAnswer Acknowledge(string idempotencyKey)
    {
        bool isNew;
        string orderNo;
        lock (_ordersByKey)
        {
            isNew = !_ordersByKey.TryGetValue(idempotencyKey, out var existing);
            orderNo = existing ?? OrderNoFor(Id, ++_orders);
            _ordersByKey[idempotencyKey] = orderNo;
        }
        return new FakeAnswer(isNew ? 201 : 409, $$"""{"orderNo":"{{orderNo}}","acceptedAt":"2026-11-23T10:00:00+08:00"}""");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
