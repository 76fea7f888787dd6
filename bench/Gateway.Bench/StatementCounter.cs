using Npgsql;

namespace Gateway.Bench;

/// <summary>What PostgreSQL executed for one database over the measured window: statements (pg_stat_statements) and commits.</summary>
public sealed record StatementCounts(long Statements, long Commits);

/// <summary>
/// Counts the statements and commits the gateway's database executed between <see cref="ResetAsync"/> and
/// <see cref="ReadAsync"/>. Needs <c>pg_stat_statements</c> preloaded (scripts/test-services.sh does it); the counts are
/// read from the maintenance database, so the bench's own queries never count towards the gateway's.
/// </summary>
public sealed class StatementCounter(string maintenanceConnection, string database)
{
    private long _commitsAtReset;

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(maintenanceConnection);
        await connection.OpenAsync();
        await Exec(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await Exec(connection, "SELECT pg_stat_statements_reset()");
        _commitsAtReset = await CommitsAsync(connection);
    }

    public async Task<StatementCounts> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(maintenanceConnection);
        await connection.OpenAsync();
        // The cumulative statistics are flushed by each backend at most once a second; read after they settled.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await Exec(connection, "SELECT pg_stat_clear_snapshot()");
        await using var statements = new NpgsqlCommand(
            "SELECT COALESCE(SUM(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = @db",
            connection);
        statements.Parameters.AddWithValue("db", database);
        var count = (long)(await statements.ExecuteScalarAsync())!;
        return new StatementCounts(count, await CommitsAsync(connection) - _commitsAtReset);
    }

    private async Task<long> CommitsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = @db", connection);
        command.Parameters.AddWithValue("db", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
