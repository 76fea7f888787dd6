using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>
/// The few places where SQLite and PostgreSQL differ. Everything else in the store is plain SQL both accept
/// (times are Unix milliseconds, flags are 0/1 integers, upserts use ON CONFLICT).
/// </summary>
public sealed record SqlDialect(string Name, string IdentityColumn, string SkipLocked, string JsonColumnType)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "", "TEXT");
    public static readonly SqlDialect Postgres = new("postgres", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "FOR UPDATE SKIP LOCKED", "TEXT");
}
