using System.Data.Common;
using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Privacy;

namespace Gateway.Store;

/// <summary>Rows set aside by batch loops that could not process them, for operators to see (and fix, then replay).</summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>The reason of a case whose personal data does not open.</summary>
    private const ParkedReason UnreadableData = ParkedReason.UnreadableData;

    private const string ParkSql = """
        INSERT INTO parked_rows (kind, row_id, case_id, reason, detail, parked_at, times)
        VALUES (@KindName, @RowId, @CaseId, @ReasonName, @Detail, @ParkedAt, 1)
        ON CONFLICT (kind, row_id) DO UPDATE SET reason = excluded.reason, detail = excluded.detail,
            parked_at = excluded.parked_at, times = parked_rows.times + 1
        """;

    public async Task ParkAsync(ParkedRow row, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(ParkSql, Masked(row), cancellationToken: cancellationToken));
    }

    /// <summary>Inside a batch's transaction: the row is parked together with what the batch did for the others.</summary>
    private static Task ParkAsync(DbConnection db, DbTransaction tx, ParkedRow row) => db.ExecuteAsync(ParkSql, Masked(row), tx);

    private static ParkedRow Masked(ParkedRow row)
    {
        var detail = PersonalDataMask.FreeText(row.Detail);
        row.Detail = detail.Length > 500 ? detail[..500] : detail;
        return row;
    }

    public async Task<IReadOnlyList<ParkedRow>> ListParkedAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync<ParkedRow>(new CommandDefinition("""
            SELECT kind AS KindName, row_id AS RowId, case_id AS CaseId, reason AS ReasonName, detail AS Detail,
                   parked_at AS ParkedAt, times AS Times
            FROM parked_rows ORDER BY parked_at DESC, kind, row_id LIMIT 500
            """, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The operator fixed the cause: the row is no longer set aside and its loop tries it again — a parked outbox message is
    /// queued for publishing anew, a parked callback is retried by the callback sweep. Null when no such row is parked.
    /// </summary>
    public async Task<ParkedRow?> ReleaseParkedAsync(ParkedRowKind kind, string rowId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var args = new { kind = WireName.Of(kind), rowId };
        var row = await db.QuerySingleOrDefaultAsync<ParkedRow>(new CommandDefinition("""
            SELECT kind AS KindName, row_id AS RowId, case_id AS CaseId, reason AS ReasonName, detail AS Detail,
                   parked_at AS ParkedAt, times AS Times
            FROM parked_rows WHERE kind = @kind AND row_id = @rowId
            """, args, tx, cancellationToken: cancellationToken));
        if (row is null) return null;
        await db.ExecuteAsync(new CommandDefinition("DELETE FROM parked_rows WHERE kind = @kind AND row_id = @rowId", args, tx, cancellationToken: cancellationToken));
        if (kind == ParkedRowKind.OutboxMessage)
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox SET published_at = NULL, claimed_by = NULL, claimed_until = NULL WHERE message_id = @rowId",
                args, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Runs one row's part of a batch under a savepoint; an error that is the row's (not the database's) undoes what the
    /// row had written, parks the row in the same transaction and the batch goes on. A database error still fails the
    /// batch: PostgreSQL has aborted the transaction.
    /// </summary>
    private static async Task<bool> IsolatedAsync(DbConnection db, DbTransaction tx, ParkedRowKind kind, string rowId, string? caseId,
        long now, Func<Task> work)
    {
        const string savepoint = "parkable_row";
        await tx.SaveAsync(savepoint);
        try
        {
            await work();
            await tx.ReleaseAsync(savepoint);
            return true;
        }
        catch (Exception ex) when (ex is not DbException and not OperationCanceledException)
        {
            // Nothing half-done of this row is committed with the others.
            await tx.RollbackAsync(savepoint);
            await ParkAsync(db, tx, new ParkedRow
            {
                Kind = kind, RowId = rowId, CaseId = caseId, Reason = ParkedReason.UnprocessableRow,
                Detail = ex.Message, ParkedAt = now,
            });
            return false;
        }
    }
}
