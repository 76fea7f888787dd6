using System.Data.Common;
using Dapper;
using Gateway.Adapters.Security;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Privacy;
using Gateway.Application.Callbacks;
using static Gateway.Store.StoreNames;

using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>The store on SQLite (embedded) or PostgreSQL (production): same tables, same SQL, see <see cref="SqlDialect"/>.</summary>
public sealed partial class SqlGatewayStore(Func<DbConnection> connect, SqlDialect dialect, TimeProvider clock) : IGatewayStore, INonceLedger
{
    private const string CaseColumns = """
        case_id AS CaseId, portal AS Portal, portal_application_no AS PortalApplicationNo, content_hash AS ContentHash,
        region AS Region, zone AS Zone, status AS StatusName, receipt_no AS ReceiptNo, accepted_at AS AcceptedAt,
        updated_at AS UpdatedAt, application_json AS ApplicationJson, receipt_json AS ReceiptJson
        """;

    private const string DispatchColumns = """
        dispatch_id AS DispatchId, case_id AS CaseId, ordinal AS Ordinal, counterpart_id AS CounterpartId, kind AS KindName, service AS Service,
        sla_step AS SlaStep, status AS StatusName, external_ref AS ExternalRef, created_at AS CreatedAt, sent_at AS SentAt,
        acknowledged_at AS AcknowledgedAt, due_at AS DueAt, due_provisional AS DueProvisional, overdue AS Overdue,
        attempts AS Attempts, last_error AS LastError, lease_until AS LeaseUntil, due_from AS DueFrom,
        sla_half_days AS SlaHalfDays, warn_at AS WarnAt, warned_at AS WarnedAt, missed_at AS MissedAt,
        question AS Question, related_dispatch_id AS RelatedDispatchId, progress AS Progress, met_at AS MetAt
        """;

    public SqlDialect Dialect => dialect;

    /// <summary>Which portals' callbacks get a message (the others are RECORDED at once): see <see cref="PortalCallbackTargets"/>.</summary>
    public PortalCallbackTargets CallbackTargets { get; init; } = PortalCallbackTargets.Everyone;

    /// <summary>Flags are stored as 0/1 integers so the same SQL compares them on both databases.</summary>
    private static int Flag(bool value) => value ? 1 : 0;

    /// <summary>
    /// Connections for reads that write nothing and need no lock: on SQLite outside the store's gate
    /// (<see cref="SqliteReadConnection"/>), so a lookup neither waits for the writes nor holds them up. Unset, the store's
    /// own connections (PostgreSQL, where readers never queued).
    /// </summary>
    public Func<DbConnection>? ReadConnections { get; init; }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(connect, cancellationToken);

