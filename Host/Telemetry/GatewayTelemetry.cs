using Gateway.Contracts.Portals;
using Gateway.Application.Configuration;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using Gateway.Application.Telemetry;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Metrics and traces wiring: the meter, the store gauges, rejections per portal, and OTLP export of both when
/// <c>Gateway:Otlp:Endpoint</c> is set (<c>Gateway:Otlp:Protocol</c> <c>grpc</c>, the default, or <c>http/protobuf</c>).
/// </summary>
public static class GatewayTelemetry
{
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<GatewayMetrics>();
        services.AddHostedService<StoreGaugeSampler>();

        var endpoint = config["Gateway:Otlp:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException($"Gateway:Otlp:Endpoint: '{endpoint}' is not an http(s) URL");
        var protocolRaw = config["Gateway:Otlp:Protocol"];
        var protocol = protocolRaw switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new ConfigurationException($"Gateway:Otlp:Protocol: '{protocolRaw}' is not grpc or http/protobuf"),
        };
        // http/protobuf posts to one path per signal; gRPC takes the collector's address as is.
        Uri For(string signal) => protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(uri, $"v1/{signal}") : uri;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hookup-gateway"))
            .WithTracing(t =>
            {
                foreach (var source in GatewayTracing.TraceSources) t.AddSource(source);
                // The instrumentation packages add the semantic-convention tags to the framework's request, outbound
                // HTTP and PostgreSQL spans.
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql();
                t.AddOtlpExporter(o => { o.Endpoint = For("traces"); o.Protocol = protocol; });
            })
            .WithMetrics(m => m
                .AddMeter(GatewayMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => { o.Endpoint = For("metrics"); o.Protocol = protocol; }));
        return services;
    }

    /// <summary>Counts refused portal pushes (any 4xx/5xx answer to an application push), per portal and HTTP status.</summary>
    public static IApplicationBuilder UsePortalRejectionMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<GatewayMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && HttpMethods.IsPost(context.Request.Method) && PortalOf(context.Request.Path) is { } portal)
                metrics.CaseRejected(portal, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    /// <summary>A known portal id only: a tag never takes a value from the request path (unbounded series, injected text).</summary>
    private static string? PortalOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var portal = segments switch
        {
            ["api", "portals", var p, "applications"] => p,
            ["soap", var p] => p,
            _ => null,
        };
        return portal is null ? null : PortalIds.All.FirstOrDefault(id => string.Equals(id, portal, StringComparison.Ordinal));
    }
}
