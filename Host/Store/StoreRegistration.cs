using Gateway.Application.Callbacks;
using Gateway.Adapters.Security;
using Gateway.Application.Configuration;
using Gateway.Application.Instances;
using Gateway.Application.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gateway.Store;

/// <summary>Registers the configured store: the host and the <c>migrate</c> verb use this one code path.</summary>
public static class StoreRegistration
{
    /// <summary>The configured store; also what the <c>migrate</c> verb migrates, so both use one code path.</summary>
    public static IServiceCollection AddGatewayStore(this IServiceCollection services, GatewaySettings settings)
    {
        if (settings.Store == StoreKind.Postgres)
        {
            var dataSource = NpgsqlDataSource.Create(PostgresConnectionString(settings.StoreConnectionString));
            services.AddSingleton(dataSource);
            services.AddSingleton<IGatewayStore>(sp => new SqlGatewayStore(dataSource.CreateConnection, SqlDialect.Postgres, sp.GetRequiredService<TimeProvider>())
                { Protector = sp.GetService<PersonalDataProtector>(), Instance = sp.GetService<GatewayInstance>(), CallbackTargets = CallbackTargets(sp) });
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder(settings.StoreConnectionString);
            var directory = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            connection.DefaultTimeout = 30;
            var connectionString = connection.ToString();
            // One writer connection, its turns queued in-process: see SerializedSqliteConnection and docs/performance.md.
            services.AddSingleton(_ => new SqliteStoreWriter(connectionString));
            services.AddSingleton<IGatewayStore>(sp => new SqlGatewayStore(sp.GetRequiredService<SqliteStoreWriter>().Connect, SqlDialect.Sqlite, sp.GetRequiredService<TimeProvider>())
                { ReadConnections = SqliteReadConnection.Factory(connectionString), Protector = sp.GetService<PersonalDataProtector>(), Instance = sp.GetService<GatewayInstance>(), CallbackTargets = CallbackTargets(sp) });
            services.AddHostedService(sp => new SqliteCheckpointer(connectionString, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        }
        // The same store keeps the signature nonces (the signature check reaches them through NonceBatcher); the use cases
        // never see that interface, the signature check never sees theirs.
        services.AddSingleton<INonceLedger>(sp => (SqlGatewayStore)sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IInstanceStore>(sp => (SqlGatewayStore)sp.GetRequiredService<IGatewayStore>());
        // Each use case, endpoint and worker asks for the narrow interface of its concern.
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<ICaseQueries>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IDispatchStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IFailedMessageStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IDeadlineStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IPortalCallbackStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IStoreMaintenance>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IParkedRowStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IClockStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IFeeListStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IBookingStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IIntentStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IRatingStore>(sp => sp.GetRequiredService<IGatewayStore>());
        return services;
    }

    /// <summary>The host's portals with a callback URL; every portal when the store runs without a host (the migrate verb).</summary>
    private static PortalCallbackTargets CallbackTargets(IServiceProvider services) =>
        services.GetService<PortalCallbackTargets>() ?? PortalCallbackTargets.Everyone;

    /// <summary>
    /// The configured PostgreSQL connection string with three defaults the store's hot paths need (each stays as set when
    /// named explicitly): statements prepared once per physical connection, and no <c>DISCARD ALL</c> on every return of
    /// a pooled connection (the store never leaves session state behind). Together they took PostgreSQL from 16.0 to
    /// 10.3 ms of CPU per case. And a prepared statement's one generic plan (<c>plan_cache_mode</c>): every statement
    /// the store runs per case finds its rows by key or a partial index, whatever the values, so planning it again for
    /// each call's values bought nothing (docs/performance.md, ninth round). ANALYZE still makes PostgreSQL plan it anew.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        if (!configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;
        if (builder.Options is null || !builder.Options.Contains("plan_cache_mode", StringComparison.Ordinal))
            builder.Options = ((builder.Options ?? "") + " -c plan_cache_mode=force_generic_plan").Trim();
        return builder.ConnectionString;
    }
}
