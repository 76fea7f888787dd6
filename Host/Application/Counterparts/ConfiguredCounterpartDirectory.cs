using System.Collections.Concurrent;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Sandbox;
using Gateway.Application.Configuration;
using Gateway.Routing.Regions;

using Microsoft.Extensions.Options;

namespace Gateway.Application.Counterparts;

/// <summary>
/// Resolves a counterpart from <c>Gateway:Counterparts:&lt;id&gt;</c> over <c>Gateway:CounterpartDefaults</c>.
/// A configured BaseUrl always wins; without one the embedded profile's sandbox answers.
/// </summary>
public sealed class ConfiguredCounterpartDirectory(
    IOptions<GatewayOptions> options, RegionCatalog regions, GatewaySettings settings, SandboxAddress sandbox) : ICounterpartDirectory
{
    // Options are bound once; an endpoint is built once per counterpart (the sandbox's address is known only once the host listens).
    private readonly ConcurrentDictionary<string, CounterpartEndpoint> _endpoints = new(StringComparer.Ordinal);

    public CounterpartEndpoint Resolve(string counterpartId)
    {
        if (regions.FindCounterpart(counterpartId) is null)
            throw new InvalidOperationException($"unknown counterpart '{counterpartId}'");
        return _endpoints.GetOrAdd(counterpartId, Build);
    }

    private CounterpartEndpoint Build(string counterpartId)
    {
        var own = options.Value.Counterparts.GetValueOrDefault(counterpartId) ?? new CounterpartOptions();
        var defaults = options.Value.CounterpartDefaults;

        var isSandbox = string.IsNullOrWhiteSpace(own.BaseUrl);
        if (isSandbox && !settings.SandboxEnabled)
            throw new InvalidOperationException($"Gateway:Counterparts:{counterpartId}:BaseUrl is not configured and the sandbox is off");
        var baseUrl = isSandbox ? new Uri(sandbox.Resolve(), $"/sandbox/{counterpartId}/") : new Uri(own.BaseUrl!);

        var secret = ConfiguredSecret.Of(own.Secret, counterpartId, settings)
            ?? throw new InvalidOperationException($"Gateway:Counterparts:{counterpartId}:Secret is not configured");

        var d = ResilienceSettings.Default;
        var resilience = new ResilienceSettings(
            TimeSpan.FromSeconds(own.TimeoutSeconds ?? defaults.TimeoutSeconds ?? d.TimeoutPerTry.TotalSeconds),
            own.Retry.MaxAttempts ?? defaults.Retry.MaxAttempts ?? d.MaxAttempts,
            TimeSpan.FromSeconds(own.Retry.BaseDelaySeconds ?? defaults.Retry.BaseDelaySeconds ?? d.BaseDelay.TotalSeconds),
            own.CircuitBreaker.FailureRatio ?? defaults.CircuitBreaker.FailureRatio ?? d.FailureRatio,
            TimeSpan.FromSeconds(own.CircuitBreaker.BreakSeconds ?? defaults.CircuitBreaker.BreakSeconds ?? d.BreakDuration.TotalSeconds));

        return new CounterpartEndpoint(counterpartId, baseUrl, CounterpartProtocol.Rest, secret, isSandbox, resilience);
    }
}
