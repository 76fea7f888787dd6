using System.Diagnostics;
using Gateway.Contracts;
using Gateway.Contracts.Identifiers;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Npgsql;

namespace Gateway.Fakes;

/// <summary>
/// <c>--prefill N</c>: N finished (CLOSED) cases already in the PostgreSQL store before the run — each with five
/// dispatches done and acknowledged, ten timeline lines, eight sent portal callbacks, thirteen published outbox
/// messages and two met clocks — so the run shows whether the per-case cost stays flat as the store grows (issue 19). Written by
/// <c>INSERT … SELECT generate_series</c> on the server, one statement per table, then VACUUM ANALYZE (a store that has
/// been running has been vacuumed), so 200,000 cases take minutes, not hours. Published times are inside the housekeeping
/// retention: the rows stay for the whole run. Ids have the shape the gateway gives them, with the rows' own (earlier)
/// times: time-ordered ids (UUID v7) and dated case numbers, so a new row's key goes where it would in a store that grew
/// by use (after every older time-ordered id, among its own day's case numbers). Shared by the bench (<c>./bench.sh prod --prefill N</c>) and the EXPLAIN-checked
/// store test.
/// </summary>
public static class StorePrefill
{
    public const int DispatchesPerCase = 5, TimelinePerCase = 10, CallbacksPerCase = 8, OutboxPerCase = 13, ClocksPerCase = 2;

