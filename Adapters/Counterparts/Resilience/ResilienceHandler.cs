using Polly;

namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>Runs each outbound counterpart call through that counterpart's pipeline, logging every failed try.</summary>
public sealed class ResilienceHandler(CounterpartPipelines pipelines, TimeProvider clock) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<CounterpartEndpoint> EndpointKey = new("gw.counterpart");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(EndpointKey, out var endpoint))
            return await base.SendAsync(request, cancellationToken);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (request.Options.TryGetValue(AttemptLog.OptionKey, out var log)) context.Properties.Set(AttemptLog.PropertyKey, log);
        try
        {
            var outcome = await pipelines.For(endpoint).ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendCoreAsync(state.Request, ctx.CancellationToken));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context, (Handler: this, Request: request));
            // Tries before the last are logged by the retry strategy; the last one here.
            if (log is not null && (outcome.Exception is not null || outcome.Result?.IsSuccessStatusCode == false))
                log.Add(clock.GetUtcNow(), await AttemptLog.DescribeAsync(outcome, endpoint, cancellationToken));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
