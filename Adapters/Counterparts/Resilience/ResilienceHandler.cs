namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>Runs each outbound counterpart call through that counterpart's pipeline.</summary>
public sealed class ResilienceHandler(CounterpartPipelines pipelines) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<CounterpartEndpoint> EndpointKey = new("gw.counterpart");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(EndpointKey, out var endpoint))
            return await base.SendAsync(request, cancellationToken);
        var pipeline = pipelines.For(endpoint);
        return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }
}
