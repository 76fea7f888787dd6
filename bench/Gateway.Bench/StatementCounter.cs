using Npgsql;

namespace Gateway.Bench;

/// <summary>What PostgreSQL executed for one database over the measured window: statements (pg_stat_statements) and commits.</summary>
/// <param name="Top">The statements called most often, with their calls and rows, for the profile in docs/performance.md.</param>
/// <param name="Tables">Per table, what the window wrote and what autovacuum did to it (the tables written most first).</param>
public sealed record StatementCounts(long Statements, long Commits, IReadOnlyList<TopStatement>? Top = null, IReadOnlyList<TableActivity>? Tables = null);

/// <summary>
/// One table's rows written over the measured window, how many of its updates were in place (HOT: no new index entries),
/// and how often autovacuum vacuumed and analysed it: the database's work beside the statements (docs/performance.md).
/// </summary>
public sealed record TableActivity(string Table, long Inserted, long Updated, long HotUpdated, long Deleted, long Vacuums, long Analyses);

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
    private Dictionary<string, TableActivity> _tablesAtReset = [];

    /// <summary>The gateway's own database: its tables' statistics are per database.</summary>
    private string GatewayDatabase => new NpgsqlConnectionStringBuilder(maintenanceConnection) { Database = database }.ConnectionString;

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(maintenanceConnection);
        await connection.OpenAsync();
        await Exec(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        // Read in the gateway's database before the window opens, so this query is no statement or commit of it.
        _tablesAtReset = await TablesAsync();
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
        var commits = await CommitsAsync(connection) - _commitsAtReset;
        var tables = (await TablesAsync()).Values
            .Select(t => _tablesAtReset.TryGetValue(t.Table, out var r)
                ? t with { Inserted = t.Inserted - r.Inserted, Updated = t.Updated - r.Updated, HotUpdated = t.HotUpdated - r.HotUpdated,
                    Deleted = t.Deleted - r.Deleted, Vacuums = t.Vacuums - r.Vacuums, Analyses = t.Analyses - r.Analyses }
                : t)
            .Where(t => t.Inserted + t.Updated + t.Deleted + t.Vacuums + t.Analyses > 0)
            .OrderByDescending(t => t.Inserted + t.Updated + t.Deleted).ToList();
        return new StatementCounts(count, commits, top, tables);
    }

    private async Task<Dictionary<string, TableActivity>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(GatewayDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, TableActivity>();
        while (await reader.ReadAsync())
            tables[reader.GetString(0)] = new TableActivity(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        return tables;
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
