using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>
/// The one resilience setup for outbound counterpart and portal calls (Microsoft.Extensions.Http.Resilience): per
/// counterpart, retry (exponential, jitter, Retry-After honoured) around a circuit breaker around a per-try timeout.
/// One pipeline instance per counterpart id, so one failing utility never opens another's circuit.
/// </summary>
public static class CounterpartResilience
{
    public const string PipelineName = "counterpart";

    /// <summary>The counterpart a request is for; its id selects the pipeline and its settings shape it.</summary>
    public static readonly HttpRequestOptionsKey<CounterpartEndpoint> EndpointKey = new("gw.counterpart");

    /// <summary>Key of requests sent without a counterpart: one shared pipeline that retries nothing.</summary>
    private const string Unkeyed = "";

    public static IHttpClientBuilder AddCounterpartResilience(this IHttpClientBuilder client)
    {
        client.Services.AddSingleton<CounterpartCircuits>();
        client.AddResilienceHandler(PipelineName, Configure)
            .SelectPipelineBy(services =>
            {
                var circuits = services.GetRequiredService<CounterpartCircuits>();
                return request =>
                {
                    if (!request.Options.TryGetValue(EndpointKey, out var endpoint)) return Unkeyed;
                    circuits.Remember(endpoint);
                    return endpoint.Id;
                };
            });
        return client;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        if (context.InstanceName == Unkeyed) return;
        var services = context.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CounterpartResilience));
        var circuits = services.GetRequiredService<CounterpartCircuits>();
        var endpoint = circuits.EndpointOf(context.InstanceName);
        var settings = endpoint.Resilience;
        builder.TimeProvider = clock;

        if (settings.MaxAttempts > 1)
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                // Transient (408, 429, 5xx, connection failures, per-try timeouts) plus an open circuit: by the
                // next try it may be half-open.
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = TimeSpan.FromMinutes(2),
                ShouldRetryAfterHeader = true,
                OnRetry = async args =>
                {
                    // The failed try's body is read within a try's time too: a 503 whose body trickles must not hold the send.
                    using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(args.Context.CancellationToken);
                    bodyTimeout.CancelAfter(settings.TimeoutPerTry);
                    string what;
                    try
                    {
                        what = await AttemptLog.DescribeAsync(args.Outcome, settings, bodyTimeout.Token);
                    }
                    catch (OperationCanceledException) when (!args.Context.CancellationToken.IsCancellationRequested)
                    {
                        what = $"HTTP {(int?)args.Outcome.Result?.StatusCode}, body not read within {settings.TimeoutPerTry.TotalSeconds:0.#} s";
                    }
                    if (args.Context.GetRequestMessage()?.Options.TryGetValue(AttemptLog.OptionKey, out var log) == true)
                        log.Add(clock.GetUtcNow(), what);
                    logger.LogWarning("Retrying {CounterpartId} (try {Attempt} of {MaxAttempts}) in {Delay} after {Outcome}",
                        endpoint.Id, args.AttemptNumber + 2, settings.MaxAttempts, args.RetryDelay, what);
                },
            });
        builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
                StateProvider = circuits.NewStateOf(endpoint.Id),
                OnOpened = args =>
                {
                    logger.LogError("Circuit to {CounterpartId} opened for {BreakDuration}", endpoint.Id, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.TimeoutPerTry });
    }
}
