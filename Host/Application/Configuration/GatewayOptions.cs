namespace Gateway.Application.Configuration;

/// <summary>
/// The <c>Gateway</c> sections read after startup — counterparts, portal callbacks, sandbox pace, gauges — bound once
/// (<c>BindConfiguration("Gateway")</c>) and checked by <see cref="GatewayOptionsValidator"/> before the host starts.
/// Nothing reads these keys from raw configuration later.
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary><c>Gateway:CounterpartDefaults</c>: what every counterpart gets unless its own section says otherwise.</summary>
    public CounterpartOptions CounterpartDefaults { get; set; } = new();
    /// <summary><c>Gateway:Counterparts:&lt;id&gt;</c>.</summary>
    public Dictionary<string, CounterpartOptions> Counterparts { get; set; } = new(StringComparer.Ordinal);
    /// <summary><c>Gateway:Portals:&lt;id&gt;</c>: where a portal hears of its applications.</summary>
    public Dictionary<string, PortalOptions> Portals { get; set; } = new(StringComparer.Ordinal);
    /// <summary><c>Gateway:Callers:&lt;accessKey&gt;</c>: inbound secrets of portals and calling counterparts.</summary>
    public Dictionary<string, CallerOptions> Callers { get; set; } = new(StringComparer.Ordinal);
    public SandboxOptions Sandbox { get; set; } = new();
    public TelemetryOptions Telemetry { get; set; } = new();
    public HousekeepingOptions Housekeeping { get; set; } = new();
    /// <summary><c>Gateway:Embedded</c>: rules of the embedded profile (published development secrets, sandbox).</summary>
    public EmbeddedOptions Embedded { get; set; } = new();
    /// <summary><c>Gateway:ApiReference</c>: the interactive API reference page.</summary>
    public ApiReferenceOptions ApiReference { get; set; } = new();
}

public sealed class EmbeddedOptions
{
    /// <summary>
    /// The embedded profile refuses a non-loopback listen address (its secrets and tokens are published) unless this
    /// is true; the start is then logged as a critical warning.
    /// </summary>
    public bool AllowNonLoopback { get; set; }
}

public sealed class ApiReferenceOptions
{
    /// <summary>Serve the interactive reference at /scalar; unset: on for the embedded profile, off for production.</summary>
    public bool? Enabled { get; set; }

    public bool EnabledFor(GatewayProfile profile) => Enabled ?? profile == GatewayProfile.Embedded;
}

public sealed class CounterpartOptions
{
    public string? BaseUrl { get; set; }
    public string? Protocol { get; set; }
    public string? Secret { get; set; }
    public double? TimeoutSeconds { get; set; }
    public RetryOptions Retry { get; set; } = new();
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();
    /// <summary>Queue prefetch and parallel sends per instance (production bus).</summary>
    public int? Prefetch { get; set; }
    public int? ConcurrencyLimit { get; set; }
}

public sealed class RetryOptions
{
    public int? MaxAttempts { get; set; }
    public double? BaseDelaySeconds { get; set; }
}

public sealed class CircuitBreakerOptions
{
    public double? FailureRatio { get; set; }
    public double? BreakSeconds { get; set; }
}

public sealed class PortalOptions
{
    public string? CallbackUrl { get; set; }
    public string? Secret { get; set; }
}

public sealed class CallerOptions
{
    public string? Secret { get; set; }
}

public sealed class SandboxOptions
{
    /// <summary>Delay between the simulated counterparts' steps.</summary>
    public int StepMilliseconds { get; set; } = 5000;
}

public sealed class TelemetryOptions
{
    /// <summary>How often the store-backed gauges are refreshed.</summary>
    public double GaugeSeconds { get; set; } = 15;
}

/// <summary><c>Gateway:Housekeeping</c>: what the store forgets, and how much at a time.</summary>
public sealed class HousekeepingOptions
{
    /// <summary>Published outbox messages are kept this long (for an operator's inspection), then deleted.</summary>
    public double OutboxRetentionHours { get; set; } = 24;
    /// <summary>How often the housekeeping runs.</summary>
    public double IntervalSeconds { get; set; } = 300;
    /// <summary>Rows deleted per statement; a run deletes at most <see cref="MaxBatchesPerRun"/> of these per table.</summary>
    public int BatchSize { get; set; } = 1000;
    public int MaxBatchesPerRun { get; set; } = 20;
}
