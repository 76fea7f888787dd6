using System.Data;

namespace Gateway.Store;

/// <summary>
/// Every place where SQLite and PostgreSQL differ, and nothing else: the rest of the store is plain SQL both accept
/// (times are Unix milliseconds, flags are 0/1 integers, upserts use ON CONFLICT). No store code asks which database it is on.
/// </summary>
/// <param name="SkipLocked">Appended to a claim's inner SELECT so instances claim disjoint rows (PostgreSQL); SQLite has one writer.</param>
/// <param name="MigrationLock">Serialises concurrent migrations (several instances starting at once); <paramref name="MigrationUnlock"/> undoes it.</param>
/// <param name="StartLock">Tried (it answers true or false at once) by an instance about to start; held until its bus is up, so
/// instances starting together declare their broker queues one after the other (<paramref name="StartUnlock"/> releases it).</param>
/// <param name="OnMigrate">Run once when the schema is opened (SQLite: write-ahead log).</param>
/// <param name="SchemaVersionTableExists">A number above 0 when the schema_version table exists.</param>
/// <param name="SnapshotRead">The isolation of a read that must be one snapshot (the case view).</param>
/// <param name="NowMilliseconds">Now on the database's clock in Unix milliseconds: instances' heartbeats are written and judged on one clock.</param>
public sealed record SqlDialect(
    string Name,
    string IdentityColumn,
    string SkipLocked,
    string JsonColumnType,
    string? MigrationLock,
    string? MigrationUnlock,
    string? StartLock,
    string? StartUnlock,
    string? OnMigrate,
    string SchemaVersionTableExists,
    IsolationLevel SnapshotRead,
    string NowMilliseconds)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "", "TEXT",
        MigrationLock: null, MigrationUnlock: null, StartLock: null, StartUnlock: null, OnMigrate: "PRAGMA journal_mode=WAL",
        SchemaVersionTableExists: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        // One transaction on the one connection is one snapshot already.
        SnapshotRead: IsolationLevel.Unspecified,
        NowMilliseconds: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");

    public static readonly SqlDialect Postgres = new("postgres", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "FOR UPDATE SKIP LOCKED", "TEXT",
        MigrationLock: "SELECT pg_advisory_lock(7303603)", MigrationUnlock: "SELECT pg_advisory_unlock(7303603)",
        StartLock: "SELECT pg_try_advisory_lock(7303604)", StartUnlock: "SELECT pg_advisory_unlock(7303604)", OnMigrate: null,
        SchemaVersionTableExists: "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END",
        SnapshotRead: IsolationLevel.RepeatableRead,
        NowMilliseconds: "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

    /// <summary>
    /// Appended to a SELECT that locks the rows it reads until the transaction ends (the case lock). SQLite needs none: the
    /// store holds one connection at a time (<see cref="SerializedSqliteConnection"/>).
    /// </summary>
    public string ForUpdate => this == Postgres ? "FOR UPDATE" : "";

    /// <summary>The values of <paramref name="expression"/> over a group, comma-separated.</summary>
    public string StringAgg(string expression) => this == Postgres ? $"string_agg({expression}, ',')" : $"group_concat({expression}, ',')";

    /// <summary>
    /// Whether several rows go in one statement (<c>INSERT … SELECT * FROM unnest(…)</c>, <c>UPDATE … FROM (VALUES …)</c>). PostgreSQL:
    /// yes, a round trip saved per row. SQLite: no. It runs in-process, so there is no round trip to save, and
    /// Microsoft.Data.Sqlite binds each named parameter by scanning the statement's list of names, so a statement with
    /// n parameters costs n² to bind: a batch's 400-parameter INSERT took 14 % of the embedded gateway's CPU in string
    /// compares (docs/performance.md). One single-row statement, prepared once and run per row, costs less.
    /// </summary>
    public bool ManyRowsPerStatement => this == Postgres;

    /// <summary>
    /// <paramref name="column"/>, kept from the choice of index. SQLite, without statistics, judged a scan of every dispatch
    /// of a status (the whole backlog, thousands under load) cheaper than looking up the 26 dispatch ids of a take by their
    /// key, and chose it for the take's OR of statuses: half of that statement's time (docs/performance.md). A unary plus is
    /// SQLite's way to keep a term from an index; PostgreSQL plans from statistics and has no unary plus on text.
    /// </summary>
    public string NoIndex(string column) => this == Postgres ? column : "+" + column;

    /// <summary>
    /// <c>column IN (the list in parameter @name)</c>, the list bound as <see cref="List{T}"/> gives it: Npgsql takes it as one
    /// array; SQLite reads it from one JSON array. Dapper's own expansion for SQLite (<c>IN @name</c>) made a parameter per
    /// item with a regular expression over the statement, and a statement text per list length (docs/performance.md).
    /// </summary>
    public string InList(string column, string parameter) =>
        this == Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The value of an <see cref="InList"/> parameter: an array on PostgreSQL, one JSON array text on SQLite.</summary>
    public object List<T>(IEnumerable<T> items) =>
        this == Postgres ? items.ToArray() : System.Text.Json.JsonSerializer.Serialize(items.ToArray());
}
