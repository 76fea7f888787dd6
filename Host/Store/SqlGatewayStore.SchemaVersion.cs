using Dapper;

using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>Which schema version a database is at, for the <c>migrate</c> verb's before/after report.</summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>The newest version <see cref="Schema"/> knows; a migrated database is at this version.</summary>
    public int LatestSchemaVersion => Schema.Steps(Dialect).Max(s => s.Version);

    /// <summary>The highest applied schema version; 0 for an empty database (no <c>schema_version</c> table yet).</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        // Asking the catalogue first, rather than catching "no such table", keeps an empty database an answer, not an error.
        var tableExists = await db.ExecuteScalarAsync<long>(new CommandDefinition(Dialect.SchemaVersionTableExists, cancellationToken: cancellationToken)) > 0;
        if (!tableExists) return 0;
        return (int)await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken: cancellationToken));
    }
}
