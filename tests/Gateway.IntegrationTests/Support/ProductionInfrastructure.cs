using Npgsql;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The real PostgreSQL and RabbitMQ that ./test.sh starts (GATEWAY_TEST_POSTGRES, GATEWAY_TEST_RABBITMQ).
/// Each gateway "deployment" in a test gets its own database and queue prefix, so tests never share state.
/// Without the services the tests fail with a clear message rather than skip: a skipped test hides a gap.
/// </summary>
public static class ProductionInfrastructure
{
    public static string PostgresConnectionString => Require("GATEWAY_TEST_POSTGRES");
    public static string RabbitMqUri => Require("GATEWAY_TEST_RABBITMQ");

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run ./test.sh, which starts PostgreSQL and RabbitMQ for these tests");

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "gw_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Settings for one production-profile deployment: PostgreSQL store, RabbitMQ transport.</summary>
    public static string[] DeploymentArgs(string storeConnectionString, string queuePrefix, string? rabbitMqUri = null) =>
    [
        "--Gateway:Profile=Production",
        "--Gateway:Store=Postgres",
        $"--ConnectionStrings:Store={storeConnectionString}",
        "--Gateway:Transport=RabbitMq",
        $"--ConnectionStrings:RabbitMq={rabbitMqUri ?? RabbitMqUri}",
        $"--Gateway:Bus:QueuePrefix={queuePrefix}",
        // Production refuses to start without a (non-development) SM4 key for personal data at rest.
        $"--Gateway:DataProtection:Keys:{DataProtectionKeyId}={DataProtectionKey}",
        $"--Gateway:DataProtection:CurrentKeyId={DataProtectionKeyId}",
    ];

    public const string DataProtectionKeyId = "test-2026a";
    public const string DataProtectionKey = "q3JhbmRvbS1zbTQta2V5IQ==";

    public static async Task<string[]> NewDeploymentArgsAsync() =>
        DeploymentArgs(await CreateDatabaseAsync(), "t" + Guid.NewGuid().ToString("N")[..8] + "-");
}
