using System.Data.Common;
using Dapper;
using Gateway.Contracts;
using Gateway.Application.Store;
using Gateway.Contracts.Privacy;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// Several rows of one table (a case's intake, a batch of acknowledgements). On PostgreSQL one
/// <c>INSERT … SELECT * FROM unnest(…)</c> per table saves a round trip per row. On SQLite one single-row statement is prepared
/// once and run per row (<see cref="SqlDialect.ManyRowsPerStatement"/>): in-process there is no round trip to save, and
/// binding a statement's named parameters costs the square of their number there.
/// </summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>
    /// Dispatch changes of several cases (a batch of acknowledgements) in one <c>UPDATE … FROM</c> their values, each column
    /// one array (one text whatever the batch's size: <see cref="UnnestInsert"/>): the same assignments as one change's
    /// UPDATE in ApplyEffectsAsync. Each dispatch at most once in <paramref name="changes"/>. PostgreSQL only
    /// (<see cref="SqlDialect.ManyRowsPerStatement"/>).
    /// </summary>
    private static async Task UpdateDispatchRowsAsync(WriteBatch writes, IReadOnlyList<(DispatchChange Change, long Now)> changes)
    {
        var args = new DynamicParameters();
        args.Add("dispatch_ids", changes.Select(c => c.Change.DispatchId).ToArray());
        args.Add("statuses", changes.Select(c => WireName.Of(c.Change.Status)).ToArray());
        args.Add("progresses", changes.Select(c => c.Change.Progress).ToArray());
        args.Add("mets", changes.Select(c => (long)Flag(c.Change.Met)).ToArray());
        args.Add("external_refs", changes.Select(c => c.Change.ExternalRef).ToArray());
        args.Add("clear_errors", changes.Select(c => (long)Flag(c.Change.ClearError)).ToArray());
        args.Add("ats", changes.Select(c => c.Now).ToArray());
        await writes.AddAsync("""
            WITH v (dispatch_id, status, progress, met, external_ref, clear_error, at) AS (
                SELECT * FROM unnest(@dispatch_ids::text[], @statuses::text[], @progresses::text[], @mets::bigint[], @external_refs::text[],
                                     @clear_errors::bigint[], @ats::bigint[]))
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
    /// The INSERT statements of <paramref name="rows"/>, each with the parameters it runs with: on PostgreSQL one statement for
    /// all of them (<see cref="UnnestInsert"/>); on SQLite one single-row statement run once per row (<see cref="SqlDialect.ManyRowsPerStatement"/>:
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
        yield return UnnestInsert(table, rows, tail, columns);
    }

    /// <summary>
    /// PostgreSQL: every row in one <c>INSERT … SELECT * FROM unnest(…)</c>, each column one array parameter. The text does
    /// not depend on the number of rows, so it is prepared once and planned once; a <c>VALUES</c> list had a text per row
    /// count, too rare each for Npgsql to prepare, so PostgreSQL parsed and planned them on every call (docs/performance.md,
    /// ninth round). A column no row has a value for is left out (the store's tables have no column defaults, so it is
    /// NULL as it would have been): an array of nulls says nothing of the column's type.
    /// </summary>
    private static (string Sql, IEnumerable<DynamicParameters> Each) UnnestInsert<T>(string table, IReadOnlyList<T> rows, string tail,
        (string Column, Func<T, object?> Value)[] columns)
    {
        var args = new DynamicParameters();
        var names = new List<string>(columns.Length);
        var arrays = new List<string>(columns.Length);
        foreach (var (column, value) in columns)
        {
            var values = new object?[rows.Count];
            for (var i = 0; i < rows.Count; i++) values[i] = value(rows[i]);
            if (ColumnArray(values) is not var (type, array)) continue;
            args.Add(column, array);
            names.Add(column);
            arrays.Add($"@{column}::{type}[]");
        }
        return ($"INSERT INTO {table} ({string.Join(", ", names)}) SELECT * FROM unnest({string.Join(", ", arrays)}) {tail}", [args]);
    }

    /// <summary>One column's values as a typed array and its element type; null when no row has a value.</summary>
    private static (string Type, Array Values)? ColumnArray(object?[] values) => Array.Find(values, v => v is not null) switch
    {
        null => null,
        string => ("text", Array.ConvertAll(values, v => (string?)v)),
        int or long => ("bigint", Array.ConvertAll(values, v => v is null ? null : (long?)Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))),
        var other => throw new NotSupportedException($"no array type for a column of {other.GetType().Name}"),
    };

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
