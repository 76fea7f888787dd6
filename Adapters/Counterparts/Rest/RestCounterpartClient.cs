using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gateway.Adapters.Counterparts.Resilience;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Contracts.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Counterparts.Rest;

/// <summary>
/// Sends work orders and approval requests over REST (docs/lifecycle.md): signed, with the dispatch id as
/// <c>Idempotency-Key</c>, through the counterpart's resilience pipeline; classifies the answer.
/// </summary>
public sealed class RestCounterpartClient(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "counterparts";

    /// <summary>The counterpart's resource each kind of dispatch is posted to (docs/lifecycle.md).</summary>
    public static string ResourceOf(DispatchKind kind) => kind switch
    {
        DispatchKind.WorkOrder => "work-orders",
        DispatchKind.FeeNotice => "fee-notices",
        DispatchKind.Appointment => "appointments",
        DispatchKind.PlanningNotice => "planning-notices",
        DispatchKind.Rating => "ratings",
        _ => "approval-requests",
    };

    public async Task<DispatchResult> SendAsync(CounterpartEndpoint endpoint, DispatchDocument document, CancellationToken cancellationToken)
    {
        var resource = ResourceOf(document.Kind);
        var baseUrl = endpoint.BaseUrl.AbsoluteUri.EndsWith('/') ? endpoint.BaseUrl : new Uri(endpoint.BaseUrl.AbsoluteUri + "/");
        var body = JsonSerializer.SerializeToUtf8Bytes(document, GatewayJson.Options);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, resource))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add("Idempotency-Key", document.DispatchId);
        request.Headers.Add("X-Correlation-Id", document.CaseId);
        request.Options.Set(CounterpartResilience.EndpointKey, endpoint);
        request.Options.Set(SigningCredentials.OptionKey, new SigningCredentials(SignatureHeaders.GatewayAccessKey, endpoint.Secret));
        var log = new AttemptLog();
        request.Options.Set(AttemptLog.OptionKey, log);

        var result = await SendLoggedAsync(request, endpoint, log, cancellationToken);
        // What was sent is kept for a failure's record only (failed messages); an acknowledged send needs none of it.
        if (result.Outcome == DispatchOutcome.Acknowledged) return result with { Attempts = log.Attempts };
        return result with
        {
            Attempts = log.Attempts,
            RequestHeaders = new Dictionary<string, string>
            {
                ["Idempotency-Key"] = document.DispatchId,
                ["X-Correlation-Id"] = document.CaseId,
                ["Content-Type"] = "application/json; charset=utf-8",
                ["X-Gw-Access-Key"] = SignatureHeaders.GatewayAccessKey,
                ["Url"] = request.RequestUri!.ToString(),
            },
            RequestBody = System.Text.Encoding.UTF8.GetString(body),
        };
    }

    private async Task<DispatchResult> SendLoggedAsync(HttpRequestMessage request, CounterpartEndpoint endpoint, AttemptLog log, CancellationToken cancellationToken)
    {
        // Tries before the last are logged by the retry strategy; the last one here.
        try
        {
            // Headers first: the body is read bounded (BoundedResponse) and within the per-try timeout, never buffered whole.
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(endpoint.Resilience.TimeoutPerTry);
            if (!response.IsSuccessStatusCode)
                log.Add(clock.GetUtcNow(), await AttemptLog.DescribeAsync(Outcome.FromResult(response), endpoint.Resilience, bodyTimeout.Token));
            return await ClassifyAsync(response, bodyTimeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.Add(clock.GetUtcNow(), $"the answer's body did not arrive within {endpoint.Resilience.TimeoutPerTry.TotalSeconds:0.#} s");
            return DispatchResult.Transient("TIMEOUT", ex.Message);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or BrokenCircuitException or HttpRequestException)
        {
            log.Add(clock.GetUtcNow(), await AttemptLog.DescribeAsync(Outcome.FromException<HttpResponseMessage>(ex), endpoint.Resilience, cancellationToken));
            return ex switch
            {
                TimeoutRejectedException => DispatchResult.Transient("TIMEOUT", ex.Message),
                BrokenCircuitException => DispatchResult.Transient("CIRCUIT_OPEN", ex.Message),
                _ => DispatchResult.Transient("CONNECTION", ex.Message),
            };
        }
    }

    private static async Task<DispatchResult> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await BoundedResponse.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var snippet = $"HTTP {status}: {(text.Length > 500 ? text[..500] : text)}";

        // 409 with an orderNo: the counterpart already holds this idempotency key → success.
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
        {
            var ack = TryReadAcknowledgement(text);
            if (ack is not null) return DispatchResult.Acknowledged(ack.OrderNo!, ack.AcceptedAt);
            return DispatchResult.Permanent($"HTTP_{status}", $"{snippet} (no orderNo in the answer)");
        }
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response))
            ? DispatchResult.Transient($"HTTP_{status / 100}XX", snippet)
            : DispatchResult.Permanent($"HTTP_{status}", snippet);
    }

    private static Acknowledgement? TryReadAcknowledgement(string text)
    {
        try
        {
            var ack = JsonSerializer.Deserialize<Acknowledgement>(text, GatewayJson.Options);
            return string.IsNullOrWhiteSpace(ack?.OrderNo) ? null : ack;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Acknowledgement(string? OrderNo, DateTimeOffset? AcceptedAt);
}
