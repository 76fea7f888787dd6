using System.Data.Common;
using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts.Privacy;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// Many rows in one INSERT. Dapper runs a statement once per element of a list; a case's intake and an acknowledgement
/// write several rows of one table each, so each table gets one <c>INSERT … VALUES (…), (…)</c> instead (plain SQL both
/// databases take; one prepared statement per row count).
/// </summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>Keeps one statement's parameters well below both databases' limits (SQLite 32,766; PostgreSQL 65,535).</summary>
    private const int MaxParametersPerInsert = 2000;

    private static async Task InsertRowsAsync<T>(DbConnection db, DbTransaction tx, string table, IReadOnlyList<T> rows,
        params (string Column, Func<T, object?> Value)[] columns)
    {
        var perStatement = Math.Max(1, MaxParametersPerInsert / columns.Length);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var args = new DynamicParameters();
            var values = new List<string>(count);
            for (var r = 0; r < count; r++)
            {
                var names = new string[columns.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    names[c] = $"@r{r}c{c}";
                    args.Add(names[c][1..], columns[c].Value(rows[start + r]));
                }
                values.Add("(" + string.Join(", ", names) + ")");
            }
            await db.ExecuteAsync(
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))}) VALUES {string.Join(", ", values)}", args, tx);
        }
    }

    private static Task InsertTimelineRowsAsync(DbConnection db, DbTransaction tx, string caseId, IReadOnlyList<TimelineEntry> entries) =>
        InsertTimelineRowsAsync(db, tx, entries.Select(e => (caseId, e)).ToList());

    /// <summary>Timeline lines of several cases (a batch of acknowledgements) in one INSERT.</summary>
    private static Task InsertTimelineRowsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<(string CaseId, TimelineEntry Entry)> lines) =>
        InsertRowsAsync(db, tx, "timeline", lines,
            ("case_id", l => l.CaseId), ("at", l => l.Entry.At), ("type", l => l.Entry.TypeName), ("actor", l => l.Entry.Actor),
            ("detail", l => PersonalDataMask.FreeTextOrNull(l.Entry.Detail)), ("dispatch_id", l => l.Entry.DispatchId));

    private static Task InsertOutboxRowsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<OutboxRow> rows) =>
        InsertRowsAsync(db, tx, "outbox", rows,
            ("message_id", m => m.MessageId), ("message_type", m => m.MessageType), ("payload", m => m.Payload), ("created_at", m => m.CreatedAt));

    private static Task InsertCallbackRowsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<PortalCallbackRow> rows) =>
        InsertRowsAsync(db, tx, "portal_callbacks", rows,
            ("event_id", c => c.EventId), ("case_id", c => c.CaseId), ("portal", c => c.Portal), ("event", c => c.Event),
            ("payload", c => c.Payload), ("status", c => c.StatusName), ("created_at", c => c.CreatedAt), ("attempts", _ => 0));
}
