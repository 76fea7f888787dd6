using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Npgsql;

namespace Gateway.IntegrationTests.Store.Explained;

/// <summary>One statement the store ran, the store method it ran in, and its plan as executed (EXPLAIN ANALYZE, JSON).</summary>
public sealed record ExplainedStatement(string Method, string Sql, string PlanJson);

/// <summary>Collects the plans of the statements the store runs through <see cref="NpgsqlConnection"/>.</summary>
public sealed partial class PlanRecorder
{
    public ConcurrentQueue<ExplainedStatement> Statements { get; } = new();

    /// <summary>While false nothing is explained (e.g. while the test writes its own rows).</summary>
    public volatile bool Recording;

    [GeneratedRegex(@"^<(\w+)>")]
    private static partial Regex StateMachine();

    /// <summary>The innermost method of the store on the stack (async state machines named by the method they run).</summary>
    public static string StoreMethod()
    {
        foreach (var frame in new StackTrace(2, false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            if (type is null) continue;
            if (type.Name == "SqlGatewayStore") return frame.GetMethod()!.Name;
            if (type.DeclaringType?.Name == "SqlGatewayStore")
                return StateMachine().Match(type.Name) is { Success: true } m ? m.Groups[1].Value : type.Name;
        }
        return "?";
    }
}

/// <summary>
/// A PostgreSQL connection for the store under test that runs <c>EXPLAIN (ANALYZE, FORMAT JSON)</c> of each statement
/// just before the statement itself, with the same parameters on the same connection and in the same transaction (inside
/// a savepoint it then rolls back; outside a transaction inside one it rolls back), so the plan is the one the statement
/// gets in the store's real state and the explained run changes nothing. Named <c>NpgsqlConnection</c> on purpose:
/// Dapper recognises PostgreSQL (and passes lists as arrays, as the store expects) by the connection's type name.
/// </summary>
[SuppressMessage("Design", "CA1010", Justification = "test double")]
public sealed class NpgsqlConnection(Npgsql.NpgsqlConnection inner, PlanRecorder recorder) : DbConnection
{
    public Npgsql.NpgsqlConnection Inner => inner;
    public PlanRecorder Recorder => recorder;

    [AllowNull]
    public override string ConnectionString { get => inner.ConnectionString; set => inner.ConnectionString = value; }
    public override string Database => inner.Database;
    public override string DataSource => inner.DataSource;
    public override string ServerVersion => inner.ServerVersion;
    public override ConnectionState State => inner.State;
    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);
    public override void Open() => inner.Open();
    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);
    public override void Close() => inner.Close();
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);
    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        await inner.BeginTransactionAsync(isolationLevel, cancellationToken);
    protected override DbCommand CreateDbCommand() => new ExplainingCommand(inner.CreateCommand(), this);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The command of <see cref="NpgsqlConnection"/>: explains, then runs the real one.</summary>
internal sealed class ExplainingCommand(NpgsqlCommand inner, NpgsqlConnection connection) : DbCommand
{
    [AllowNull]
    public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }
    public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }
    public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }
    public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }
    public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }
    protected override DbConnection? DbConnection { get => connection; set { } }
    protected override DbParameterCollection DbParameterCollection => inner.Parameters;
    protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = (NpgsqlTransaction?)value; }
    public override void Cancel() => inner.Cancel();
    protected override DbParameter CreateDbParameter() => inner.CreateParameter();
    public override void Prepare() => inner.Prepare();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        Explain();
        return inner.ExecuteReader(behavior);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        Explain();
        return await inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    public override int ExecuteNonQuery()
    {
        Explain();
        return inner.ExecuteNonQuery();
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        Explain();
        return inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object? ExecuteScalar()
    {
        Explain();
        return inner.ExecuteScalar();
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        Explain();
        return inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private static readonly string[] Explainable = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"];

    /// <summary>Synchronous on purpose: the method on the stack names the store method that runs the statement.</summary>
    private void Explain()
    {
        var sql = inner.CommandText.TrimStart();
        if (!connection.Recorder.Recording || !Explainable.Any(k => sql.StartsWith(k, StringComparison.OrdinalIgnoreCase))) return;
        var method = PlanRecorder.StoreMethod();
        var db = connection.Inner;
        var outer = inner.Transaction;
        var own = outer is null ? db.BeginTransaction() : null;
        outer?.Save("explained");
        try
        {
            using var explain = db.CreateCommand();
            explain.Transaction = outer ?? own;
            explain.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + sql;
            foreach (NpgsqlParameter p in inner.Parameters) explain.Parameters.Add(p.Clone());
            var plan = (string)explain.ExecuteScalar()!;
            connection.Recorder.Statements.Enqueue(new ExplainedStatement(method, sql, plan));
        }
        finally
        {
            if (own is not null)
            {
                own.Rollback();
                own.Dispose();
            }
            else
            {
                outer!.Rollback("explained");
            }
        }
    }
}
