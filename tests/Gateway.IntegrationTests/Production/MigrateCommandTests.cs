using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using Gateway.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// <c>Gateway.Host migrate</c> as an operator runs it: a separate process with the deployment's settings as
/// <c>--Key=value</c>. It brings an empty store to the latest schema version, reports before/after, and a second
/// run is a no-op.
/// </summary>
public sealed class MigrateCommandTests
{
    private sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {Stdout}{Environment.NewLine}stderr: {Stderr}";
    }

    [Fact]
    public async Task Migrate_brings_a_fresh_PostgreSQL_database_to_the_latest_version_and_a_second_run_applies_nothing()
    {
        var store = await ProductionInfrastructure.CreateDatabaseAsync();
        string[] settings =
        [
            .. ProductionInfrastructure.DeploymentArgs(store, "migrate-"),
            $"--Gateway:Admin:Tokens:0:Token={GatewayHost.OperatorToken}",
            "--Gateway:Admin:Tokens:0:Role=operator",
            $"--Gateway:Callers:zhejiang:Secret={GatewayHost.PortalSecret}",
        ];

        var first = await MigrateAsync(settings);
        var second = await MigrateAsync([.. settings, "--json"]);

        await using var db = new NpgsqlConnection(store);
        var versions = (await db.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
        AssertMigratedThenNoOp(first, second, versions);
        Assert.Contains($"PostgreSQL 127.0.0.1:{new NpgsqlConnectionStringBuilder(store).Port}/{new NpgsqlConnectionStringBuilder(store).Database} as gateway", first.Stdout);
        Assert.DoesNotContain("Password", first.Stdout + second.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dispatches"));
    }

    [Fact]
    public async Task Migrate_creates_and_brings_a_SQLite_file_to_the_latest_version_and_a_second_run_applies_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-migrate-").FullName;
        try
        {
            var file = Path.Combine(dir, "data", "gateway.db");
            string[] settings = [$"--ConnectionStrings:Store=Data Source={file}"];

            var first = await MigrateAsync(settings);
            var second = await MigrateAsync([.. settings, "--json"]);

            await using var db = new SqliteConnection($"Data Source={file};Pooling=False");
            var versions = (await db.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
            AssertMigratedThenNoOp(first, second, versions);
            Assert.Contains(file, first.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_PostgreSQL_fails_naming_the_store()
    {
        var port = ClosedLoopbackPort();
        var run = await MigrateAsync(["--Gateway:Store=Postgres", $"--ConnectionStrings:Store=Host=127.0.0.1;Port={port};Database=nowhere;Username=gateway;Password=secret-pw;Timeout=3"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"migrate: failed on PostgreSQL 127.0.0.1:{port}/nowhere", run.Stderr);
        Assert.DoesNotContain("secret-pw", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Migrate_with_invalid_configuration_fails_naming_the_key_and_touches_nothing()
    {
        var run = await MigrateAsync(["--Gateway:Store=Oracle"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Gateway:Store: 'Oracle' is not one of", run.Stderr);
    }

    private static void AssertMigratedThenNoOp(Run first, Run second, IReadOnlyList<int> versionsInStore)
    {
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var latest = versionsInStore.Max();
        Assert.Equal(Enumerable.Range(1, latest), versionsInStore);
        Assert.Contains("schema version before: 0 (empty)", first.Stdout);
        Assert.Contains($"schema version after: {latest} (latest in this build: {latest})", first.Stdout);
        var report = JsonNode.Parse(second.Stdout)!;
        Assert.Equal(latest, (int)report["before"]!);
        Assert.Equal(latest, (int)report["after"]!);
        Assert.Equal(0, (int)report["applied"]!);
    }

    private static async Task<Run> MigrateAsync(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo(GatewayProcess.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in (string[])[GatewayProcess.HostAssembly, "migrate", $"--Gateway:ConfigDir={RepoPaths.Config}", .. settings])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
