using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Bench;

/// <summary>
/// Every counterpart ERP as one real HTTP server on 127.0.0.1 (path <c>/erp/&lt;counterpart&gt;/…</c>). Acknowledges at
/// once as specs/counterparts.md says: 201 with a new order number for a new Idempotency-Key, 409 with the same one
/// for a key it has seen. Remembers when each dispatch id was first acknowledged (Stopwatch ticks).
/// </summary>
public sealed class FakeErpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _firstAck = new();
    private long _requests;

    public Uri BaseUrl { get; private set; } = null!;
    public long Requests => Interlocked.Read(ref _requests);
    public int Acknowledged => _firstAck.Count;

    private FakeErpServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/erp/{counterpart}/{**rest}", HandleAsync);
    }

    public static async Task<FakeErpServer> StartAsync()
    {
        var server = new FakeErpServer();
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public Uri BaseUrlFor(string counterpartId) => new(BaseUrl, $"/erp/{counterpartId}/");

    public bool TryGetFirstAck(string dispatchId, out long timestamp) => _firstAck.TryGetValue(dispatchId, out timestamp);

    private async Task HandleAsync(HttpContext http, string counterpart)
    {
        Interlocked.Increment(ref _requests);
        // Read the body as a real ERP would before answering.
        var buffer = new byte[8192];
        while (await http.Request.Body.ReadAsync(buffer) > 0) { }
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var now = Stopwatch.GetTimestamp();
        var isNew = key.Length > 0 && _firstAck.TryAdd(key, now);
        var orderNo = $"{counterpart.ToUpperInvariant()}-{key}";
        http.Response.StatusCode = isNew ? 201 : 409;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"orderNo":"{{orderNo}}","acceptedAt":"{{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-ddTHH:mm:sszzz}}"}""");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
