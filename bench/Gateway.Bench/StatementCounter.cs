using Npgsql;

namespace Gateway.Bench;

/// <summary>What PostgreSQL executed for one database over the measured window: statements (pg_stat_statements) and commits.</summary>
/// <param name="Top">The statements called most often, with their calls and rows, for the profile in docs/performance.md.</param>
public sealed record StatementCounts(long Statements, long Commits, IReadOnlyList<TopStatement>? Top = null);

/// <summary>
/// One normalised statement of pg_stat_statements: how often it ran, rows it returned or touched, time spent in it, and the
/// buffers it read (shared hits + reads: what a plan reading more than it returns shows).
/// </summary>
public sealed record TopStatement(long Calls, long Rows, double TotalMs, long Buffers, string Query);

/// <summary>
/// Counts the statements and commits the gateway's database executed between <see cref="ResetAsync"/> and
/// <see cref="ReadAsync"/>. Needs <c>pg_stat_statements</c> preloaded (scripts/test-services.sh does it); the counts are
/// read from the maintenance database, so the bench's own queries never count towards the gateway's.
/// </summary>
public sealed class StatementCounter(string maintenanceConnection, string database)
{
    private const int TopCount = 30;
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
        var top = new List<TopStatement>();
        await using (var topCommand = new NpgsqlCommand($"""
            SELECT s.calls, s.rows, s.total_exec_time, s.shared_blks_hit + s.shared_blks_read, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = @db ORDER BY s.calls DESC, s.total_exec_time DESC LIMIT {TopCount}
            """, connection))
        {
            topCommand.Parameters.AddWithValue("db", database);
            await using var reader = await topCommand.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var query = string.Join(' ', reader.GetString(4).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                top.Add(new TopStatement(reader.GetInt64(0), reader.GetInt64(1), Math.Round(reader.GetDouble(2), 1), reader.GetInt64(3),
                    query.Length > 160 ? query[..160] + "…" : query));
            }
        }
        return new StatementCounts(count, await CommitsAsync(connection) - _commitsAtReset, top);
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
