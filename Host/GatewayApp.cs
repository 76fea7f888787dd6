using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Counterparts.Resilience;
using Gateway.Adapters.Counterparts.Rest;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Callbacks;
using Gateway.Application.Callbacks;
using Gateway.Adapters.Sandbox;
using Gateway.Adapters.Security;
using Gateway.Application.Cases;
using Gateway.Application.Configuration;
using Gateway.Application.Counterparts;
using Gateway.Application.Deadlines;
using Gateway.Application.FailedMessages;
using Gateway.Application.Intake;
using Gateway.Application.Outbox;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Application.Telemetry;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Host.Api;
using Gateway.Host.Health;
using Gateway.Application.Instances;
using Gateway.Host.Logging;
using Gateway.Host.Security;
using Gateway.Host.Telemetry;
using Gateway.Messaging;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;
using Microsoft.Data.Sqlite;
using Npgsql;
using Serilog;

using Microsoft.Extensions.Options;

using Gateway.Host.OpenApi;

namespace Gateway.Host;

/// <summary>The composition root: configuration, policy, store, bus, adapters and endpoints.</summary>
public static class GatewayApp
{
    /// <param name="args">Command-line arguments (they override environment and config files).</param>
    /// <param name="overrideServices">For test harnesses: replace services (e.g. the clock) after the defaults.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var configDir = ConfigDirectory.Locate(args);
        // Options are bound once at start, so nothing needs the default watcher on every file of the content root (it cost
        // ~8% of the embedded profile's CPU); an explicit --hostBuilder:reloadConfigOnChange=true later in args still wins.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        GatewayConfigurationSources.Apply(builder.Configuration, configDir, builder.Environment.EnvironmentName, args);
        if (ListenAddress.NoneConfigured(builder.Configuration)) builder.WebHost.UseUrls(ListenAddress.Default);

        var regions = RegionCatalog.LoadDirectory(Path.Combine(configDir, "regions"));
        var settings = GatewaySettingsReader.Read(builder.Configuration, regions, configDir);
        var calendars = new CalendarHolder(settings.ConfigDirectory);

