using System.Data.Common;
using Dapper;
using Gateway.Contracts;
using Gateway.Application.Store;
using Gateway.Contracts.Privacy;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// Several rows of one table (a case's intake, a batch of acknowledgements). On PostgreSQL one
/// <c>INSERT … VALUES (…), (…)</c> per table saves a round trip per row. On SQLite one single-row statement is prepared
/// once and run per row (<see cref="SqlDialect.ManyRowsPerStatement"/>): in-process there is no round trip to save, and
/// binding a statement's named parameters costs the square of their number there.
/// </summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>Keeps one statement's parameters well below both databases' limits (SQLite 32,766; PostgreSQL 65,535).</summary>
    private const int MaxParametersPerInsert = 2000;

    /// <summary>
    /// Dispatch changes of several cases (a batch of acknowledgements) in one <c>UPDATE … FROM</c> a list of values: the same
    /// assignments as one change's UPDATE in ApplyEffectsAsync. Each dispatch at most once in <paramref name="changes"/>.
    /// </summary>
    private static async Task UpdateDispatchRowsAsync(WriteBatch writes, IReadOnlyList<(DispatchChange Change, long Now)> changes)
    {
        var (values, args) = ValueRows(changes,
            c => c.Change.DispatchId, c => WireName.Of(c.Change.Status), c => c.Change.Progress, c => Flag(c.Change.Met), c => c.Change.ExternalRef,
            c => Flag(c.Change.ClearError), c => c.Now);
        await writes.AddAsync($"""
            WITH v (dispatch_id, status, progress, met, external_ref, clear_error, at) AS (VALUES {values})
            UPDATE dispatches SET status = v.status, progress = v.progress,
                met_at = CASE WHEN v.met = 1 THEN COALESCE(dispatches.met_at, v.at) ELSE dispatches.met_at END,
                external_ref = COALESCE(dispatches.external_ref, v.external_ref),
                acknowledged_at = CASE WHEN v.external_ref IS NULL THEN dispatches.acknowledged_at ELSE COALESCE(dispatches.acknowledged_at, v.at) END,
                last_error = CASE WHEN v.clear_error = 1 THEN NULL ELSE dispatches.last_error END
            FROM v WHERE dispatches.dispatch_id = v.dispatch_id
            """, args);
    }

    /// <summary><c>(@r0c0, @r0c1, …), (@r1c0, …)</c> and their parameters: the rows of a VALUES list.</summary>
    private static (string Values, DynamicParameters Args) ValueRows<T>(IReadOnlyList<T> rows, params Func<T, object?>[] columns)
    {
        var args = new DynamicParameters();
        var values = new List<string>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                names[c] = $"@r{r}c{c}";
                args.Add(names[c][1..], columns[c](rows[r]));
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        return (string.Join(", ", values), args);
    }

    /// <summary>
    /// Rows whose insert nothing reads back, added to <paramref name="writes"/> (sent with the batch's other writes). On SQLite
    /// one prepared single-row statement bound row by row (<see cref="WriteBatch.AddRowsAsync"/>).
    /// </summary>
    private async Task InsertRowsAsync<T>(WriteBatch writes, string table, IReadOnlyList<T> rows, params (string Column, Func<T, object?> Value)[] columns)
    {
        if (rows.Count == 0) return;
        if (!dialect.ManyRowsPerStatement)
        {
            var names = Array.ConvertAll(columns, c => "@" + c.Column);
            await writes.AddRowsAsync($"{InsertHead(table, columns)} VALUES ({string.Join(", ", names)})", names,
                rows.Select(r => Array.ConvertAll(columns, c => c.Value(r))));
            return;
        }
        foreach (var (sql, each) in InsertStatements(table, rows, "", columns))
            foreach (var args in each) await writes.AddAsync(sql, args);
    }

    private static string InsertHead<T>(string table, (string Column, Func<T, object?> Value)[] columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))})";

    /// <summary>
    /// Inserts <paramref name="rows"/> now, except a row whose <paramref name="conflict"/> columns are taken (also by an earlier
    /// row of the list); returns the <paramref name="key"/> of each row inserted.
    /// </summary>
    private async Task<HashSet<string>> InsertNewRowsAsync<T>(DbConnection db, DbTransaction tx, string table, IReadOnlyList<T> rows,
        string conflict, string key, params (string Column, Func<T, object?> Value)[] columns)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sql, each) in InsertStatements(table, rows, $"ON CONFLICT ({conflict}) DO NOTHING RETURNING {key}", columns))
            foreach (var args in each) inserted.UnionWith(await db.QueryAsync<string>(sql, args, tx));
        return inserted;
    }

    /// <summary>
    /// The INSERT statements of <paramref name="rows"/>, each with the parameters it runs with: on PostgreSQL as many rows to a
    /// statement as fit; on SQLite one single-row statement run once per row (<see cref="SqlDialect.ManyRowsPerStatement"/>:
    /// one text, so Dapper's list form keeps it prepared).
    /// </summary>
    private IEnumerable<(string Sql, IEnumerable<DynamicParameters> Each)> InsertStatements<T>(string table, IReadOnlyList<T> rows, string tail,
        (string Column, Func<T, object?> Value)[] columns)
    {
        if (rows.Count == 0) yield break;
        var head = $"{InsertHead(table, columns)} VALUES";
        var values = columns.Select(c => c.Value).ToArray();
        if (!dialect.ManyRowsPerStatement)
        {
            yield return ($"{head} {ValueRows([rows[0]], values).Values} {tail}", rows.Select(r => ValueRows([r], values).Args));
            yield break;
        }
        var perStatement = Math.Max(1, MaxParametersPerInsert / columns.Length);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var (valueList, args) = ValueRows(rows.Skip(start).Take(perStatement).ToList(), values);
            yield return ($"{head} {valueList} {tail}", [args]);
        }
    }

    private Task InsertTimelineRowsAsync(DbConnection db, DbTransaction tx, string caseId, IReadOnlyList<TimelineEntry> entries) =>
        InsertTimelineRowsAsync(db, tx, entries.Select(e => (caseId, e)).ToList());

    /// <summary>Timeline lines of several cases (a batch of acknowledgements) in one INSERT.</summary>
    private async Task InsertTimelineRowsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<(string CaseId, TimelineEntry Entry)> lines)
    {
        await using var writes = new WriteBatch(db, tx);
        await InsertTimelineRowsAsync(writes, lines);
        await writes.FlushAsync();
    }

    private Task InsertTimelineRowsAsync(WriteBatch writes, IReadOnlyList<(string CaseId, TimelineEntry Entry)> lines) =>
        InsertRowsAsync(writes, "timeline", lines,
            ("case_id", l => l.CaseId), ("at", l => l.Entry.At), ("type", l => l.Entry.TypeName), ("actor", l => l.Entry.Actor),
            ("detail", l => PersonalDataMask.FreeTextOrNull(l.Entry.Detail)), ("dispatch_id", l => l.Entry.DispatchId));

    private Task InsertOutboxRowsAsync(WriteBatch writes, IReadOnlyList<OutboxRow> rows) =>
        InsertRowsAsync(writes, "outbox", rows,
            ("message_id", m => m.MessageId), ("message_type", m => m.MessageType), ("payload", m => m.Payload), ("created_at", m => m.CreatedAt));

    private Task InsertCallbackRowsAsync(WriteBatch writes, IReadOnlyList<PortalCallbackRow> rows) =>
        InsertRowsAsync(writes, "portal_callbacks", rows,
            ("event_id", c => c.EventId), ("case_id", c => c.CaseId), ("portal", c => c.Portal), ("event", c => c.Event),
            ("payload", c => c.Payload), ("status", c => c.StatusName), ("created_at", c => c.CreatedAt), ("attempts", _ => 0));
}
