using System.CommandLine;
using System.Text.Json;
using Gateway.Application.Configuration;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gateway.Cli;

/// <summary>
/// <c>migrate [--Key=value …]</c>: brings the configured store (SQLite or PostgreSQL) to this build's schema version
/// and exits. It reads and validates the same configuration as the server and migrates through the same store
/// code the server runs at startup, so a deployment can migrate once before starting several instances.
/// Idempotent: a second run reports the version and applies nothing.
/// Exit codes: 0 migrated or already current, 1 the store refused or could not be reached, 2 invalid configuration.
/// </summary>
public static class MigrateCommand
{
    public static Command Create(Option<bool> json)
    {
        var command = new Command("migrate", "Apply the schema to the configured store (same settings as serve: config files, env, --Key=value), then exit")
        {
            // Settings such as --Gateway:Store=Postgres are configuration, not options of this verb.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configArgs = parse.UnmatchedTokens.ToArray();
            return await RunAsync(configArgs, parse.GetValue(json), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] configArgs, bool json, CancellationToken ct)
    {
        GatewaySettings settings;
        try
        {
            var configDir = ConfigDirectory.Locate(configArgs);
            var configuration = new ConfigurationManager();
            GatewayConfigurationSources.Apply(configuration, configDir, GatewayConfigurationSources.EnvironmentName(), configArgs);
            settings = GatewaySettingsReader.Read(configuration, RegionCatalog.LoadDirectory(Path.Combine(configDir, "regions")), configDir);
        }
        catch (Exception ex) when (ex is ConfigurationException or RegionConfigException or InvalidDataException or FileNotFoundException)
        {
            Console.Error.WriteLine($"migrate: {ex.Message}");
            return 2;
        }

        var where = Describe(settings);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        try
        {
            services.AddGatewayStore(settings);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"migrate: ConnectionStrings:Store is not a valid {settings.Store} connection string: {ex.Message}");
            return 2;
        }
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IGatewayStore>() as SqlGatewayStore
            ?? throw new InvalidOperationException("the configured store is not the SQL store; nothing to migrate");
        try
        {
            var before = await store.SchemaVersionAsync(ct);
            if (before > store.LatestSchemaVersion)
            {
                Console.Error.WriteLine($"migrate: {where} is at schema version {before}, newer than this build knows ({store.LatestSchemaVersion}); run a newer gateway");
                return 1;
            }
            await store.MigrateAsync(ct);
            var after = await store.SchemaVersionAsync(ct);
            Report(where, before, after, store.LatestSchemaVersion, json);
            return after == store.LatestSchemaVersion ? 0 : 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"migrate: failed on {where}: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static void Report(string where, int before, int after, int latest, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { store = where, before, after, latest, applied = after - before }));
            return;
        }
        Console.WriteLine($"store: {where}");
        Console.WriteLine($"schema version before: {before}{(before == 0 ? " (empty)" : "")}");
        Console.WriteLine(after == before
            ? "already up to date: nothing applied"
            : $"applied: {string.Join(", ", Enumerable.Range(before + 1, after - before))}");
        Console.WriteLine($"schema version after: {after} (latest in this build: {latest})");
    }

    /// <summary>The store, for messages: never the password.</summary>
    private static string Describe(GatewaySettings settings)
    {
        if (settings.Store == StoreKind.Postgres)
        {
            try
            {
                var pg = new NpgsqlConnectionStringBuilder(settings.StoreConnectionString);
                return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database} as {pg.Username}";
            }
            catch (ArgumentException)
            {
                return "PostgreSQL (unparseable connection string)";
            }
        }
        try
        {
            return $"SQLite {Path.GetFullPath(new SqliteConnectionStringBuilder(settings.StoreConnectionString).DataSource)}";
        }
        catch (ArgumentException)
        {
            return "SQLite (unparseable connection string)";
        }
    }
}
