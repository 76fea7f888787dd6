using System.Data.Common;

namespace Gateway.Store;

/// <summary>
/// Owns the embedded store's one writer connection (<see cref="SerializedSqliteConnection"/>) and its gate: every store
/// operation is handed the same connection, and the end of the host (its services disposed) closes it.
/// </summary>
public sealed class SqliteStoreWriter(string connectionString) : IDisposable
{
    private readonly SerializedSqliteConnection _connection = new(connectionString);

    /// <summary>The store's connection factory: the one writer, opened (its turn taken) by the store.</summary>
    public DbConnection Connect() => _connection;

    public void Dispose() => _connection.CloseForGood();
}
