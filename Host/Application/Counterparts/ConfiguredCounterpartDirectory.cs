using System.Globalization;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Sandbox;
using Gateway.Application.Configuration;
using Gateway.Routing.Regions;

namespace Gateway.Application.Counterparts;

/// <summary>
/// Resolves a counterpart from <c>Gateway:Counterparts:&lt;id&gt;</c> over <c>Gateway:CounterpartDefaults</c>.
/// A configured BaseUrl always wins; without one the embedded profile's sandbox answers.
/// </summary>
public sealed class ConfiguredCounterpartDirectory(
    IConfiguration config, RegionCatalog regions, GatewaySettings settings, SandboxAddress sandbox) : ICounterpartDirectory
{
    public CounterpartEndpoint Resolve(string counterpartId)
    {
        if (regions.FindCounterpart(counterpartId) is null)
            throw new InvalidOperationException($"unknown counterpart '{counterpartId}'");
        var own = config.GetSection($"Gateway:Counterparts:{counterpartId}");
        var defaults = config.GetSection("Gateway:CounterpartDefaults");
        string? Setting(string key) => own[key] is { Length: > 0 } v ? v : defaults[key];
        double Number(string key, double fallback) =>
            double.TryParse(Setting(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;

        var baseUrlText = own["BaseUrl"];
        var isSandbox = string.IsNullOrWhiteSpace(baseUrlText);
        if (isSandbox && !settings.SandboxEnabled)
            throw new InvalidOperationException($"Gateway:Counterparts:{counterpartId}:BaseUrl is not configured and the sandbox is off");
        var baseUrl = isSandbox ? new Uri(sandbox.Resolve(), $"/sandbox/{counterpartId}/") : new Uri(baseUrlText!);

        var secret = ConfiguredSecret.Read(config, $"Gateway:Counterparts:{counterpartId}:Secret", counterpartId, settings)
            ?? throw new InvalidOperationException($"Gateway:Counterparts:{counterpartId}:Secret is not configured");

        var d = ResilienceSettings.Default;
        var resilience = new ResilienceSettings(
            TimeSpan.FromSeconds(Number("TimeoutSeconds", d.TimeoutPerTry.TotalSeconds)),
            (int)Number("Retry:MaxAttempts", d.MaxAttempts),
            TimeSpan.FromSeconds(Number("Retry:BaseDelaySeconds", d.BaseDelay.TotalSeconds)),
            Number("CircuitBreaker:FailureRatio", d.FailureRatio),
            TimeSpan.FromSeconds(Number("CircuitBreaker:BreakSeconds", d.BreakDuration.TotalSeconds)));

        return new CounterpartEndpoint(counterpartId, baseUrl, CounterpartProtocol.Rest, secret, isSandbox, resilience);
    }
}
