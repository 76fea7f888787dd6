using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Gateway.Store;

/// <summary>
/// The writes of one transaction whose results nothing reads, sent to PostgreSQL together in one round trip
/// (<see cref="FlushAsync"/>, before the commit) instead of one round trip each. Under load every round trip also waits
/// for both processes to be scheduled: an intake batch of seven round trips took ≈ 12 ms at 100 cases/s, most of it
/// waiting (docs/performance.md). On SQLite, in-process, there is no round trip to save, and each write runs when added.
/// The statements run in the order added; the first that fails fails the flush, and with it the transaction.
/// </summary>
internal sealed class WriteBatch(DbConnection db, DbTransaction tx) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo[]> Bound = new();
    private readonly NpgsqlBatch? _batch = db is NpgsqlConnection pg ? new NpgsqlBatch(pg, (NpgsqlTransaction)tx) : null;

    /// <summary>Adds one statement: its parameters are a <see cref="DynamicParameters"/> of named values or an object's properties.</summary>
    public Task AddAsync(string sql, object? args)
    {
        if (_batch is null) return db.ExecuteAsync(sql, args, tx);
        AddToBatch(_batch, sql, Parameters(sql, args));
        return Task.CompletedTask;
    }

    private static void AddToBatch(NpgsqlBatch batch, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        batch.BatchCommands.Add(command);
    }

    /// <summary>
    /// One statement run once per row, in order: its parameters are <paramref name="names"/> (as written in the statement,
    /// with their <c>@</c>), each row's values in that order. On SQLite the rows are bound one after the other on one
    /// prepared command: a row costs no parameter objects of its own, and each name is found at SQLite's first lookup
    /// (Dapper strips the prefix, so Microsoft.Data.Sqlite searched each name twice). The embedded store's rows are
    /// written under its gate (docs/performance.md). On PostgreSQL one statement of the batch per row.
    /// </summary>
    public async Task AddRowsAsync(string sql, IReadOnlyList<string> names, IEnumerable<object?[]> rows)
    {
        if (_batch is not null)
        {
            foreach (var row in rows) AddToBatch(_batch, sql, names.Select((name, i) => (name, row[i])));
            return;
        }
        await using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var parameters = new DbParameter[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = names[i];
            command.Parameters.Add(parameters[i]);
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < names.Count; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Sends what was added (PostgreSQL); a batch is flushed before its transaction commits.</summary>
    public async Task FlushAsync()
    {
        if (_batch is null || _batch.BatchCommands.Count == 0) return;
        await _batch.ExecuteNonQueryAsync();
        _batch.BatchCommands.Clear();
    }

    public ValueTask DisposeAsync() => _batch?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// The named values a statement uses, as Dapper would bind them: every value of a <see cref="DynamicParameters"/>, or
    /// each property of an object whose name appears in the statement as <c>@Name</c>; an enum as its number.
    /// </summary>
    private static IEnumerable<(string Name, object? Value)> Parameters(string sql, object? args)
    {
        switch (args)
        {
            case null:
                yield break;
            case DynamicParameters named:
                foreach (var name in named.ParameterNames) yield return (name, named.Get<object?>(name));
                yield break;
            default:
                var properties = Bound.GetOrAdd((args.GetType(), sql), key => key.Item1.GetProperties()
                    .Where(p => Regex.IsMatch(key.Item2, $@"@{p.Name}(?![\p{{L}}\p{{N}}_])", RegexOptions.IgnoreCase)).ToArray());
                foreach (var property in properties)
                    yield return (property.Name, property.GetValue(args) is Enum e ? Convert.ChangeType(e, e.GetTypeCode()) : property.GetValue(args));
                yield break;
        }
    }
}