    /// <summary>A connection for a read alone (<see cref="ReadConnections"/>): nothing written through it.</summary>
    private Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken) => OpenAsync(ReadConnections ?? connect, cancellationToken);

    private static async Task<DbConnection> OpenAsync(Func<DbConnection> create, CancellationToken cancellationToken)
    {
        var connection = create();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        // Several instances may start at once: on PostgreSQL an advisory lock serialises their migrations.
        if (dialect.MigrationLock is { } takeLock) await db.ExecuteAsync(takeLock);
        // Released in finally: pooled connections are not reset on return (StoreRegistration), so a lock left behind would stay.
        try
        {
            await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            if (dialect.OnMigrate is { } onMigrate) await db.ExecuteAsync(onMigrate);
            foreach (var (version, sql) in Schema.Steps(dialect))
            {
                await using var tx = await db.BeginTransactionAsync(cancellationToken);
                var applied = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version }, tx);
                if (applied == 0)
                {
                    await db.ExecuteAsync(sql, transaction: tx);
                    await db.ExecuteAsync("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                        new { version, at = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
                }
                await tx.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (dialect.MigrationUnlock is { } releaseLock) await db.ExecuteAsync(releaseLock);
        }
    }

    public async Task<IAsyncDisposable?> TryTakeStartLockAsync(CancellationToken cancellationToken)
    {
        if (dialect.StartLock is not { } tryLock || dialect.StartUnlock is not { } unlock) return new StartLockHolder(null, "");
        var db = await OpenAsync(cancellationToken);
        try
        {
            if (await db.ExecuteScalarAsync<bool>(new CommandDefinition(tryLock, cancellationToken: cancellationToken)))
                return new StartLockHolder(db, unlock);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        await db.DisposeAsync();
        return null;
    }

    /// <summary>
    /// The start lock's session: it stays open while held. Released explicitly before the connection goes back to the pool,
    /// which does not reset connections (StoreRegistration); a broken connection takes the lock with it.
    /// </summary>
    private sealed class StartLockHolder(DbConnection? db, string unlock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is null) return;
            try
            {
                await db.ExecuteAsync(unlock);
            }
            finally
            {
                await db.DisposeAsync();
            }
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_version", cancellationToken: cancellationToken));
    }

    public async Task<CaseRow?> FindCaseByPortalApplicationAsync(string portal, string portalApplicationNo, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return Opened(await db.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(CaseOfPortalNumberSql,
            new { portal, portalApplicationNo }, cancellationToken: cancellationToken)));
    }

    private const string CaseOfPortalNumberSql = $"SELECT {CaseColumns} FROM cases WHERE portal = @portal AND portal_application_no = @portalApplicationNo";

    public async Task<(CaseRow? Case, IntentRow? Intent)> FindCaseAndIntentAsync(string portal, string portalApplicationNo, string? intentRegion,
        string projectCode, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        var sql = intentRegion is null ? CaseOfPortalNumberSql : $"{CaseOfPortalNumberSql}; {IntentOfProjectSql}";
        await using var results = await db.QueryMultipleAsync(new CommandDefinition(sql,
            new { portal, portalApplicationNo, region = intentRegion, projectCode }, cancellationToken: cancellationToken));
        var @case = Opened(await results.ReadSingleOrDefaultAsync<CaseRow>());
        return (@case, intentRegion is null ? null : Opened(await results.ReadSingleOrDefaultAsync<IntentRow>()));
    }

    public async Task<bool> TryInsertCaseAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        var rows = SealedRows([newCase]);
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // Converting an intent: only while it still is OPEN, so an intent yields one case however its demands race.
        if ((await InsertCaseRowsAsync(db, tx, rows)).Count == 0
            || (newCase.Intent is { } conversion && !await ConvertIntentAsync(db, tx, newCase.Case.CaseId, conversion, newCase.Case.AcceptedAt)))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }
        await InsertCaseContentsAsync(db, tx, [newCase]);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<bool>> TryInsertCasesAsync(IReadOnlyList<NewCase> newCases, CancellationToken cancellationToken)
    {
        if (newCases.Any(c => c.Intent is not null))
            throw new ArgumentException("a case converting an intent is inserted on its own (TryInsertCaseAsync)", nameof(newCases));
        var rows = SealedRows(newCases);
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var inserted = await InsertCaseRowsAsync(db, tx, rows);
        await InsertCaseContentsAsync(db, tx, newCases.Where(c => inserted.Contains(c.Case.CaseId)).ToList());
        await tx.CommitAsync(cancellationToken);
        return newCases.Select(c => inserted.Contains(c.Case.CaseId)).ToList();
    }

    /// <summary>
    /// The cases' rows as stored (personal data sealed), sealed before the store is opened: on SQLite the time under its
    /// gate is what bounds the embedded rate (docs/performance.md). In the order of their portal numbers: two batches written
    /// side by side (IntakeBatcher) that hold the same two numbers then wait for each other's commit in the same order, never
    /// in a circle.
    /// </summary>
    private List<CaseRow> SealedRows(IReadOnlyList<NewCase> newCases) => newCases.Select(c => Sealed(c.Case))
        .OrderBy(c => c.Portal, StringComparer.Ordinal).ThenBy(c => c.PortalApplicationNo, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The cases' rows (<see cref="SealedRows"/>); the ids of those inserted. A portal application number already taken (by
    /// an earlier push, or an identical push earlier in the list) inserts nothing.
    /// </summary>
    private Task<HashSet<string>> InsertCaseRowsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<CaseRow> rows) =>
        InsertNewRowsAsync(db, tx, "cases", rows,
            "portal, portal_application_no", "case_id",
            ("case_id", c => c.CaseId), ("portal", c => c.Portal), ("portal_application_no", c => c.PortalApplicationNo),
            ("content_hash", c => c.ContentHash), ("region", c => c.Region), ("zone", c => c.Zone), ("status", c => c.StatusName),
            ("receipt_no", c => c.ReceiptNo), ("accepted_at", c => c.AcceptedAt), ("updated_at", c => c.UpdatedAt),
            ("application_json", c => c.ApplicationJson), ("receipt_json", c => c.ReceiptJson));

    /// <summary>
    /// What inserted cases hold besides their rows: one statement per table, however many rows (SqlGatewayStore.RowBatches),
    /// all sent in one round trip (<see cref="WriteBatch"/>).
    /// </summary>
    private async Task InsertCaseContentsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<NewCase> newCases)
    {
        await using var writes = new WriteBatch(db, tx);
        await InsertDispatchesAsync(writes, newCases.SelectMany(c => c.Dispatches).ToList());
        await InsertRowsAsync(writes, "case_policies", newCases,
            ("case_id", c => c.Case.CaseId), ("policy_json", c => c.PolicyJson), ("updated_at", c => c.Case.UpdatedAt));
        await InsertTimelineRowsAsync(writes, newCases.SelectMany(c => c.Timeline.Select(e => (c.Case.CaseId, e))).ToList());
        await InsertOutboxRowsAsync(writes, newCases.SelectMany(c => c.Outbox).ToList());
        await InsertCallbackRowsAsync(writes, newCases.SelectMany(c => c.Callbacks).ToList());
        await writes.FlushAsync();
    }

    private const string InsertCallbackSql = """
        INSERT INTO portal_callbacks (event_id, case_id, portal, event, payload, status, created_at, attempts)
        VALUES (@EventId, @CaseId, @Portal, @Event, @Payload, @StatusName, @CreatedAt, 0)
        """;

    private const string InsertOutboxSql = """
        INSERT INTO outbox (message_id, message_type, payload, created_at) VALUES (@MessageId, @MessageType, @Payload, @CreatedAt)
        """;

    private async Task AddCallbackAsync(DbConnection db, DbTransaction tx, CaseRow @case, DispatchRow? dispatch,
        string @event, long at, string? detail)
    {
        var (callback, message) = PortalCallbacks.Create(CallbackTargets, @case, dispatch, @event, at, detail);
        await db.ExecuteAsync(InsertCallbackSql, callback, tx);
        if (message is not null) await db.ExecuteAsync(InsertOutboxSql, message, tx);
    }

    private static Task InsertTimelineAsync(DbConnection db, DbTransaction tx, string caseId, TimelineEntry entry) =>
        db.ExecuteAsync("""
            INSERT INTO timeline (case_id, at, type, actor, detail, dispatch_id)
            VALUES (@caseId, @At, @Type, @Actor, @Detail, @DispatchId)
            """, new { caseId, entry.At, Type = entry.TypeName, entry.Actor, Detail = PersonalDataMask.FreeTextOrNull(entry.Detail), entry.DispatchId }, tx);

    public async Task<CaseRow?> GetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return Opened(await db.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId", new { caseId }, cancellationToken: cancellationToken)));
    }

    public async Task<IReadOnlyList<DispatchRow>> GetDispatchesAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return (await db.QueryAsync<DispatchRow>(new CommandDefinition(
            $"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @caseId ORDER BY ordinal",
            new { caseId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<TimelineRow>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return (await db.QueryAsync<TimelineRow>(new CommandDefinition("""
            SELECT id AS Id, case_id AS CaseId, at AS At, type AS TypeName, actor AS Actor, detail AS Detail, dispatch_id AS DispatchId
            FROM timeline WHERE case_id = @caseId ORDER BY id
            """, new { caseId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<CaseListPage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.Region is not null) where.Add("c.region = @Region");
        if (query.Status is not null) where.Add("c.status = @Status");
        if (query.From is not null) where.Add("c.accepted_at >= @From");
        if (query.To is not null) where.Add("c.accepted_at < @To");
        if (query.Overdue is true) where.Add($"EXISTS ({OverdueOf})");
        if (query.Overdue is false) where.Add($"NOT EXISTS ({OverdueOf})");
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var args = new DynamicParameters(query);
        args.Add("Status", query.Status is { } status ? WireName.Of(status) : null);
        args.Add("Limit", query.PageSize);
        args.Add("Offset", (long)(query.Page - 1) * query.PageSize);

        await using var db = await OpenReadAsync(cancellationToken);
        var total = await db.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM cases c {filter}", args, cancellationToken: cancellationToken));
        var items = await db.QueryAsync<CaseSummaryRow>(new CommandDefinition($"""
            SELECT c.case_id AS CaseId, c.region AS Region, c.zone AS Zone, c.portal AS Portal,
                   c.portal_application_no AS PortalApplicationNo, c.status AS StatusName, c.accepted_at AS AcceptedAt,
                   (SELECT COUNT(*) FROM dispatches d WHERE d.case_id = c.case_id) AS Dispatches,
                   (SELECT COUNT(*) FROM dispatches d WHERE d.case_id = c.case_id AND d.overdue = 1)
                   + (SELECT COUNT(*) FROM clocks k WHERE k.case_id = c.case_id AND k.overdue = 1) AS OverdueDispatches
            FROM cases c {filter}
            ORDER BY c.accepted_at DESC, c.case_id
            LIMIT @Limit OFFSET @Offset
            """, args, cancellationToken: cancellationToken));
        return new CaseListPage(items.AsList(), (int)total);
    }

    public async Task<IReadOnlyList<OutboxRow>> ClaimOutboxAsync(string instanceId, int max, long now, long leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // A lease, not a lock held while publishing: a crashed instance's claim expires, or is taken over once it stops beating.
        var rows = (await db.QueryAsync<OutboxRow>(new CommandDefinition($"""
            UPDATE outbox SET claimed_by = @instanceId, claimed_until = @leaseUntil
            WHERE message_id IN (
                SELECT message_id FROM outbox
                WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < @now OR {HolderIsDead("claimed_by")})
                ORDER BY created_at, message_id
                LIMIT @max {dialect.SkipLocked})
            RETURNING message_id AS MessageId, message_type AS MessageType, payload AS Payload, created_at AS CreatedAt
            """, WithHolder(new { instanceId, leaseUntil, now, max }), tx, cancellationToken: cancellationToken))).AsList();
        await tx.CommitAsync(cancellationToken);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.MessageId, StringComparer.Ordinal).ToList();
    }

    public async Task MarkOutboxPublishedAsync(string messageId, long at, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET published_at = @at WHERE message_id = @messageId", new { messageId, at }, cancellationToken: cancellationToken));
    }

    public async Task<DispatchRow?> GetDispatchAsync(string dispatchId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.QuerySingleOrDefaultAsync<DispatchRow>(new CommandDefinition(
            $"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId", new { dispatchId }, cancellationToken: cancellationToken));
    }

    public async Task<DispatchTake?> TakeDispatchAsync(string dispatchId, long at, long leaseUntil, CancellationToken cancellationToken) =>
        (await TakeDispatchesAsync([dispatchId], at, leaseUntil, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<DispatchTake>> TakeDispatchesAsync(IReadOnlyList<string> dispatchIds, long at, long leaseUntil,
        CancellationToken cancellationToken)
    {
        // One statement takes the dispatches and reads what their work orders are built from. A dispatch being sent right now
        // (SENT, lease running) is left to that sender: a duplicate delivery of its message must not send it twice, unless
        // that sender is dead (stopped beating). A FAILED one waits for an operator's replay (which makes it PENDING): a
        // stale duplicate of its message must not send it behind their back. No timeline line yet: the send's DISPATCH_SENT
        // line is written with its outcome (RecordAcknowledgementAsync, RecordDispatchFailureAsync).
        var ids = dispatchIds.Distinct().ToList();
        List<(DispatchRow Dispatch, TakenCase? Case)> taken;
        await using (var db = await OpenAsync(cancellationToken))
            taken = (await db.QueryAsync<DispatchRow, TakenCase, (DispatchRow, TakenCase?)>(new CommandDefinition(TakeSql,
                WithHolder(new { ids = dialect.List(ids), at, leaseUntil }), cancellationToken: cancellationToken),
                (dispatch, @case) => (dispatch, @case), splitOn: "Region")).ToList();
        // Opened once the connection is given back (on SQLite, off the store's gate). Dapper maps the case part to null
        // when all its columns are (an intent's notice has no case row: the sender reads the intent).
        return taken.ConvertAll(t => new DispatchTake(t.Dispatch,
            Opened(new CaseRow { CaseId = t.Dispatch.CaseId, Region = t.Case?.Region ?? "", Zone = t.Case?.Zone, ApplicationJson = t.Case?.ApplicationJson ?? "" })!,
            t.Case?.PolicyJson,
            (t.Case?.WorkOrders ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1])).ToList()));
    }

    /// <summary>
    /// The take's statement: the dispatches it takes, each with its case's region, zone, application and policy and the
    /// case's work orders (<c>service:counterpart</c>, comma-separated). On PostgreSQL the taken rows are joined to their case
    /// once, and each case's work orders are read once however many of its dispatches the take holds (a subquery per taken
    /// row read them once per row: n² rows for n dispatches of a case); SQLite has no UPDATE inside a WITH, so there each
    /// value is a subquery of its own (a lookup of the case each).
    /// The work orders are read from the statement's snapshot, before the update: which services a case has does not change.
    /// (<c>taken.caseid</c>: PostgreSQL folds the unquoted alias <c>CaseId</c> to lower case.)
    /// </summary>
    private string TakeSql => _takeSql ??= dialect == SqlDialect.Postgres ? $"""
        WITH taken AS (
            {TakeUpdate} RETURNING {DispatchColumns}),
        orders AS (
            SELECT o.case_id, {WorkOrderList} AS work_orders FROM dispatches o
            WHERE o.case_id IN (SELECT caseid FROM taken) AND {IsWorkOrder}
            GROUP BY o.case_id)
        SELECT taken.*, c.region AS Region, c.zone AS Zone, c.application_json AS ApplicationJson, p.policy_json AS PolicyJson,
            orders.work_orders AS WorkOrders
        FROM taken LEFT JOIN cases c ON c.case_id = taken.caseid LEFT JOIN case_policies p ON p.case_id = taken.caseid
            LEFT JOIN orders ON orders.case_id = taken.caseid
        """ : $"""
        {TakeUpdate}
        RETURNING {DispatchColumns},
            (SELECT c.region FROM cases c WHERE c.case_id = dispatches.case_id) AS Region,
            (SELECT c.zone FROM cases c WHERE c.case_id = dispatches.case_id) AS Zone,
            (SELECT c.application_json FROM cases c WHERE c.case_id = dispatches.case_id) AS ApplicationJson,
            (SELECT p.policy_json FROM case_policies p WHERE p.case_id = dispatches.case_id) AS PolicyJson,
            ({WorkOrdersOf("dispatches.case_id")}) AS WorkOrders
        """;

    private string? _takeSql;

    private string TakeUpdate => $"""
        UPDATE dispatches SET status = {Q(DispatchStatus.Sent)}, sent_at = @at, attempts = attempts + 1, lease_until = @leaseUntil, lease_holder = @self
        WHERE {dialect.InList("dispatch_id", "ids")}
          AND ({dialect.NoIndex("status")} IN {In(DeliveryRules.Sendable)} OR ({dialect.NoIndex("status")} = {Q(DispatchStatus.Sent)} AND (lease_until < @at OR {HolderIsDead("lease_holder")})))
        """;

    private string WorkOrdersOf(string caseId) => $"""
        SELECT {WorkOrderList} FROM dispatches o
        WHERE o.case_id = {caseId} AND {IsWorkOrder}
        """;

    /// <summary>A case's work orders as the take returns them (<c>service:counterpart</c>, comma-separated), over dispatches <c>o</c>.</summary>
    private string WorkOrderList => dialect.StringAgg("o.service || ':' || o.counterpart_id");

    /// <summary>Which dispatches <c>o</c> are work orders.</summary>
    private static string IsWorkOrder => $"o.kind = {Q(DispatchKind.WorkOrder)} AND o.service IS NOT NULL";

    /// <summary>The case's part of a take (<see cref="TakeDispatchAsync"/>).</summary>
    private sealed class TakenCase
    {
        public string Region { get; set; } = "";
        public string? Zone { get; set; }
        public string? ApplicationJson { get; set; }
        public string? PolicyJson { get; set; }
        public string? WorkOrders { get; set; }
    }

    public async Task ReleaseDispatchLeaseAsync(string dispatchId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE dispatches SET lease_until = 0 WHERE dispatch_id = @dispatchId AND status = {Q(DispatchStatus.Sent)} AND (lease_holder IS NULL OR lease_holder = @self)",
            WithHolder(new { dispatchId }), cancellationToken: cancellationToken));
    }

    public async Task RecordAcknowledgementAsync(DispatchSending sending, string orderNo, long at, string actor, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // Lock the case first (the order every case change follows): two last receipts arriving together are then
        // applied one after the other, and the later one sees the earlier when it checks whether all are in.
        if (IntentRow.IsIntentId(sending.CaseId))
            await AcknowledgeIntentNoticeAsync(db, tx, sending.CaseId, sending.DispatchId, orderNo, actor, at);
        else if ((await LockAndReadCaseForDeliveryAsync(db, tx, sending.CaseId)) is var (@case, dispatches)
                 && dispatches.FirstOrDefault(d => d.DispatchId == sending.DispatchId) is { } subject)
        {
            await ApplyEffectsAsync(db, tx, @case!, dispatches, Acknowledged(@case!, dispatches, subject, new Acknowledgement(sending, orderNo, at, actor)), at);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Acknowledgement>> RecordAcknowledgementsAsync(IReadOnlyList<Acknowledgement> acknowledgements,
        CancellationToken cancellationToken)
    {
        // A case's acknowledgements are decided in turn from one snapshot (DeliveryRules.AcknowledgeInTurn): a second one sees
        // the first's effects, as one by one. An intent's notice settles through its own path.
        var left = new List<Acknowledgement>();
        var byCase = new Dictionary<string, List<Acknowledgement>>();
        foreach (var ack in acknowledgements)
            if (IntentRow.IsIntentId(ack.Sending.CaseId)) left.Add(ack);
            else if (byCase.TryGetValue(ack.Sending.CaseId, out var ofCase)) ofCase.Add(ack);
            else byCase[ack.Sending.CaseId] = [ack];
        if (byCase.Count == 0) return left;

        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // The batch's case locks without waiting (SKIP LOCKED): a case held by another transaction (a department's decision,
        // another instance's batch) is left to the one-by-one path, so a batch never waits and never deadlocks. Then, as in
        // LockAndReadCaseForDeliveryAsync, the dispatches in a second statement whose snapshot is taken after the locks.
        var caseIds = byCase.Keys.Order(StringComparer.Ordinal).ToList();
        var locked = (await db.QueryAsync<CaseRow>(
            $"SELECT {DeliveryCaseColumns} FROM cases WHERE {dialect.InList("case_id", "caseIds")} ORDER BY case_id {dialect.SkipLocked}",
            new { caseIds = dialect.List(caseIds) }, tx)).ToList();
        var lockedIds = locked.Select(c => c.CaseId).ToList();
        if (lockedIds.Count == 0) return [.. acknowledgements];
        var dispatches = (await db.QueryAsync<DispatchRow>(
            $"SELECT {AcknowledgementDispatchColumns} FROM dispatches WHERE {dialect.InList("case_id", "lockedIds")} ORDER BY case_id, ordinal",
            new { lockedIds = dialect.List(lockedIds) }, tx)).ToLookup(d => d.CaseId);
        var changes = new List<CaseChange>(acknowledgements.Count);
        foreach (var @case in locked)
        {
            var acks = byCase[@case.CaseId];
            var decided = DeliveryRules.AcknowledgeInTurn(@case, dispatches[@case.CaseId].ToList(),
                acks.ConvertAll(a => (a.Sending.DispatchId, a.OrderNo, a.Actor, a.At)));
            for (var i = 0; i < acks.Count; i++)
                if (decided[i] is { } turn)
                    changes.Add(new CaseChange(turn.Case, turn.Dispatches, WithSending(turn.Effects, acks[i].Sending), acks[i].At));
        }
        await ApplyEffectsAsync(db, tx, changes);
        await tx.CommitAsync(cancellationToken);
        var lockedSet = lockedIds.ToHashSet();
        left.AddRange(byCase.Values.SelectMany(a => a).Where(a => !lockedSet.Contains(a.Sending.CaseId)));
        return left;
    }

    /// <summary>
    /// The dispatch columns a batch of acknowledgements reads (a case's every dispatch, for each case in the batch): those
    /// <see cref="DeliveryRules.Acknowledge"/> decides from and its receipt callback names (10 of the 27), not the deadline's
    /// and the lease's: reading the rows was the batch's largest cost (docs/performance.md, twelfth round).
    /// </summary>
    private const string AcknowledgementDispatchColumns = """
        dispatch_id AS DispatchId, case_id AS CaseId, ordinal AS Ordinal, counterpart_id AS CounterpartId, kind AS KindName,
        service AS Service, status AS StatusName, external_ref AS ExternalRef, last_error AS LastError, progress AS Progress
        """;

    /// <summary>What the rules decide for one acknowledgement, its send's DISPATCH_SENT line first (written with its outcome).</summary>
    private static CaseEffects Acknowledged(CaseRow @case, IReadOnlyList<DispatchRow> dispatches, DispatchRow subject, Acknowledgement ack) =>
        WithSending(DeliveryRules.Acknowledge(@case, dispatches, subject, ack.OrderNo, ack.Actor, ack.At), ack.Sending);

    /// <summary>The acknowledged send's DISPATCH_SENT line put first in <paramref name="effects"/>' timeline.</summary>
    private static CaseEffects WithSending(CaseEffects effects, DispatchSending sending)
    {
        effects.Timeline.Insert(0, DeliveryRules.Sending(sending.DispatchId, sending.CounterpartId, sending.Attempts, sending.SentAt));
        return effects;
    }

    public async Task RecordDispatchFailureAsync(FailedMessage failure, CancellationToken cancellationToken)
    {
        // A counterpart's error text is free text from outside: masked before it is stored (and so wherever it is shown).
        failure = failure with
        {
            Error = PersonalDataMask.FreeText(failure.Error),
            Attempts = failure.Attempts.Select(a => a with { Error = PersonalDataMask.FreeText(a.Error) }).ToList(),
        };
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        await db.ExecuteAsync($"""
            UPDATE dispatches SET status = {Q(DispatchStatus.Failed)}, last_error = @Error
            WHERE dispatch_id = @DispatchId AND status IN {In(DeliveryRules.Failable)}
            """, failure, tx);
        var timeline = new List<TimelineEntry>();
        if (failure.Sending is { } sending) timeline.Add(DeliveryRules.Sending(sending.DispatchId, sending.CounterpartId, sending.Attempts, sending.SentAt));
        timeline.Add(DeliveryRules.Failed(failure.DispatchId, failure.CounterpartId, failure.Reason, failure.FailedAt));
        await InsertTimelineRowsAsync(db, tx, failure.CaseId, timeline);
        // One row per dispatch (its id is the dispatch id): a later failure, e.g. after a replay, adds its attempts
        // and makes the row PENDING again.
        await db.ExecuteAsync($"""
            INSERT INTO failed_messages (id, message_type, counterpart_id, case_id, dispatch_id, first_failed_at, last_failed_at,
                                         attempts, reason, last_error, status, payload, request_headers, request_body)
            VALUES (@DispatchId, @MessageType, @CounterpartId, @CaseId, @DispatchId, @FailedAt, @FailedAt,
                    @AttemptCount, @Reason, @Error, {Q(FailedMessageStatus.Pending)}, @Payload, @RequestHeaders, @RequestBody)
            ON CONFLICT (id) DO UPDATE SET last_failed_at = excluded.last_failed_at,
                attempts = failed_messages.attempts + excluded.attempts, reason = excluded.reason,
                last_error = excluded.last_error, status = {Q(FailedMessageStatus.Pending)}, request_headers = excluded.request_headers,
                request_body = excluded.request_body
            """, new
            {
                failure.DispatchId, failure.MessageType, failure.CounterpartId, failure.CaseId, failure.FailedAt,
                AttemptCount = Math.Max(1, failure.Attempts.Count), failure.Reason, failure.Error, failure.Payload,
                failure.RequestHeaders, RequestBody = SealedBody(failure.DispatchId, failure.RequestBody),
            }, tx);
        var attempts = failure.Attempts.Count > 0 ? failure.Attempts : [new AttemptRecord(failure.FailedAt, failure.Error)];
        await db.ExecuteAsync("INSERT INTO failed_attempts (failed_message_id, at, error) VALUES (@id, @At, @Error)",
            attempts.Select(a => new { id = failure.DispatchId, a.At, a.Error }), tx);
        await tx.CommitAsync(cancellationToken);
    }

    private const string FailedColumns = """
        id AS Id, message_type AS MessageType, counterpart_id AS CounterpartId, case_id AS CaseId, dispatch_id AS DispatchId,
        first_failed_at AS FirstFailedAt, last_failed_at AS LastFailedAt, attempts AS Attempts, reason AS Reason,
        last_error AS LastError, status AS StatusName, payload AS Payload, request_headers AS RequestHeaders,
        request_body AS RequestBody, replayed_by AS ReplayedBy, replayed_at AS ReplayedAt, discarded_by AS DiscardedBy,
        discarded_at AS DiscardedAt, discard_reason AS DiscardReason
        """;

    public async Task<(IReadOnlyList<FailedMessageRow> Items, int Total)> ListFailedAsync(FailedQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.CounterpartId is not null) where.Add("counterpart_id = @CounterpartId");
        if (query.Reason is not null) where.Add("reason = @Reason");
        if (query.Status is not null) where.Add("status = @Status");
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var args = new DynamicParameters(query);
        args.Add("Status", query.Status is { } status ? WireName.Of(status) : null);
        args.Add("Limit", query.PageSize);
        args.Add("Offset", (long)(query.Page - 1) * query.PageSize);
        await using var db = await OpenAsync(cancellationToken);
        var total = await db.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM failed_messages {filter}", args, cancellationToken: cancellationToken));
        var items = await db.QueryAsync<FailedMessageRow>(new CommandDefinition(
            $"SELECT {FailedColumns} FROM failed_messages {filter} ORDER BY last_failed_at DESC, id LIMIT @Limit OFFSET @Offset",
            args, cancellationToken: cancellationToken));
        return (items.Select(i => Opened(i)!).ToList(), (int)total);
    }

    public async Task<IReadOnlyList<FailedGroupRow>> GroupFailedAsync(FailedMessageStatus status, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync<FailedGroupRow>(new CommandDefinition("""
            SELECT counterpart_id AS CounterpartId, reason AS Reason, COUNT(*) AS Count,
                   MIN(first_failed_at) AS Oldest, MAX(last_failed_at) AS Newest
            FROM failed_messages WHERE status = @status
            GROUP BY counterpart_id, reason ORDER BY COUNT(*) DESC, counterpart_id, reason
            """, new { status = WireName.Of(status) }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<(FailedMessageRow Row, IReadOnlyList<AttemptRecord> Attempts)?> GetFailedAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var row = Opened(await db.QuerySingleOrDefaultAsync<FailedMessageRow>(new CommandDefinition(
            $"SELECT {FailedColumns} FROM failed_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken)));
        if (row is null) return null;
        var attempts = await db.QueryAsync<(long At, string Error)>(new CommandDefinition(
            "SELECT at, error FROM failed_attempts WHERE failed_message_id = @id ORDER BY id", new { id }, cancellationToken: cancellationToken));
        return (row, attempts.Select(a => new AttemptRecord(a.At, a.Error)).ToList());
    }

    public async Task<IReadOnlyList<string>> ReplayFailedAsync(ReplaySelection selection, string operatorName, long now, long leaseUntil,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"status = {Q(FailedMessageStatus.Pending)}" };
        if (selection.Ids is not null) where.Add(dialect.InList("id", "Ids"));
        if (selection.CounterpartId is not null) where.Add("counterpart_id = @CounterpartId");
        if (selection.Reason is not null) where.Add("reason = @Reason");
        var args = new DynamicParameters(new { selection.CounterpartId, selection.Reason, operatorName, now });
        if (selection.Ids is not null) args.Add("Ids", dialect.List(selection.Ids));

        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // Marking the rows REPLAYING and writing their outbox messages is one transaction: a restart half-way
        // leaves either nothing or everything queued, and a second replay finds no PENDING row to take again.
        var taken = (await db.QueryAsync<string>(new CommandDefinition($"""
            UPDATE failed_messages SET status = {Q(FailedMessageStatus.Replaying)}, replayed_by = @operatorName, replayed_at = @now
            WHERE {string.Join(" AND ", where)}
            RETURNING dispatch_id
            """, args, tx, cancellationToken: cancellationToken))).AsList();
        foreach (var dispatchId in taken)
        {
            await db.ExecuteAsync($"""
                UPDATE dispatches SET status = {Q(DispatchStatus.Pending)}, lease_until = @leaseUntil
                WHERE dispatch_id = @dispatchId AND status = {Q(DispatchStatus.Failed)}
                """, new { dispatchId, leaseUntil }, tx);
            var dispatch = await db.QuerySingleAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId", new { dispatchId }, tx);
            await db.ExecuteAsync("""
                INSERT INTO outbox (message_id, message_type, payload, created_at) VALUES (@MessageId, @MessageType, @Payload, @CreatedAt)
                """, message(dispatch), tx);
            await InsertTimelineAsync(db, tx, dispatch.CaseId, DeliveryRules.Replayed(dispatch, operatorName, now));
        }
        await tx.CommitAsync(cancellationToken);
        return taken;
    }

    public async Task<bool> DiscardFailedAsync(string id, string reason, string operatorName, long now, CancellationToken cancellationToken)
    {
        reason = PersonalDataMask.FreeText(reason);
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var caseAndDispatch = await db.QuerySingleOrDefaultAsync<(string CaseId, string DispatchId)>($"""
            UPDATE failed_messages SET status = {Q(FailedMessageStatus.Discarded)}, discarded_by = @operatorName, discarded_at = @now, discard_reason = @reason
            WHERE id = @id AND status = {Q(FailedMessageStatus.Pending)}
            RETURNING case_id, dispatch_id
            """, new { id, reason, operatorName, now }, tx);
        if (caseAndDispatch == default)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }
        await InsertTimelineAsync(db, tx, caseAndDispatch.CaseId, DeliveryRules.Discarded(caseAndDispatch.DispatchId, operatorName, reason, now));
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DispatchRow>> RequeueStalledDispatchesAsync(long now, long leaseUntil, int max,
        Func<DispatchRow, OutboxRow> message, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var stalled = (await db.QueryAsync<DispatchRow>(new CommandDefinition($"""
            UPDATE dispatches SET status = {Q(DispatchStatus.Pending)}, lease_until = @leaseUntil, lease_holder = NULL
            WHERE dispatch_id IN (
                SELECT dispatch_id FROM dispatches
                WHERE requeueable AND ((status IN {In(DeliveryRules.Requeueable)} AND lease_until < @now) OR (status = {Q(DispatchStatus.Sent)} AND {HolderIsDead("lease_holder")}))
                ORDER BY lease_until
                LIMIT @max {dialect.SkipLocked})
            RETURNING {DispatchColumns}
            """, WithHolder(new { now, leaseUntil, max }), tx, cancellationToken: cancellationToken))).AsList();
        var requeued = new List<DispatchRow>();
        foreach (var dispatch in stalled)
            if (await IsolatedAsync(db, tx, ParkedRowKind.Dispatch, dispatch.DispatchId, dispatch.CaseId, now, async () =>
                {
                    var row = message(dispatch);
                    await db.ExecuteAsync("""
                        INSERT INTO outbox (message_id, message_type, payload, created_at) VALUES (@MessageId, @MessageType, @Payload, @CreatedAt)
                        """, row, tx);
                    await InsertTimelineAsync(db, tx, dispatch.CaseId, DeliveryRules.Requeued(dispatch, now));
                }))
                requeued.Add(dispatch);
        await tx.CommitAsync(cancellationToken);
        return requeued;
    }

    /// <summary>
    /// Dispatches still owing their step: a receipt is not the step itself, so the deadline runs until the counterpart
    /// reports what the step asks (met_at: accepted the work order, answered the question, connected) or is settled.
    /// </summary>
    private static readonly string OpenDispatch = $"met_at IS NULL AND status IN {In(DeliveryRules.Open)}";

    public async Task<IReadOnlyList<DispatchRow>> RaiseDeadlineWarningsAsync(long now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        // warned_at is set in the same statement that selects the row: however many sweepers run, one warning.
        var rows = (await db.QueryAsync<DispatchRow>(new CommandDefinition($"""
            UPDATE dispatches SET warned_at = @now
            WHERE dispatch_id IN (
                SELECT dispatch_id FROM dispatches
                WHERE warned_at IS NULL AND warn_at <= @now AND {OpenDispatch}
                ORDER BY warn_at LIMIT @max {dialect.SkipLocked})
            RETURNING {DispatchColumns}
            """, new { now, max }, tx, cancellationToken: cancellationToken))).AsList();
        var warned = new List<DispatchRow>();
        foreach (var d in rows)
            if (await IsolatedAsync(db, tx, ParkedRowKind.Dispatch, d.DispatchId, d.CaseId, now,
                    () => InsertTimelineAsync(db, tx, d.CaseId, DeliveryRules.DeadlineWarning(d, now))))
                warned.Add(d);
        await tx.CommitAsync(cancellationToken);
        return warned;
    }

    public async Task<IReadOnlyList<DispatchRow>> RaiseMissedDeadlinesAsync(long now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var rows = (await db.QueryAsync<DispatchRow>(new CommandDefinition($"""
            UPDATE dispatches SET missed_at = @now, overdue = 1
            WHERE dispatch_id IN (
                SELECT dispatch_id FROM dispatches
                WHERE missed_at IS NULL AND due_at <= @now AND {OpenDispatch}
                ORDER BY due_at LIMIT @max {dialect.SkipLocked})
            RETURNING {DispatchColumns}
            """, new { now, max }, tx, cancellationToken: cancellationToken))).AsList();
        var missed = new List<DispatchRow>();
        foreach (var d in rows)
            // One row that cannot be processed is parked (missed_at stays set, so it is not taken again) and the sweep goes on.
            if (await IsolatedAsync(db, tx, ParkedRowKind.Dispatch, d.DispatchId, d.CaseId, now, async () =>
                {
                    var caseId = d.CaseId;
                    var @case = Opened(await db.QuerySingleAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId", new { caseId }, tx))!;
                    if (@case.Unreadable is { } problem) // the miss needs no personal data; the case is shown to operators
                        await ParkAsync(db, tx, new ParkedRow { Kind = ParkedRowKind.Case, RowId = caseId, CaseId = caseId, Reason = UnreadableData, Detail = problem, ParkedAt = now });
                    var (entry, callbackEvent, detail) = DeliveryRules.DeadlineMissed(d, now);
                    await InsertTimelineAsync(db, tx, caseId, entry);
                    await AddCallbackAsync(db, tx, @case, d, callbackEvent, now, detail);
                }))
                missed.Add(d);
        await tx.CommitAsync(cancellationToken);
        return missed;
    }

    public async Task<IReadOnlyList<(DispatchRow Dispatch, string Region)>> GetProvisionalDispatchesAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var rows = await db.QueryAsync<DispatchRow, string, (DispatchRow, string)>(new CommandDefinition($"""
            SELECT {DispatchColumns}, (SELECT c.region FROM cases c WHERE c.case_id = d.case_id) AS Region
            FROM dispatches d WHERE due_provisional = 1
            """, cancellationToken: cancellationToken), (d, region) => (d, region), splitOn: "Region");
        return rows.AsList();
    }

    public async Task UpdateDueAsync(string dispatchId, long dueAt, bool provisional, long warnAt, long now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var caseId = await db.ExecuteScalarAsync<string>(
            "UPDATE dispatches SET due_at = @dueAt, due_provisional = @flag, warn_at = @warnAt WHERE dispatch_id = @dispatchId RETURNING case_id",
            new { dispatchId, dueAt, flag = Flag(provisional), warnAt }, tx);
        if (caseId is not null)
            await InsertTimelineAsync(db, tx, caseId, DeliveryRules.DueRecomputed(dispatchId, dueAt, provisional, now));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<PortalCallbackRow?> GetPortalCallbackAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.QuerySingleOrDefaultAsync<PortalCallbackRow>(new CommandDefinition("""
            SELECT event_id AS EventId, case_id AS CaseId, portal AS Portal, event AS Event, payload AS Payload, status AS StatusName,
                   created_at AS CreatedAt, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError
            FROM portal_callbacks WHERE event_id = @eventId
            """, new { eventId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PortalCallbackRow>> GetPortalCallbacksAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync<PortalCallbackRow>(new CommandDefinition("""
            SELECT event_id AS EventId, case_id AS CaseId, portal AS Portal, event AS Event, payload AS Payload, status AS StatusName,
                   created_at AS CreatedAt, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError
            FROM portal_callbacks WHERE case_id = @caseId ORDER BY created_at, event_id
            """, new { caseId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task MarkPortalCallbackAsync(string eventId, CallbackStatus status, long at, string? error, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE portal_callbacks SET status = @status, attempts = attempts + 1, last_error = @error,
                   sent_at = CASE WHEN @status = {Q(CallbackStatus.Sent)} THEN @at ELSE sent_at END
            WHERE event_id = @eventId AND status NOT IN {In(CallbackStatus.Sent, CallbackStatus.Recorded)}
            """, new { eventId, status = WireName.Of(status), at, error = PersonalDataMask.FreeTextOrNull(error) }, cancellationToken: cancellationToken));
    }

    public async Task<int> RequeueFailedPortalCallbacksAsync(long olderThan, long now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var rows = (await db.QueryAsync<(string EventId, string Portal)>(new CommandDefinition($"""
            UPDATE portal_callbacks SET status = {Q(CallbackStatus.Pending)}
            WHERE event_id IN (SELECT event_id FROM portal_callbacks WHERE status = {Q(CallbackStatus.Failed)} AND created_at < @olderThan
                                 AND event_id NOT IN (SELECT row_id FROM parked_rows WHERE kind = {Q(ParkedRowKind.PortalCallback)})
                               ORDER BY created_at LIMIT 100 {dialect.SkipLocked})
            RETURNING event_id, portal
            """, new { olderThan }, tx, cancellationToken: cancellationToken))).AsList();
        foreach (var (eventId, portal) in rows)
            await db.ExecuteAsync(InsertOutboxSql, new OutboxRow
            {
                MessageId = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now)).ToString(),
                MessageType = nameof(Contracts.Messages.NotifyPortal),
                Payload = System.Text.Json.JsonSerializer.Serialize(new Contracts.Messages.NotifyPortal(eventId, portal), Contracts.Json.GatewayJson.Options),
                CreatedAt = now,
            }, tx);
        await tx.CommitAsync(cancellationToken);
        return rows.Count;
    }

    public async Task<IReadOnlyList<CounterpartLoad>> CounterpartLoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        return (await db.QueryAsync<CounterpartLoad>(new CommandDefinition($"""
            SELECT counterpart_id AS CounterpartId,
                   SUM(CASE WHEN status IN {In(DispatchStatus.Pending, DispatchStatus.Sent)} THEN 1 ELSE 0 END) AS Pending,
                   SUM(CASE WHEN status = {Q(DispatchStatus.Failed)} THEN 1 ELSE 0 END) AS Failed
            FROM dispatches GROUP BY counterpart_id
            """, cancellationToken: cancellationToken))).AsList();
    }
}
