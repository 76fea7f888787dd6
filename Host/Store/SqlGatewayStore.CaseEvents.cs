using System.Data.Common;
using System.Text.Json;
using Dapper;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using static Gateway.Store.StoreNames;
using Gateway.Adapters.Http;
using Gateway.Application.Cases;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;

using Gateway.Application.Outbox;
using Gateway.Application.Callbacks;

namespace Gateway.Store;

/// <summary>
/// Counterpart events (progress, decisions) and ratings: the event id is claimed in the inbox table, the case is locked,
/// the rules decide from a snapshot, and every effect lands in the same transaction — or nothing does.
/// </summary>
public sealed partial class SqlGatewayStore
{
    private async Task InsertDispatchesAsync(DbConnection db, DbTransaction tx, IReadOnlyList<DispatchRow> dispatches)
    {
        await using var writes = new WriteBatch(db, tx);
        await InsertDispatchesAsync(writes, dispatches);
        await writes.FlushAsync();
    }

    private Task InsertDispatchesAsync(WriteBatch writes, IReadOnlyList<DispatchRow> dispatches) =>
        InsertRowsAsync(writes, "dispatches", dispatches,
            ("dispatch_id", d => d.DispatchId), ("case_id", d => d.CaseId), ("ordinal", d => d.Ordinal), ("counterpart_id", d => d.CounterpartId),
            ("kind", d => d.KindName), ("service", d => d.Service), ("sla_step", d => d.SlaStep), ("status", d => d.StatusName),
            ("external_ref", d => d.ExternalRef), ("created_at", d => d.CreatedAt), ("sent_at", d => d.SentAt), ("acknowledged_at", d => d.AcknowledgedAt),
            ("due_at", d => d.DueAt), ("due_provisional", d => Flag(d.DueProvisional)), ("overdue", d => Flag(d.Overdue)), ("attempts", d => d.Attempts),
            ("last_error", d => d.LastError), ("lease_until", d => d.LeaseUntil), ("due_from", d => d.DueFrom), ("sla_half_days", d => d.SlaHalfDays),
            ("warn_at", d => d.WarnAt), ("question", d => d.Question), ("related_dispatch_id", d => d.RelatedDispatchId));

