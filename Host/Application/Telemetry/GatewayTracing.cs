using System.Diagnostics;

namespace Gateway.Application.Telemetry;

/// <summary>
/// The gateway's traces (ActivitySource <c>Hookup.Gateway</c>): intake, store commit, outbox publish and dispatch send.
/// With ASP.NET Core's request spans, MassTransit's send/consume spans and HttpClient's outbound spans (which put
/// <c>traceparent</c> on every counterpart call) one application is one trace from portal to counterpart. The outbox
/// breaks the call chain, so each message carries the intake's <c>traceparent</c> and the relay continues from it.
/// </summary>
public static class GatewayTracing
{
    public const string SourceName = "Hookup.Gateway";
    /// <summary>Every source one application's trace is made of.</summary>
    public static readonly IReadOnlyList<string> TraceSources = [SourceName, "MassTransit", "Microsoft.AspNetCore", "System.Net.Http"];

    // After TraceSources: creating the source calls listeners, which may read TraceSources.
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span as a W3C <c>traceparent</c>, for a message written now and sent later.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } a ? a.Id : null;

    /// <summary>Starts a span continuing the trace of <paramref name="traceParent"/> (or the current one when it is absent).</summary>
    public static Activity? StartContinuing(string name, ActivityKind kind, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
