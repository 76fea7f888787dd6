using Gateway.Adapters.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Adapters.Counterparts.Resilience;

/// <summary>Every try the resilience pipeline made for one request, with what went wrong, for the failed-message store.</summary>
public sealed class AttemptLog
{
    public static readonly HttpRequestOptionsKey<AttemptLog> OptionKey = new("gw.attempts");

    private readonly List<Attempt> _attempts = [];

    public IReadOnlyList<Attempt> Attempts
    {
        get { lock (_attempts) return _attempts.ToList(); }
    }

    public void Add(DateTimeOffset at, string outcome)
    {
        lock (_attempts) _attempts.Add(new Attempt(at, outcome));
    }

    /// <summary>One line for a failed try: the status and (start of the) body, or what was thrown.</summary>
    public static async ValueTask<string> DescribeAsync(Outcome<HttpResponseMessage> outcome, ResilienceSettings settings, CancellationToken cancellationToken)
    {
        switch (outcome.Exception)
        {
            case TimeoutRejectedException:
                return $"timed out after {settings.TimeoutPerTry.TotalSeconds:0.#} s";
            case BrokenCircuitException:
                return "circuit open: not sent (the counterpart failed too often just before)";
            case { } ex:
                return $"{ex.GetType().Name}: {ex.Message}";
        }
        var response = outcome.Result!;
        // Bounded, and kept on the response so the caller can still read the body afterwards.
        var text = await BoundedResponse.ReadAsync(response, cancellationToken);
        return $"HTTP {(int)response.StatusCode}: {(text.Length > 500 ? text[..500] + "…" : text)}";
    }

    public sealed record Attempt(DateTimeOffset At, string Outcome);
}