        builder.Services.AddSerilog(GatewayLogging.Create(builder.Configuration, settings.LogDirectory), dispose: true);
        // Our own 1 MiB check answers with a problem; Kestrel's limits are the backstop against slow or oversized requests.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 2 * RequestBody.MaxBytes;
            k.Limits.MaxConcurrentConnections = 2000;
            k.Limits.MaxConcurrentUpgradedConnections = 0;
            k.Limits.MaxRequestHeaderCount = 64;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(5));
            k.Limits.Http2.MaxStreamsPerConnection = 100;
        });

        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => GatewayJson.Configure(o.SerializerOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(regions);
        services.AddSingleton(calendars);
        // The sections read after startup, bound once and checked before the host starts (docs/architecture.md).
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton(new LifecycleSettings(settings.DispatchLease, settings.DeadlineWarningFraction));
        services.AddSingleton<FanOutPlanner>();
        services.AddSingleton(new AdminAuthorization(settings.AdminTokens));
        services.AddGatewayTelemetry(builder.Configuration);

        // Personal data at rest (SM4-GCM); refuses to start on missing or development keys in production.
        var personalDataKeys = PersonalDataKeys.Read(builder.Configuration, settings.Profile);
        services.AddSingleton(new PersonalDataProtector(personalDataKeys));
        services.AddSingleton<IContentHash>(new KeyedContentHash(personalDataKeys));
        services.AddSingleton(new GatewayInstance(settings.Instances));
        services.AddSingleton<StoreReachability>();
        services.AddGatewayStore(settings);
        services.AddSingleton<ICallerSecrets, ConfiguredCallerSecrets>();
        services.AddSingleton<SignatureVerifier>();

        services.AddPortalAdapters();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IApplicationIntake, ApplicationIntake>();
        services.AddSingleton(sp => new PortalCallbackTargets(sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.AddSingleton<Gateway.Application.Intents.IntentRegistration>();
        services.AddSingleton<Gateway.Application.Intents.IntentConfirmation>();
        services.AddSingleton<CaseEventRules>();
        services.AddSingleton<CounterpartEventHandler>();
        services.AddSingleton<Gateway.Application.FeeList.FeeListHandler>();
        services.AddSingleton<BookingRules>();
        services.AddSingleton<Gateway.Application.Bookings.BookingRequests>();
        services.AddSingleton<Gateway.Application.Bookings.AppointmentAnswers>();
        services.AddSingleton<SandboxAddress>();
        services.AddSingleton<ICounterpartDirectory, ConfiguredCounterpartDirectory>();
        services.AddSingleton<SandboxCounterparts>();
        services.AddSingleton<SandboxProgress>();
        services.AddSingleton(sp => new SandboxPace(TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Sandbox.StepMilliseconds)));
        services.AddTransient<OutboundSigningHandler>();
        // Resilience outside signing: every try is signed afresh (new date and nonce).
        // No redirects: a 307 must not re-post a signed work order (personal data) wherever it points; it is a
        // failure like any other answer. Answers are read bounded (BoundedResponse); buffering is capped as well.
        services.AddHttpClient(RestCounterpartClient.HttpClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan;
                c.MaxResponseContentBufferSize = BoundedResponse.MaxBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, MaxResponseHeadersLength = 64 })
            // The client logs each send itself (RestCounterpartClient); the factory's two logging handlers per request only
            // opened scopes for lines the configuration drops (System.Net.Http.HttpClient at Warning).
            .RemoveAllLoggers()
            .AddCounterpartResilience()
            .AddHttpMessageHandler<OutboundSigningHandler>();
        services.AddSingleton<RestCounterpartClient>();
        services.AddSingleton<FailedMessageReplay>();
        services.AddSingleton<PortalCallbackClient>();

        // Before the bus: hosted services start in order, so the first heartbeat is in the store before any lease is taken.
        services.AddHostedService<InstanceHeartbeat>();
        // Before the bus too: they stop after it, so every write a consumer waits on is done.
        services.AddGroupCommit<IntakeBatcher>();
        services.AddGroupCommit<TakeBatcher>();
        services.AddGroupCommit<AcknowledgementBatcher>();
        services.AddGroupCommit<NonceBatcher>();
        services.AddSingleton<INonceStore>(sp => sp.GetRequiredService<NonceBatcher>());
        services.AddGatewayBus(settings, regions);
        // After the bus, whose start waits for its endpoints (and so for its queues): the next instance may start.
        services.AddSingleton<StartGate>();
        services.AddHostedService<StartGateRelease>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<StoreHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreHousekeeping>());
        services.AddHostedService<StalledDispatchRecovery>();
        services.AddHostedService<DeadlineSweeper>();

        AddReadinessChecks(services, settings);
        services.AddGatewayOpenApi(settings.ConfigDirectory);

        overrideServices?.Invoke(services);

        var app = builder.Build();
        CheckOptions(app.Services);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Host");
        // One instance starts at a time, from its migration until its bus is up (StartGate, docs/operations.md).
        var startGate = app.Services.GetRequiredService<StartGate>();
        await startGate.EnterAsync(CancellationToken.None);
        try
        {
            // Said before and after, so a start that hangs shows whether it got this far.
            log.LogInformation("Migrating the {Store} store", settings.Store);
            var migrating = System.Diagnostics.Stopwatch.StartNew();
            await app.Services.GetRequiredService<IGatewayStore>().MigrateAsync(CancellationToken.None);
            log.LogInformation("Store migrated in {Milliseconds} ms", migrating.ElapsedMilliseconds);
        }
        catch
        {
            await startGate.LeaveAsync();
            throw;
        }

        app.UseGatewayRequestLogging();
        app.UsePortalRejectionMetrics();
        app.UseMiddleware<UnhandledExceptionMiddleware>();
        app.MapHealthEndpoints();
        app.MapGatewayOpenApi(app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.ApiReference.EnabledFor(settings.Profile));
        app.MapPortalEndpoints();
        app.MapCaseEndpoints();
        app.MapAdminEndpoints();
        app.MapFailedMessageEndpoints();
        app.MapSlaEndpoints();
        app.MapCounterpartEventEndpoints();
        app.MapRatingEndpoints();
        app.MapFeeListEndpoints();
        app.MapBookingEndpoints();
        app.MapIntentEndpoints();
        if (settings.SandboxEnabled) SandboxCounterparts.Map(app);

        log.LogInformation("Hookup Gateway: profile {Profile}, transport {Transport}, store {Store}, {RegionCount} regions, {CounterpartCount} counterparts, calendars {FirstYear}–{LastYear}, config {ConfigDir}",
            settings.Profile, settings.Transport, settings.Store, regions.Regions.Count, regions.Counterparts.Count(),
            calendars.Calendar.FirstYear, calendars.Calendar.LastYear, configDir);
        if (settings.SandboxEnabled)
            log.LogWarning("SANDBOX counterparts are ON: counterparts without a configured BaseUrl are SIMULATED inside this host");
        if (settings.Profile == GatewayProfile.Embedded && ListenAddress.NonLoopback(builder.Configuration) is { Count: > 0 } open)
            log.LogCritical("EMBEDDED PROFILE ON A NETWORK ADDRESS ({Addresses}) because Gateway:Embedded:AllowNonLoopback=true: its development " +
                "secrets and admin tokens are PUBLISHED — anyone who can reach this address can push, read and replay. Never do this with real data",
                string.Join(", ", open));
        return app;
    }

    /// <summary>
    /// <c>/health/ready</c>: the store (PostgreSQL through AspNetCore.HealthChecks.NpgSql in production) and, with
    /// RabbitMQ, the broker. A broker outage reports Degraded, not Unhealthy: intake goes on answering 201 and the
    /// outbox holds the messages until the broker is back, so the instance should stay in the load balancer.
    /// </summary>
    private static void AddReadinessChecks(IServiceCollection services, GatewaySettings settings)
    {
        var checks = services.AddHealthChecks();
        // The store check on every profile: it remembers the store's last failure (seen by intake, heartbeats or itself) and
        // stays not-ready until the store has answered for a while, so a restart shorter than a monitor's poll still shows.
        checks.AddCheck<Health.StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        checks.AddCheck<Health.DeadlineHealthCheck>("deadlines", tags: [HealthEndpoints.ReadyTag]);
        if (settings.Store == StoreKind.Postgres)
            checks.AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: [HealthEndpoints.ReadyTag]);
        if (settings.Transport == TransportKind.RabbitMq)
        {
            services.AddSingleton(new Health.BrokerConnection(new Uri(settings.RabbitMqConnectionString!)));
            checks.AddRabbitMQ(sp => sp.GetRequiredService<Health.BrokerConnection>().GetAsync(), name: "broker",
                failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag],
                timeout: TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Binds and checks the options now, so a bad key refuses the start with the same message as every other.</summary>
    private static void CheckOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationException("configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  - " + f)));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder names the key and the value it could not read (e.g. Retry:MaxAttempts=abc).
            throw new ConfigurationException("configuration is invalid:" + Environment.NewLine + "  - " + ex.Message);
        }
    }
}
