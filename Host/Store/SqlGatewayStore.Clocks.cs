using System.Data.Common;
using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;
using static Gateway.Store.StoreNames;

namespace Gateway.Store;

/// <summary>
/// The clocks table: inserted and updated with the case event that decided them (<see cref="WriteClocksAsync"/>, called from
/// the one effects writer), swept for warnings and misses like dispatches — each claimed by the row update that records it.
/// </summary>
public sealed partial class SqlGatewayStore
{
    private const string ClockColumns = """
        clock_id AS ClockId, case_id AS CaseId, step AS StepName, counterpart_id AS CounterpartId, dispatch_id AS DispatchId,
        started_at AS StartedAt, due_from AS DueFrom, sla_half_days AS SlaHalfDays, due_at AS DueAt, due_provisional AS DueProvisional,
        warn_at AS WarnAt, paused_until AS PausedUntil, not_before AS NotBefore, met_at AS MetAt, warned_at AS WarnedAt,
        missed_at AS MissedAt, overdue AS Overdue, violation AS ViolationName
        """;

    /// <summary>A case's overdue dispatch or clock (the case list's overdue filter), for a case aliased <c>c</c>.</summary>
    private const string OverdueOf = """
        SELECT 1 FROM dispatches o WHERE o.case_id = c.case_id AND o.overdue = 1
        UNION ALL SELECT 1 FROM clocks k WHERE k.case_id = c.case_id AND k.overdue = 1
        """;

    /// <summary>Running (not met), timed, and not paused at <c>@now</c>.</summary>
    private const string RunningClock = "met_at IS NULL AND due_at IS NOT NULL AND (paused_until IS NULL OR paused_until <= @now)";

    private static async Task<List<ClockRow>> ReadClocksAsync(DbConnection db, DbTransaction? tx, string caseId) =>
        (await db.QueryAsync<ClockRow>($"SELECT {ClockColumns} FROM clocks WHERE case_id = @caseId ORDER BY started_at, clock_id",
            new { caseId }, tx)).AsList();

    private static async Task WriteClocksAsync(WriteBatch writes, CaseEffects effects)
    {
        foreach (var c in effects.NewClocks)
            await writes.AddAsync("""
                INSERT INTO clocks (clock_id, case_id, step, counterpart_id, dispatch_id, started_at, due_from, sla_half_days, due_at,
                                    due_provisional, warn_at, paused_until, not_before, met_at, overdue, violation)
                VALUES (@ClockId, @CaseId, @Step, @CounterpartId, @DispatchId, @StartedAt, @DueFrom, @SlaHalfDays, @DueAt,
                        @DueProvisional, @WarnAt, @PausedUntil, @NotBefore, @MetAt, 0, @Violation)
                ON CONFLICT (case_id, step, counterpart_id) DO NOTHING
                """, Parameters(c));
        // The sweeper marks warnings and misses without the case lock: only a change that re-times the clock (a new due
        // time) resets them, so an event never writes back a stale view of what the sweeper has just recorded.
        foreach (var c in effects.ClockChanges)
            await writes.AddAsync("""
                UPDATE clocks SET due_from = @DueFrom, due_at = @DueAt, due_provisional = @DueProvisional, warn_at = @WarnAt,
                    paused_until = @PausedUntil, met_at = COALESCE(met_at, @MetAt), violation = COALESCE(violation, @Violation),
                    warned_at = CASE WHEN COALESCE(due_at, -1) <> COALESCE(@DueAt, -1) THEN @WarnedAt ELSE warned_at END,
                    missed_at = CASE WHEN COALESCE(due_at, -1) <> COALESCE(@DueAt, -1) THEN @MissedAt ELSE missed_at END,
                    overdue = CASE WHEN COALESCE(due_at, -1) <> COALESCE(@DueAt, -1) THEN @Overdue ELSE overdue END
                WHERE clock_id = @ClockId
                """, Parameters(c));
    }

    private static object Parameters(ClockRow c) => new
    {
        c.ClockId, c.CaseId, Step = c.StepName, c.CounterpartId, c.DispatchId, c.StartedAt, c.DueFrom, c.SlaHalfDays, c.DueAt,
        DueProvisional = Flag(c.DueProvisional), c.WarnAt, c.PausedUntil, c.NotBefore, c.MetAt, c.WarnedAt, c.MissedAt,
        Overdue = Flag(c.Overdue), Violation = c.ViolationName,
    };

