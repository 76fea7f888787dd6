using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Contracts.Json;

namespace Gateway.Adapters.Sandbox;

/// <summary>
/// SIMULATED utilities and departments for the embedded profile (docs/lifecycle.md, "Sandbox"):
/// they speak the real agreement — verify the gateway's signature, acknowledge with an order number,
/// answer a repeated idempotency key with 409 and the same number, then play their part (<see cref="SandboxProgress"/>).
/// Never on in production; never used by tests as a stand-in for a counterpart.
/// </summary>
public sealed class SandboxCounterparts(ICounterpartDirectory directory, SandboxProgress progress, TimeProvider clock, ILogger<SandboxCounterparts> logger)
{
    private readonly ConcurrentDictionary<string, string> _orders = new();
    private readonly InMemoryNonces _nonces = new();
    private int _sequence;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/sandbox/{counterpartId}").ExcludeFromDescription();
        group.MapPost("/work-orders", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
        group.MapPost("/approval-requests", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
        group.MapPost("/fee-notices", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
        group.MapPost("/appointments", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
        // Notices (an intent's planning notice, a rating): acknowledged like any dispatch; there is nothing to play after.
        group.MapPost("/planning-notices", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
        group.MapPost("/ratings", (string counterpartId, HttpContext http, SandboxCounterparts sandbox) => sandbox.ReceiveAsync(counterpartId, http));
    }

    private async Task<IResult> ReceiveAsync(string counterpartId, HttpContext http)
    {
        CounterpartEndpoint endpoint;
        try
        {
            endpoint = directory.Resolve(counterpartId);
        }
        catch (InvalidOperationException)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "UNKNOWN_COUNTERPART", "沙箱中没有该单位");
        }
        if (!endpoint.Sandbox)
            return Problems.Result(StatusCodes.Status404NotFound, "NOT_SANDBOXED", "该单位已配置真实地址，沙箱不代答");

        var body = await RequestBody.ReadLimitedAsync(http.Request, http.RequestAborted);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "请求体超过 1 MiB");
        var verifier = new SignatureVerifier(new SingleCaller(SignatureHeaders.GatewayAccessKey, endpoint.Secret), _nonces, clock);
        var check = await verifier.VerifyAsync(http.Request, body, http.RequestAborted);
        if (!check.Ok) return Problems.Result(StatusCodes.Status401Unauthorized, check.Code!, "签名校验失败（沙箱）", check.Message);

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrEmpty(key)) return Problems.Result(StatusCodes.Status400BadRequest, "IDEMPOTENCY_KEY_MISSING", "缺少 Idempotency-Key");

        var isNew = false;
        var orderNo = _orders.GetOrAdd($"{counterpartId}|{key}", _ =>
        {
            isNew = true;
            return $"SBX-{counterpartId}-{Interlocked.Increment(ref _sequence):D6}";
        });
        logger.LogInformation("[SANDBOX] {CounterpartId} {Outcome} dispatch {DispatchId} as {OrderNo}",
            counterpartId, isNew ? "acknowledged" : "re-acknowledged", key, orderNo);
        if (isNew) progress.Follow(counterpartId, orderNo, body);
        return Results.Json(new { orderNo, acceptedAt = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)) }, GatewayJson.Options,
            statusCode: isNew ? StatusCodes.Status201Created : StatusCodes.Status409Conflict);
    }

    private sealed class SingleCaller(string accessKey, string secret) : ICallerSecrets
    {
        public bool TryGetSecret(string key, out string value)
        {
            value = key == accessKey ? secret : "";
            return key == accessKey;
        }
    }

    private sealed class InMemoryNonces : INonceStore
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();

        public Task<bool> TryRememberAsync(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            foreach (var (k, until) in _seen)
                if (until < seenAt) _seen.TryRemove(k, out _);
            return Task.FromResult(_seen.TryAdd($"{accessKey}|{nonce}", expiresAt));
        }
    }
}
