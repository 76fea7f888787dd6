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
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CircuitBreakerStateProvider>> _states = new();

    internal void Remember(CounterpartEndpoint endpoint) => _endpoints.TryAdd(endpoint.Id, endpoint);

    internal CounterpartEndpoint EndpointOf(string counterpartId) => _endpoints[counterpartId];

    /// <summary>
    /// A fresh state for each pipeline built. Two first sends to one counterpart at the same moment both build its pipeline
    /// (the registry keeps one and drops the other), and a state provider serves one circuit breaker only: a shared one made
    /// the second build throw, failing that send inside the gateway and sending the work order again.
    /// </summary>
    internal CircuitBreakerStateProvider NewStateOf(string counterpartId)
    {
        var state = new CircuitBreakerStateProvider();
        _states.GetOrAdd(counterpartId, _ => new ConcurrentQueue<CircuitBreakerStateProvider>()).Enqueue(state);
        return state;
    }

    /// <summary>
    /// The circuit state, or null when nothing has been sent to this counterpart yet. Of the pipelines built for it the
    /// registry uses one; a dropped one never leaves Closed, so the least healthy state is the one in use.
    /// </summary>
    public CircuitState? CircuitOf(string counterpartId) =>
        _states.TryGetValue(counterpartId, out var states) && !states.IsEmpty
            ? states.Select(s => s.CircuitState).MaxBy(Severity)
            : null;

    private static int Severity(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };
}
