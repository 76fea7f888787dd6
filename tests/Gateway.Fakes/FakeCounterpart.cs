using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Gateway.Fakes;

/// <summary>
/// A counterpart ERP (or a portal's callback receiver) as a WireMock server on 127.0.0.1 (ephemeral port), for the
/// integration tests and the bench alike. Scripted answers (statuses, Retry-After, delays, connection faults) come
/// first, in order, as a WireMock scenario; after them it answers as a real ERP following docs/lifecycle.md:
/// 201 with a new order number for a new Idempotency-Key, 409 with the same order number for a key it has seen.
/// </summary>
public sealed class FakeCounterpart : IAsyncDisposable
{
    /// <summary>Which scripted answer a request was given (set by <see cref="ResetWhenScriptedAsync"/>, matched by the mapping).</summary>
    private const string ScriptHeader = "X-Fake-Script";
    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<string, string> _ordersByKey = new();
    private readonly ConcurrentDictionary<string, long> _firstAck = new();
    private readonly List<FakeAnswer> _script = [];
    private readonly ConcurrentQueue<ReceivedRequest> _aborted = new();
    private int _orders;
    private int _nextScripted;
    private long _requests;

    public string Id { get; }

    /// <summary>The ERP's API root, <c>http://127.0.0.1:port/erp/</c>.</summary>
    public Uri BaseUrl { get; }

