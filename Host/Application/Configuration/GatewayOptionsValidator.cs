using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Application.Configuration;

/// <summary>Checks the bound <see cref="GatewayOptions"/> and reports every problem at once, each naming its key.</summary>
public sealed class GatewayOptionsValidator(RegionCatalog regions, GatewaySettings settings, IConfiguration configuration) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var problems = new List<string>();
        Check("Gateway:CounterpartDefaults", options.CounterpartDefaults, problems);
        foreach (var (id, counterpart) in options.Counterparts)
        {
            if (regions.FindCounterpart(id) is null)
                problems.Add($"Gateway:Counterparts:{id}: unknown counterpart id (not in any config/regions file)");
            var baseUrl = counterpart.BaseUrl;
            if (!string.IsNullOrWhiteSpace(baseUrl) && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                problems.Add($"Gateway:Counterparts:{id}:BaseUrl: '{baseUrl}' is not an http(s) URL");
            if (!string.IsNullOrWhiteSpace(counterpart.Protocol) && !string.Equals(counterpart.Protocol, "Rest", StringComparison.OrdinalIgnoreCase))
                problems.Add($"Gateway:Counterparts:{id}:Protocol: '{counterpart.Protocol}' — this build sends REST only (SOAP counterparts are not implemented yet)");
            Check($"Gateway:Counterparts:{id}", counterpart, problems);
        }
        foreach (var (id, portal) in options.Portals)
        {
            if (!PortalIds.All.Contains(id))
                problems.Add($"Gateway:Portals:{id}: unknown portal id (known: {string.Join(", ", PortalIds.All)})");
            if (!string.IsNullOrWhiteSpace(portal.CallbackUrl) && !(Uri.TryCreate(portal.CallbackUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                problems.Add($"Gateway:Portals:{id}:CallbackUrl: '{portal.CallbackUrl}' is not an http(s) URL");
        }
        foreach (var id in options.Callers.Keys.Where(k => !PortalIds.All.Contains(k) && regions.FindCounterpart(k) is null))
            problems.Add($"Gateway:Callers:{id}: unknown access key (must be a portal id or a counterpart id)");
        if (options.Sandbox.StepMilliseconds < 0)
            problems.Add($"Gateway:Sandbox:StepMilliseconds: {options.Sandbox.StepMilliseconds} must be ≥ 0");
        if (options.Housekeeping.OutboxRetentionHours < 0)
            problems.Add($"Gateway:Housekeeping:OutboxRetentionHours: {options.Housekeeping.OutboxRetentionHours} must be ≥ 0");
        if (options.Housekeeping.IntervalSeconds < 1)
            problems.Add($"Gateway:Housekeeping:IntervalSeconds: {options.Housekeeping.IntervalSeconds} must be ≥ 1");
        if (options.Housekeeping.BatchSize is < 1 or > 100_000)
            problems.Add($"Gateway:Housekeeping:BatchSize: {options.Housekeeping.BatchSize} must be 1..100000");
        if (options.Housekeeping.MaxBatchesPerRun is < 1 or > 10_000)
            problems.Add($"Gateway:Housekeeping:MaxBatchesPerRun: {options.Housekeeping.MaxBatchesPerRun} must be 1..10000");
        if (options.Telemetry.GaugeSeconds < 0.05)
            problems.Add($"Gateway:Telemetry:GaugeSeconds: {options.Telemetry.GaugeSeconds} must be ≥ 0.05");
        // Fail closed: the embedded profile's secrets and tokens are published, so it serves loopback only unless told.
        if (settings.Profile == GatewayProfile.Embedded && !options.Embedded.AllowNonLoopback && ListenAddress.NonLoopback(configuration) is { Count: > 0 } open)
            problems.Add($"Gateway:Embedded:AllowNonLoopback: the embedded profile (published development secrets and tokens, sandbox) refuses to listen on {string.Join(", ", open)}; " +
                "listen on 127.0.0.1, use the production profile, or set Gateway:Embedded:AllowNonLoopback=true to accept the risk");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(string key, CounterpartOptions o, List<string> problems)
    {
        if (o.TimeoutSeconds is <= 0) problems.Add($"{key}:TimeoutSeconds: {o.TimeoutSeconds} must be > 0");
        if (o.Retry.MaxAttempts is < 1) problems.Add($"{key}:Retry:MaxAttempts: {o.Retry.MaxAttempts} must be ≥ 1");
        if (o.Retry.BaseDelaySeconds is < 0) problems.Add($"{key}:Retry:BaseDelaySeconds: {o.Retry.BaseDelaySeconds} must be ≥ 0");
        if (o.CircuitBreaker.FailureRatio is <= 0 or > 1) problems.Add($"{key}:CircuitBreaker:FailureRatio: {o.CircuitBreaker.FailureRatio} must be in (0, 1]");
        if (o.CircuitBreaker.BreakSeconds is <= 0) problems.Add($"{key}:CircuitBreaker:BreakSeconds: {o.CircuitBreaker.BreakSeconds} must be > 0");
        if (o.Prefetch is < 1) problems.Add($"{key}:Prefetch: {o.Prefetch} must be ≥ 1");
        if (o.ConcurrencyLimit is < 1) problems.Add($"{key}:ConcurrencyLimit: {o.ConcurrencyLimit} must be ≥ 1");
    }
}
