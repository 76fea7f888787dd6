using Serilog;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>Serilog: console plus a daily rolling file, levels from the <c>Serilog</c> section, personal data masked.</summary>
public static class GatewayLogging
{
    public static Serilog.ILogger Create(IConfiguration configuration, string logDirectory) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            // Polly reports every handled try at Warning; the gateway logs its own retry line with the outcome.
            .MinimumLevel.Override("Polly", LogEventLevel.Error)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataMaskingEnricher>()
            .Destructure.With<PersonalDataDestructuringPolicy>()
            // Every sink sits behind the masking sink, which also masks message text and exceptions.
            .WriteTo.Sink(new PersonalDataMaskingSink(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .WriteTo.File(Path.Combine(logDirectory, "gateway-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                    outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .CreateLogger()))
            .CreateLogger();
}