    private FakeCounterpart(string id, bool recordRequests)
    {
        Id = id;
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            // The bench sends hundreds of thousands of requests: keep no log there.
            MaxRequestLogCount = recordRequests ? null : 0,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ResetWhenScriptedAsync),
        });
        BaseUrl = new Uri(_server.Url! + "/erp/");
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(AnswerAsErpAsync));
    }

    /// <param name="recordRequests">Keep every request for <see cref="Received"/> (tests); off for the bench.</param>
    public static Task<FakeCounterpart> StartAsync(string id, bool recordRequests = true) =>
        Task.FromResult(new FakeCounterpart(id, recordRequests));

    /// <summary>The API root when one fake serves several counterparts (the bench): <c>/erp/&lt;counterpart&gt;/</c>.</summary>
    public Uri BaseUrlFor(string counterpartId) => new(BaseUrl, $"{counterpartId}/");

    /// <summary>Every request, in arrival order, with the answer given.</summary>
    public IReadOnlyList<ReceivedRequest> Received =>
        _server.LogEntries.Where(e => e.RequestMessage is not null).Select(ToReceived).Concat(_aborted).OrderBy(r => r.ReceivedAt).ToList();

    /// <summary>Work orders this ERP created: one per distinct Idempotency-Key it acknowledged.</summary>
    public IReadOnlyDictionary<string, string> OrdersByIdempotencyKey => _ordersByKey;

    /// <summary>Requests answered as an ERP (after any script).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>When an Idempotency-Key was first acknowledged (<see cref="Stopwatch"/> ticks).</summary>
    public bool TryGetFirstAck(string idempotencyKey, out long timestamp) => _firstAck.TryGetValue(idempotencyKey, out timestamp);

    /// <summary>While true, every request is answered 503, as an ERP that is down would.</summary>
    public bool Down { get; set; }

    private readonly ConcurrentDictionary<string, int> _triesByKey = new();
    private (int Tries, TimeSpan Delay) _slow;

    /// <summary>
    /// A slow ERP: the first <paramref name="tries"/> requests for each Idempotency-Key are answered 503 after
    /// <paramref name="delay"/> (close to the gateway's per-try timeout), the next as usual.
    /// </summary>
    public void SlowFirstTries(int tries, TimeSpan delay) => _slow = (tries, delay);

    /// <summary>The next requests get these answers, in order (after any scripted earlier).</summary>
    public void Script(params FakeAnswer[] answers)
    {
        lock (_script)
            foreach (var answer in answers)
            {
                _script.Add(answer);
                // A reset never reaches WireMock (see ResetWhenScriptedAsync), so it needs no mapping.
                if (answer.Fault == FakeFault.ConnectionReset) continue;
                // Matched by the answer's number, handed out one per request ahead of WireMock: concurrent requests cannot
                // both take the same answer (as they could with a scenario state, read before either request moved it on).
                _server.Given(Request.Create().UsingAnyMethod().WithHeader(ScriptHeader, State(_script.Count - 1))).AtPriority(1)
                    .RespondWith(ResponseFor(answer));
            }
    }

    public static string OrderNoFor(string counterpartId, int n) => $"{counterpartId.ToUpperInvariant()}-ORD-{n:D4}";

    /// <summary>Ahead of WireMock: consumes one scripted answer per request, and aborts the connection for a reset.</summary>
    private async Task ResetWhenScriptedAsync(HttpContext http, Func<Task> next)
    {
        FakeAnswer? scripted = null;
        var number = -1;
        lock (_script)
            if (_nextScripted < _script.Count) scripted = _script[number = _nextScripted++];
        if (scripted?.Fault != FakeFault.ConnectionReset)
        {
            if (scripted is not null) http.Request.Headers[ScriptHeader] = State(number);
            await next();
            return;
        }
        // Same clock WireMock stamps its own log entries with, so both kinds order together.
        var receivedAt = TimeProvider.System.GetUtcNow();
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        _aborted.Enqueue(new ReceivedRequest(http.Request.Method, http.Request.Path.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body.ToArray(), scripted, receivedAt));
        http.Abort();
    }

    private static string State(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IResponseBuilder ResponseFor(FakeAnswer answer)
    {
        var response = Response.Create();
        switch (answer.Fault)
        {
            case FakeFault.ConnectionReset:
                response.WithFault(FaultType.EMPTY_RESPONSE);
                break;
            case FakeFault.MalformedChunk:
                response.WithStatusCode(answer.Status).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK);
                break;
            default:
                response.WithStatusCode(answer.Status);
                if (answer.RetryAfterSeconds is { } seconds) response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
                if (answer.Location is not null) response.WithHeader("Location", answer.Location);
                if (answer.BodyBytes is { } size) response.WithHeader("Content-Type", "text/plain").WithBody(new string('x', size));
                else if (answer.Json is not null) response.WithHeader("Content-Type", "application/json").WithBody(answer.Json);
                break;
        }
        if (answer.Delay > TimeSpan.Zero) response.WithDelay(answer.Delay);
        return response;
    }

    private async Task<IResponseMessage> AnswerAsErpAsync(IRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        if (Down) return Json(503, """{"error":"maintenance"}""");
        var key = request.Headers is { } headers && headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() ?? "" : "";
        var slow = _slow;
        if (slow.Tries > 0 && _triesByKey.AddOrUpdate(key, 1, (_, n) => n + 1) <= slow.Tries)
        {
            await Task.Delay(slow.Delay);
            return Json(503, """{"error":"busy"}""");
        }
        bool isNew;
        string orderNo;
        lock (_ordersByKey)
        {
            isNew = !_ordersByKey.TryGetValue(key, out var existing);
            orderNo = existing ?? OrderNoFor(Id, ++_orders);
            _ordersByKey[key] = orderNo;
        }
        if (isNew) _firstAck.TryAdd(key, Stopwatch.GetTimestamp());
        return Json(isNew ? 201 : 409, $$"""{"orderNo":"{{orderNo}}","acceptedAt":"2026-11-23T10:00:00+08:00"}""");
    }

    private static ResponseMessage Json(int status, string json)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json");
        return message;
    }

    private static ReceivedRequest ToReceived(WireMock.Logging.ILogEntry entry)
    {
        var request = entry.RequestMessage!;
        return new ReceivedRequest(
            request.Method,
            request.Path,
            (request.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            request.BodyAsBytes ?? [],
            new FakeAnswer(StatusOf(entry.ResponseMessage), entry.ResponseMessage?.BodyData?.BodyAsString),
            new DateTimeOffset(DateTime.SpecifyKind(request.DateTime, DateTimeKind.Utc)));
    }

    private static int StatusOf(IResponseMessage? response) => response?.StatusCode switch
    {
        int code => code,
        System.Net.HttpStatusCode code => (int)code,
        string text when int.TryParse(text, out var code) => code,
        _ => 0,
    };

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }
}
