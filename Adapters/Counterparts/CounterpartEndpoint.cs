namespace Gateway.Adapters.Counterparts;

public enum CounterpartProtocol { Rest, Soap }

/// <summary>
/// Where and how to reach one counterpart, resolved from <c>Gateway:Counterparts:&lt;id&gt;</c> over
/// <c>Gateway:CounterpartDefaults</c> (or the built-in sandbox when no BaseUrl is configured).
/// </summary>
public sealed record CounterpartEndpoint(
    string Id,
    Uri BaseUrl,
    CounterpartProtocol Protocol,
    string Secret,
    bool Sandbox,
    ResilienceSettings Resilience);

public sealed record ResilienceSettings(
    TimeSpan TimeoutPerTry,
    int MaxAttempts,
    TimeSpan BaseDelay,
    double FailureRatio,
    TimeSpan BreakDuration)
{
    public static readonly ResilienceSettings Default = new(TimeSpan.FromSeconds(10), 5, TimeSpan.FromSeconds(1), 0.5, TimeSpan.FromSeconds(30));
}

/// <summary>Resolves counterpart ids to endpoints.</summary>
public interface ICounterpartDirectory
{
    CounterpartEndpoint Resolve(string counterpartId);
}