    /// <summary>Writes the cases; returns a one-line summary.</summary>
    public static async Task<string> RunAsync(string connectionString, int cases, long nowMs)
    {
        var clock = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        // Accepted one a second back from an hour ago; every row of a case a few seconds after its acceptance.
        var start = nowMs - 3_600_000L - cases * 1000L;
        var application = "{\"prefill\":\"" + new string('x', 1500) + "\"}";
        string S<T>(T value) where T : struct, Enum => "'" + WireName.Of(value) + "'";
        var caseId = CaseId($"{start} + i * 1000", "i");
        var dispatchId = $"'dsp-' || {Uuid7Hex($"{start} + i * 1000 + k", "'d' || i || '-' || k")}";
        string[] statements =
        [
            $"""
            INSERT INTO cases (case_id, portal, portal_application_no, content_hash, region, zone, status, receipt_no, accepted_at, updated_at,
                               application_json, receipt_json)
            SELECT {caseId}, 'zhejiang', 'PREFILL-' || i, md5(i::text), 'keqiao', NULL, {S(CaseStatus.Closed)}, 'SLPREFILL' || i,
                   {start} + i * 1000, {start} + i * 1000 + 60000, @application, @empty
            FROM generate_series(1, @cases) AS i
            """,
            $"""
            INSERT INTO case_policies (case_id, policy_json, updated_at)
            SELECT {caseId}, @policy, 0 FROM generate_series(1, @cases) AS i
            """,
            $"""
            INSERT INTO dispatches (dispatch_id, case_id, ordinal, counterpart_id, kind, service, sla_step, status, external_ref, created_at, sent_at,
                                    acknowledged_at, due_at, due_provisional, overdue, attempts, last_error, lease_until, due_from, sla_half_days,
                                    warn_at, warned_at, missed_at, progress, met_at)
            SELECT {dispatchId}, {caseId}, k, 'keqiao-' || k, {S(DispatchKind.WorkOrder)}, 'S' || k, 'WORK_ORDER', {S(DispatchStatus.Done)},
                   'ORD-' || i || '-' || k, {start} + i * 1000, {start} + i * 1000 + 100, {start} + i * 1000 + 200,
                   {start} + i * 1000 + 86400000, 0, 0, 1, NULL, {start} + i * 1000, {start} + i * 1000, 4,
                   {start} + i * 1000 + 64800000, NULL, NULL, {S(WorkProgress.Connected)}, {start} + i * 1000 + 50000
            FROM generate_series(1, @cases) AS i, generate_series(0, {DispatchesPerCase - 1}) AS k
            """,
            $"""
            INSERT INTO timeline (case_id, at, type, actor, detail, dispatch_id)
            SELECT {caseId}, {start} + i * 1000 + k, {S(TimelineType.DispatchAcknowledged)}, 'gateway', 'prefilled line ' || k,
                   CASE WHEN k < {DispatchesPerCase} THEN {dispatchId} END
            FROM generate_series(1, @cases) AS i, generate_series(0, {TimelinePerCase - 1}) AS k
            """,
            $"""
            INSERT INTO portal_callbacks (event_id, case_id, portal, event, payload, status, created_at, sent_at, attempts, last_error)
            SELECT 'evt-' || {Uuid7Hex($"{start} + i * 1000 + k + 10", "'e' || i || '-' || k")}, {caseId}, 'zhejiang', {S(PortalEventType.DispatchReceipt)}, @empty, {S(CallbackStatus.Sent)},
                   {start} + i * 1000 + k, {start} + i * 1000 + k + 10, 1, NULL
            FROM generate_series(1, @cases) AS i, generate_series(0, {CallbacksPerCase - 1}) AS k
            """,
            $"""
            INSERT INTO outbox (message_id, message_type, payload, created_at, published_at, claimed_by, claimed_until)
            SELECT {Uuid7Dashed($"{start} + i * 1000 + k", "'m' || i || '-' || k")}, 'NotifyPortal', @empty, {start} + i * 1000 + k, @published, 'prefill', {start} + i * 1000 + 30000
            FROM generate_series(1, @cases) AS i, generate_series(0, {OutboxPerCase - 1}) AS k
            """,
            $"""
            INSERT INTO clocks (clock_id, case_id, step, counterpart_id, dispatch_id, started_at, due_from, sla_half_days, due_at, due_provisional,
                                warn_at, paused_until, not_before, met_at, warned_at, missed_at, overdue, violation)
            SELECT 'clk-' || {Uuid7Hex($"{start} + i * 1000 + k", "'k' || i || '-' || k")}, {caseId}, 'STEP' || k, 'keqiao-' || k, {dispatchId},
                   {start} + i * 1000, {start} + i * 1000, 4, {start} + i * 1000 + 86400000, 0, {start} + i * 1000 + 64800000,
                   NULL, NULL, {start} + i * 1000 + 50000, NULL, NULL, 0, NULL
            FROM generate_series(1, @cases) AS i, generate_series(0, {ClocksPerCase - 1}) AS k
            """,
            "VACUUM ANALYZE",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("cases", cases);
            command.Parameters.AddWithValue("application", application);
            command.Parameters.AddWithValue("empty", "{}");
            command.Parameters.AddWithValue("policy", "{\"outerWorks\":[],\"jointConstructionGroupId\":null}");
            // Published a minute before the run: well inside any retention, so housekeeping leaves them during the run.
            command.Parameters.AddWithValue("published", nowMs - 60_000L);
            await command.ExecuteNonQueryAsync();
        }
        return ($"prefill: {cases} finished cases ({cases * DispatchesPerCase} dispatches, {cases * TimelinePerCase} timeline lines, " +
                          $"{cases * CallbacksPerCase} callbacks, {cases * OutboxPerCase} published outbox messages, {cases * ClocksPerCase} clocks) in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// A case number as the intake gives one (<see cref="CaseNumber"/>: region, acceptance day in China, four base-32 characters of
    /// the eighth of a second in that day, eight more), the last eight unique by <paramref name="i"/>.
    /// </summary>
    private static string CaseId(string acceptedAtMs, string i)
    {
        // China keeps UTC+8 all year: the step in its day is plain arithmetic, cheap for millions of rows.
        var steps = $"(((({acceptedAtMs})::bigint + 28800000) % 86400000) / {CaseNumber.TimeStepMilliseconds})";
        var base32 = string.Concat(new[] { 15, 10, 5, 0 }.Select(shift =>
            $" || substr('{CaseNumber.Alphabet}', (({steps} >> {shift}) & 31)::int + 1, 1)"));
        return $"'keqiao-' || to_char(to_timestamp(({acceptedAtMs}) / 1000.0) AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'{base32} || upper(lpad(to_hex({i}), 8, '0'))";
    }

    /// <summary>32 hex digits shaped like <c>Guid.CreateVersion7(at):N</c>: the millisecond time first, then digits from <paramref name="seed"/>.</summary>
    private static string Uuid7Hex(string atMs, string seed) => $"(lpad(to_hex(({atMs})::bigint), 12, '0') || '7' || substr(md5({seed}), 1, 19))";

    /// <summary>The same with the dashes of <c>Guid.ToString()</c>.</summary>
    private static string Uuid7Dashed(string atMs, string seed)
    {
        var hex = Uuid7Hex(atMs, seed);
        return $"(substr({hex}, 1, 8) || '-' || substr({hex}, 9, 4) || '-' || substr({hex}, 13, 4) || '-' || substr({hex}, 17, 4) || '-' || substr({hex}, 21, 12))";
    }
}
