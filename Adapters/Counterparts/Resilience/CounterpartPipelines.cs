using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>
/// The one resilience pipeline builder: per counterpart, retry (exponential, jitter, Retry-After honoured)
/// around a circuit breaker around a per-try timeout. One pipeline per counterpart so one failing
/// utility never opens another's circuit.
/// </summary>
public sealed class CounterpartPipelines(TimeProvider clock, ILogger<CounterpartPipelines> logger)
{
    private readonly ConcurrentDictionary<string, (ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State)> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(CounterpartEndpoint endpoint) =>
        _pipelines.GetOrAdd(endpoint.Id, _ => Build(endpoint)).Pipeline;

    /// <summary>The circuit state, or null when nothing has been sent to this counterpart yet.</summary>
    public CircuitState? CircuitOf(string counterpartId) =>
        _pipelines.TryGetValue(counterpartId, out var entry) ? entry.State.CircuitState : null;

    /// <summary>408, 429 and 5xx are worth another try; other statuses are the counterpart's answer.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private (ResiliencePipeline<HttpResponseMessage>, CircuitBreakerStateProvider) Build(CounterpartEndpoint endpoint)
    {
        var settings = endpoint.Resilience;
        var state = new CircuitBreakerStateProvider();
        var shouldHandle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (settings.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<BrokenCircuitException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = TimeSpan.FromMinutes(2),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = async args =>
                {
                    var what = await AttemptLog.DescribeAsync(args.Outcome, endpoint, args.Context.CancellationToken);
                    if (args.Context.Properties.TryGetValue(AttemptLog.PropertyKey, out var log)) log.Add(clock.GetUtcNow(), what);
                    logger.LogWarning("Retrying {CounterpartId} (try {Attempt} of {MaxAttempts}) in {Delay} after {Outcome}",
                        endpoint.Id, args.AttemptNumber + 2, settings.MaxAttempts, args.RetryDelay, what);
                },
            });
        var pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = shouldHandle,
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
                StateProvider = state,
                OnOpened = args =>
                {
                    logger.LogError("Circuit to {CounterpartId} opened for {BreakDuration}", endpoint.Id, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.TimeoutPerTry)
            .Build();
        return (pipeline, state);
    }

    /// <summary>The counterpart's Retry-After, when it sent one; null lets the backoff decide.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
