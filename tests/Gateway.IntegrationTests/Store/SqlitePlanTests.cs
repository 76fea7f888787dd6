using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.IntegrationTests.Support;
using Gateway.Routing.Lifecycle;
using Gateway.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19 on the embedded profile: SQLite plans without statistics, and once chose to read every dispatch of a status
/// (the whole backlog under load) for a take of a few dispatches instead of looking them up by key. The take's statement,
/// as the store runs it, must look its dispatches up by key.
/// </summary>
public sealed class SqlitePlanTests
{
    /// <summary>A take batch's size under load (docs/performance.md); the planner's choice depends on the list's length.</summary>
    private const int Taken = 26;

    [Fact]
    public async Task Embedded_a_take_looks_its_dispatches_up_by_key_not_by_status()
    {
        var statements = new List<string>();
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await SqliteStoreFile.RunAsync(clock, connection => Recorded(connection, statements), async (store, file) =>
        {
            await store.MigrateAsync(CancellationToken.None);
            var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var dispatches = Enumerable.Range(0, Taken).Select(i => new DispatchRow
            {
                DispatchId = $"plan-d{i}", CaseId = "plan-case", Ordinal = i, CounterpartId = $"counterpart-{i}", Kind = DispatchKind.WorkOrder,
                Service = "water", SlaStep = "WORK_ORDER", Status = DispatchStatus.Pending, CreatedAt = at, DueAt = DispatchRow.NoDue, WarnAt = DispatchRow.NoDue,
            }).ToList();
            Assert.True(await store.TryInsertCaseAsync(new NewCase(new CaseRow
            {
                CaseId = "plan-case", Portal = "zhejiang", PortalApplicationNo = "ZJPLAN", ContentHash = "h", Region = "keqiao",
                Status = CaseStatus.Accepted, ReceiptNo = "R1", AcceptedAt = at, UpdatedAt = at, ApplicationJson = "{}", ReceiptJson = "{}",
            }, dispatches, [], [], [], "{}"), CancellationToken.None));

            lock (statements) statements.Clear();
            var ids = dispatches.Select(d => d.DispatchId).ToList();
            var taken = await store.TakeDispatchesAsync(ids, at, at + 60_000, CancellationToken.None);
            Assert.Equal(ids.Order(), taken.Select(t => t.Dispatch.DispatchId).Order());

            string take;
            lock (statements) take = Assert.Single(statements, s => s.TrimStart().StartsWith("UPDATE dispatches SET status", StringComparison.Ordinal));
            var plan = QueryPlan(file, take);
            // The outer UPDATE's own search (the first line) uses the dispatch key; no line reads dispatches by status.
            Assert.Contains("USING INDEX sqlite_autoindex_dispatches_1 (dispatch_id=?)", plan[0]);
            Assert.DoesNotContain(plan, line => line.Contains("ix_dispatches_lease", StringComparison.Ordinal));
        });
    }

    /// <summary>Records the text of every statement the connection runs (SQLite's profile hook, set once it is open).</summary>
    private static SqliteConnection Recorded(SqliteConnection connection, List<string> statements)
    {
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState != System.Data.ConnectionState.Open) return;
            raw.sqlite3_profile(connection.Handle!, (_, sql, _) => { lock (statements) statements.Add(sql); }, null);
        };
        return connection;
    }

    /// <summary>The <c>EXPLAIN QUERY PLAN</c> lines of <paramref name="sql"/>, its parameters left unbound.</summary>
    private static List<string> QueryPlan(string file, string sql)
    {
        using var db = new SqliteConnection($"Data Source={file}");
        db.Open();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db.Handle!, "EXPLAIN QUERY PLAN " + sql, out var statement));
        using (statement)
        {
            var lines = new List<string>();
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW) lines.Add(raw.sqlite3_column_text(statement, 3).utf8_to_string());
            return lines;
        }
    }
}