    public async Task<(CasePolicyDocument Policy, CaseRating? Rating)?> GetCasePolicyAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<(string PolicyJson, string? RatingJson)>(new CommandDefinition(
            "SELECT policy_json, rating_json FROM case_policies WHERE case_id = @caseId", new { caseId }, cancellationToken: cancellationToken));
        if (row == default) return null;
        return (Policy(row.PolicyJson), Rating(row.RatingJson));
    }

    private static CasePolicyDocument Policy(string json) => JsonSerializer.Deserialize<CasePolicyDocument>(json, GatewayJson.Options)!;
    private static CaseRating? Rating(string? json) => json is null ? null : JsonSerializer.Deserialize<CaseRating>(json, GatewayJson.Options);

    public async Task<CaseEventOutcome> ApplyCaseEventAsync(string counterpartId, string eventId, string dispatchId, long now,
        Func<CaseSnapshot, CaseEffects> rules, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var (claim, subject) = await ClaimCounterpartEventAsync(db, tx, counterpartId, eventId, dispatchId, now);
        if (claim != CaseEventResult.Applied) return new CaseEventOutcome(claim, CaseId: subject?.CaseId);

        var caseId = subject!.CaseId;
        var (@case, dispatches) = await LockAndReadCaseAsync(db, tx, caseId);
        var policy = await ReadPolicyAsync(db, tx, caseId);
        subject = dispatches.Single(d => d.DispatchId == dispatchId);

        var effects = rules(new CaseSnapshot(@case, policy, dispatches, subject, now, await ReadClocksAsync(db, tx, caseId),
            await ReadBookingForAsync(db, tx, subject)));
        return await CommitOrRefuseAsync(db, tx, @case, dispatches, effects, now, cancellationToken);
    }

    /// <summary>The rules' answer, in the caller's transaction: a refusal rolls back and changes nothing; else every effect is written and committed.</summary>
    private async Task<CaseEventOutcome> CommitOrRefuseAsync(DbConnection db, DbTransaction tx, CaseRow @case, IReadOnlyList<DispatchRow> dispatches,
        CaseEffects effects, long now, CancellationToken cancellationToken)
    {
        if (effects.Refusal is not null)
        {
            await tx.RollbackAsync(cancellationToken);
            return new CaseEventOutcome(CaseEventResult.Refused, effects.Refusal, @case.CaseId);
        }
        await ApplyEffectsAsync(db, tx, @case, dispatches, effects, now);
        await tx.CommitAsync(cancellationToken);
        return new CaseEventOutcome(CaseEventResult.Applied, CaseId: @case.CaseId);
    }

    /// <summary>
    /// A counterpart's event about one of its dispatches, claimed in the inbox (<c>inbound_events</c>): Applied with the
    /// dispatch when this event id is new, else why not (unknown dispatch, another counterpart's, a repeat).
    /// </summary>
    private static async Task<(CaseEventResult Result, DispatchRow? Subject)> ClaimCounterpartEventAsync(DbConnection db, DbTransaction tx,
        string counterpartId, string eventId, string dispatchId, long now)
    {
        var subject = await db.QuerySingleOrDefaultAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId",
            new { dispatchId }, tx);
        if (subject is null) return (CaseEventResult.UnknownDispatch, null);
        if (subject.CounterpartId != counterpartId) return (CaseEventResult.OtherCounterpart, null);
        var claimed = await db.ExecuteAsync("""
            INSERT INTO inbound_events (counterpart_id, event_id, dispatch_id, received_at) VALUES (@counterpartId, @eventId, @dispatchId, @now)
            ON CONFLICT (counterpart_id, event_id) DO NOTHING
            """, new { counterpartId, eventId, dispatchId, now }, tx);
        return (claimed == 0 ? CaseEventResult.Duplicate : CaseEventResult.Applied, subject);
    }

    /// <summary>The case's policy, in the caller's transaction.</summary>
    private static async Task<CasePolicyDocument> ReadPolicyAsync(DbConnection db, DbTransaction tx, string caseId) =>
        Policy(await db.ExecuteScalarAsync<string>("SELECT policy_json FROM case_policies WHERE case_id = @caseId", new { caseId }, tx)
               ?? throw new InvalidOperationException($"case {caseId} has no policy row"));

    /// <summary>
    /// Reading the case row <c>FOR UPDATE</c> takes its lock (PostgreSQL; SQLite has one connection at a time, see
    /// <see cref="SerializedSqliteConnection"/>): two changes to one case (two departments deciding, two last receipts) are
    /// applied one after the other, so each sees the other's result. A read, not a write: no new row version per change.
    /// </summary>
    private async Task<(CaseRow Case, List<DispatchRow> Dispatches)> LockAndReadCaseAsync(DbConnection db, DbTransaction tx, string caseId)
    {
        var @case = Opened(await db.QuerySingleAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId {dialect.ForUpdate}", new { caseId }, tx))!;
        var dispatches = (await db.QueryAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @caseId ORDER BY ordinal",
            new { caseId }, tx)).AsList();
        return (@case, dispatches);
    }

    /// <summary>The case row as a delivery needs it: without its application, so nothing is opened.</summary>
    private const string DeliveryCaseColumns = """
        case_id AS CaseId, portal AS Portal, portal_application_no AS PortalApplicationNo, content_hash AS ContentHash,
        region AS Region, zone AS Zone, status AS StatusName, receipt_no AS ReceiptNo, accepted_at AS AcceptedAt, updated_at AS UpdatedAt
        """;

    /// <summary>
    /// The case lock and the delivery's snapshot: the case row (without its application: a delivery needs none, so nothing
    /// is opened) locked <c>FOR UPDATE</c>, then every dispatch of the case. Two statements on purpose: under READ
    /// COMMITTED a statement that waited for the lock still reads its joined rows as of its start, so a join would miss
    /// the receipt the lock holder just committed; the second statement's snapshot is taken after the lock is ours.
    /// </summary>
    private async Task<(CaseRow? Case, List<DispatchRow> Dispatches)> LockAndReadCaseForDeliveryAsync(DbConnection db, DbTransaction tx, string caseId)
    {
        var locked = await db.QuerySingleOrDefaultAsync<CaseRow>($"SELECT {DeliveryCaseColumns} FROM cases WHERE case_id = @caseId {dialect.ForUpdate}",
            new { caseId }, tx);
        if (locked is null) return (null, []);
        var dispatches = (await db.QueryAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @caseId ORDER BY ordinal",
            new { caseId }, tx)).AsList();
        return (locked, dispatches);
    }

    /// <summary>Writes what the rules decided, in the caller's transaction: the store decides nothing here.</summary>
    private Task ApplyEffectsAsync(DbConnection db, DbTransaction tx, CaseRow @case, IReadOnlyList<DispatchRow> dispatches, CaseEffects effects, long now) =>
        ApplyEffectsAsync(db, tx, [new CaseChange(@case, dispatches, effects, now)]);

    /// <summary>
    /// Writes what the rules decided for several cases (a batch of acknowledgements) in the caller's transaction: one
    /// INSERT per table for all of them, one UPDATE per case status. The store decides nothing here.
    /// </summary>
    private async Task ApplyEffectsAsync(DbConnection db, DbTransaction tx, IReadOnlyList<CaseChange> changes)
    {
        // Everything below is written, nothing read back: the statements go to the database together (WriteBatch).
        await using var writes = new WriteBatch(db, tx);
        // Every dispatch change of the batch in one UPDATE, unless one dispatch changes twice (then one statement each, in order).
        var dispatchChanges = changes.SelectMany(c => c.Effects.DispatchChanges.Select(d => (Change: d, c.Now))).ToList();
        if (dialect.ManyRowsPerStatement && dispatchChanges.Count > 1
            && dispatchChanges.Select(d => d.Change.DispatchId).Distinct().Count() == dispatchChanges.Count)
            await UpdateDispatchRowsAsync(writes, dispatchChanges);
        else
            // One statement run per change, in order; the changes that meet no deadline on a statement that leaves met_at
            // alone: SQLite rewrites a partial index's entry whenever a column of its WHERE is assigned, even to itself, and
            // both deadline-sweep indexes are partial on met_at (docs/performance.md, twelfth round).
            for (var start = 0; start < dispatchChanges.Count;)
            {
                var met = dispatchChanges[start].Change.Met;
                var run = dispatchChanges.Skip(start).TakeWhile(c => c.Change.Met == met).ToList();
                start += run.Count;
                await writes.AddRowsAsync($"""
                        UPDATE dispatches SET status = @Status, progress = @Progress,{(met ? " met_at = COALESCE(met_at, @now)," : "")}
                            external_ref = COALESCE(external_ref, @ExternalRef),
                            acknowledged_at = CASE WHEN @ExternalRef IS NULL THEN acknowledged_at ELSE COALESCE(acknowledged_at, @now) END,
                            last_error = CASE WHEN @ClearError = 1 THEN NULL ELSE last_error END
                        WHERE dispatch_id = @DispatchId
                        """, ["@DispatchId", "@Status", "@Progress", "@ExternalRef", "@ClearError", "@now"],
                    run.Select(c => new object?[] { c.Change.DispatchId, WireName.Of(c.Change.Status), c.Change.Progress,
                        c.Change.ExternalRef, Flag(c.Change.ClearError), c.Now }));
            }
        foreach (var (dispatchId, retime) in dispatchChanges.Where(c => c.Change.Retime is not null).Select(c => (c.Change.DispatchId, c.Change.Retime!)))
            await writes.AddAsync("""
                UPDATE dispatches SET due_from = @DueFrom, due_at = @DueAt, due_provisional = @Provisional, warn_at = @WarnAt,
                    met_at = NULL, warned_at = NULL, missed_at = NULL, overdue = 0
                WHERE dispatch_id = @dispatchId
                """, new { dispatchId, retime.DueFrom, retime.DueAt, Provisional = Flag(retime.DueProvisional), retime.WarnAt });
        await InsertDispatchesAsync(writes, changes.SelectMany(c => c.Effects.NewDispatches).ToList());
        foreach (var change in changes)
        {
            await WriteClocksAsync(writes, change.Effects);
            await WriteBookingAsync(writes, change.Effects.Booking);
        }
        await InsertTimelineRowsAsync(writes, changes.SelectMany(c => c.Effects.Timeline.Select(e => (c.Case.CaseId, e))).ToList());
        foreach (var replayed in changes.Select(c => c.Effects.SettleReplayOf).OfType<string>())
            await writes.AddAsync($"UPDATE failed_messages SET status = {Q(FailedMessageStatus.Replayed)} WHERE id = @replayed AND status = {Q(FailedMessageStatus.Replaying)}",
                new { replayed });
        // Callbacks and every outbox message of the changes (new dispatches' sends, the callbacks' deliveries): one INSERT each.
        var callbacks = new List<(PortalCallbackRow Callback, OutboxRow? Message)>();
        var messages = new List<OutboxRow>();
        foreach (var (@case, dispatches, effects, now) in changes)
        {
            var byId = dispatches.Concat(effects.NewDispatches).ToDictionary(d => d.DispatchId);
            callbacks.AddRange(effects.Callbacks.Select(c => PortalCallbacks.Create(CallbackTargets, @case, c.Dispatch is null ? null : byId[c.Dispatch.DispatchId], c.Event, now, c.Detail)));
            messages.AddRange(effects.NewDispatches.Select(d => SendDispatchMessage.For(d, now)));
        }
        await InsertCallbackRowsAsync(writes, callbacks.Select(c => c.Callback).ToList());
        await InsertOutboxRowsAsync(writes, messages.Concat(callbacks.Select(c => c.Message).OfType<OutboxRow>()).ToList());
        // Cases that reach the same status at the same instant (a batch's last receipts) in one UPDATE.
        foreach (var group in changes.Where(c => c.Effects.CaseStatus is not null).GroupBy(c => (Status: c.Effects.CaseStatus!.Value, c.Now)))
        {
            var caseIds = group.Select(c => c.Case.CaseId).ToList();
            await writes.AddAsync($"UPDATE cases SET status = @status, updated_at = @now WHERE {dialect.InList("case_id", "caseIds")}",
                new { status = WireName.Of(group.Key.Status), now = group.Key.Now, caseIds = dialect.List(caseIds) });
        }
        foreach (var (@case, _, effects, now) in changes)
            if (effects.Policy is { } changed)
                await writes.AddAsync("UPDATE case_policies SET policy_json = @json, updated_at = @now WHERE case_id = @caseId",
                    new { json = JsonSerializer.Serialize(changed, GatewayJson.Options), now, caseId = @case.CaseId });
        await writes.FlushAsync();
    }

    /// <summary>One case's share of a write: the locked case, the snapshot the rules decided from, their effects, and when.</summary>
    private sealed record CaseChange(CaseRow Case, IReadOnlyList<DispatchRow> Dispatches, CaseEffects Effects, long Now);

    public async Task<bool> SaveRatingAsync(string caseId, CaseRating rating, TimelineEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var updated = await db.ExecuteAsync($"""
            UPDATE case_policies SET rating_json = @json, updated_at = @at
            WHERE case_id = @caseId AND rating_json IS NULL
              AND EXISTS (SELECT 1 FROM cases WHERE case_id = @caseId AND status IN {In(CaseStatus.Connected, CaseStatus.Closed)})
            """, new { json = JsonSerializer.Serialize(rating, GatewayJson.Options), at = entry.At, caseId }, tx);
        if (updated == 1) await InsertTimelineAsync(db, tx, caseId, entry);
        await tx.CommitAsync(cancellationToken);
        return updated == 1;
    }
}