    public async Task<IReadOnlyList<ClockRow>> GetClocksAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await ReadClocksAsync(db, null, caseId);
    }

    public async Task<IReadOnlyList<ClockRow>> RaiseClockWarningsAsync(long now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var rows = (await db.QueryAsync<ClockRow>(new CommandDefinition($"""
            UPDATE clocks SET warned_at = @now
            WHERE clock_id IN (
                SELECT clock_id FROM clocks
                WHERE warned_at IS NULL AND warn_at <= @now AND {RunningClock}
                ORDER BY warn_at LIMIT @max {dialect.SkipLocked})
            RETURNING {ClockColumns}
            """, new { now, max }, tx, cancellationToken: cancellationToken))).AsList();
        // One row that cannot be processed is parked (warned_at stays set, so it is not taken again) and the sweep goes on.
        var warned = new List<ClockRow>();
        foreach (var c in rows)
            if (await IsolatedAsync(db, tx, ParkedRowKind.Clock, c.ClockId, c.CaseId, now,
                    () => InsertTimelineAsync(db, tx, c.CaseId, ClockRules.Warning(c, now))))
                warned.Add(c);
        await tx.CommitAsync(cancellationToken);
        return warned;
    }

    public async Task<IReadOnlyList<ClockRow>> RaiseClockMissesAsync(long now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var rows = (await db.QueryAsync<ClockRow>(new CommandDefinition($"""
            UPDATE clocks SET missed_at = @now, overdue = 1
            WHERE clock_id IN (
                SELECT clock_id FROM clocks
                WHERE missed_at IS NULL AND due_at <= @now AND {RunningClock}
                ORDER BY due_at LIMIT @max {dialect.SkipLocked})
            RETURNING {ClockColumns}
            """, new { now, max }, tx, cancellationToken: cancellationToken))).AsList();
        // As for dispatches: one row that cannot be processed is parked (missed_at stays set) and the sweep goes on.
        var missed = new List<ClockRow>();
        foreach (var c in rows)
            if (await IsolatedAsync(db, tx, ParkedRowKind.Clock, c.ClockId, c.CaseId, now, async () =>
                {
                    var caseId = c.CaseId;
                    var dispatchId = c.DispatchId;
                    var @case = Opened(await db.QuerySingleAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId", new { caseId }, tx))!;
                    if (@case.Unreadable is { } problem) // the miss needs no personal data; the case is shown to operators
                        await ParkAsync(db, tx, new ParkedRow { Kind = ParkedRowKind.Case, RowId = caseId, CaseId = caseId, Reason = UnreadableData, Detail = problem, ParkedAt = now });
                    var dispatch = await db.QuerySingleOrDefaultAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId",
                        new { dispatchId }, tx);
                    var (entry, detail) = ClockRules.Missed(c, now);
                    await InsertTimelineAsync(db, tx, caseId, entry);
                    await AddCallbackAsync(db, tx, @case, dispatch, PortalEventNames.Overdue, now, detail);
                }))
                missed.Add(c);
        await tx.CommitAsync(cancellationToken);
        return missed;
    }

    public async Task<IReadOnlyList<(ClockRow Clock, string Region)>> GetProvisionalClocksAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var rows = await db.QueryAsync<ClockRow, string, (ClockRow, string)>(new CommandDefinition($"""
            SELECT {ClockColumns}, (SELECT c.region FROM cases c WHERE c.case_id = k.case_id) AS Region
            FROM clocks k WHERE due_provisional = 1 AND due_at IS NOT NULL
            """, cancellationToken: cancellationToken), (c, region) => (c, region), splitOn: "Region");
        return rows.AsList();
    }

    public async Task UpdateClockDueAsync(string clockId, long dueAt, bool provisional, long warnAt, long now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var clock = await db.QuerySingleOrDefaultAsync<ClockRow>(
            $"UPDATE clocks SET due_at = @dueAt, due_provisional = @flag, warn_at = @warnAt WHERE clock_id = @clockId RETURNING {ClockColumns}",
            new { clockId, dueAt, flag = Flag(provisional), warnAt }, tx);
        if (clock is not null) await InsertTimelineAsync(db, tx, clock.CaseId, ClockRules.DueRecomputed(clock, dueAt, provisional, now));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<long> CountProvisionalAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition($"""
            SELECT (SELECT COUNT(*) FROM dispatches WHERE due_provisional = 1 AND status IN {In(DeliveryRules.Open)} AND met_at IS NULL)
                 + (SELECT COUNT(*) FROM clocks WHERE due_provisional = 1 AND met_at IS NULL AND due_at IS NOT NULL)
            """, cancellationToken: cancellationToken));
    }
}
