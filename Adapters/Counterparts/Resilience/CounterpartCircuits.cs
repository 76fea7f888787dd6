using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>
/// Per counterpart id: the endpoint its pipeline was built from, and its circuit breaker's state (for the admin
/// counterpart list). Filled as requests select their pipeline.
/// </summary>
public sealed class CounterpartCircuits
{
    private readonly ConcurrentDictionary<string, CounterpartEndpoint> _endpoints = new();
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _states = new();

    internal void Remember(CounterpartEndpoint endpoint) => _endpoints.TryAdd(endpoint.Id, endpoint);

    internal CounterpartEndpoint EndpointOf(string counterpartId) => _endpoints[counterpartId];

    internal CircuitBreakerStateProvider StateOf(string counterpartId) => _states.GetOrAdd(counterpartId, _ => new CircuitBreakerStateProvider());

    /// <summary>The circuit state, or null when nothing has been sent to this counterpart yet.</summary>
    public CircuitState? CircuitOf(string counterpartId) =>
        _states.TryGetValue(counterpartId, out var state) ? state.CircuitState : null;
}
