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

namespace Gateway.Store;

/// <summary>
/// Counterpart events (progress, decisions) and ratings: the event id is claimed in the inbox table, the case is locked,
/// the rules decide from a snapshot, and every effect lands in the same transaction — or nothing does.
/// </summary>
public sealed partial class SqlGatewayStore
{
    private const string InsertDispatchSql = """
        INSERT INTO dispatches (dispatch_id, case_id, ordinal, counterpart_id, kind, service, sla_step, status, external_ref,
                                created_at, sent_at, acknowledged_at, due_at, due_provisional, overdue, attempts, last_error, lease_until,
                                due_from, sla_half_days, warn_at, question, related_dispatch_id)
        VALUES (@DispatchId, @CaseId, @Ordinal, @CounterpartId, @Kind, @Service, @SlaStep, @Status, @ExternalRef,
                @CreatedAt, @SentAt, @AcknowledgedAt, @DueAt, @DueProvisional, @Overdue, @Attempts, @LastError, @LeaseUntil,
                @DueFrom, @SlaHalfDays, @WarnAt, @Question, @RelatedDispatchId)
        """;

    private static Task InsertDispatchesAsync(DbConnection db, DbTransaction tx, IEnumerable<DispatchRow> dispatches) =>
        db.ExecuteAsync(InsertDispatchSql, dispatches.Select(d => new
        {
            d.DispatchId, d.CaseId, d.Ordinal, d.CounterpartId, Kind = d.KindName, d.Service, d.SlaStep, Status = d.StatusName, d.ExternalRef,
            d.CreatedAt, d.SentAt, d.AcknowledgedAt, d.DueAt, DueProvisional = Flag(d.DueProvisional), Overdue = Flag(d.Overdue),
            d.Attempts, d.LastError, d.LeaseUntil, d.DueFrom, d.SlaHalfDays, d.WarnAt, d.Question, d.RelatedDispatchId,
        }), tx);

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
        var subject = await db.QuerySingleOrDefaultAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId",
            new { dispatchId }, tx);
        if (subject is null) return new CaseEventOutcome(CaseEventResult.UnknownDispatch);
        if (subject.CounterpartId != counterpartId) return new CaseEventOutcome(CaseEventResult.OtherCounterpart);

        var claimed = await db.ExecuteAsync("""
            INSERT INTO inbound_events (counterpart_id, event_id, dispatch_id, received_at) VALUES (@counterpartId, @eventId, @dispatchId, @now)
            ON CONFLICT (counterpart_id, event_id) DO NOTHING
            """, new { counterpartId, eventId, dispatchId, now }, tx);
        if (claimed == 0) return new CaseEventOutcome(CaseEventResult.Duplicate, CaseId: subject.CaseId);

        var caseId = subject.CaseId;
        var (@case, dispatches) = await LockAndReadCaseAsync(db, tx, caseId, now);
        var policy = Policy(await db.ExecuteScalarAsync<string>("SELECT policy_json FROM case_policies WHERE case_id = @caseId", new { caseId }, tx)
            ?? throw new InvalidOperationException($"case {caseId} has no policy row"));
        subject = dispatches.Single(d => d.DispatchId == dispatchId);

        var effects = rules(new CaseSnapshot(@case, policy, dispatches, subject, now, await ReadClocksAsync(db, tx, caseId),
            await ReadBookingForAsync(db, tx, subject)));
        if (effects.Refusal is not null)
        {
            await tx.RollbackAsync(cancellationToken);
            return new CaseEventOutcome(CaseEventResult.Refused, effects.Refusal, caseId);
        }
        await ApplyEffectsAsync(db, tx, @case, dispatches, effects, now);
        await tx.CommitAsync(cancellationToken);
        return new CaseEventOutcome(CaseEventResult.Applied, CaseId: caseId);
    }

    /// <summary>
    /// Writing the case row first takes its lock (row lock on PostgreSQL, the write lock on SQLite): two changes to one case
    /// (two departments deciding, two last receipts) are applied one after the other, so each sees the other's result.
    /// </summary>
    private async Task<(CaseRow Case, List<DispatchRow> Dispatches)> LockAndReadCaseAsync(DbConnection db, DbTransaction tx, string caseId, long now)
    {
        await db.ExecuteAsync("UPDATE cases SET updated_at = @now WHERE case_id = @caseId", new { caseId, now }, tx);
        var @case = Opened(await db.QuerySingleAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId", new { caseId }, tx))!;
        var dispatches = (await db.QueryAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @caseId ORDER BY ordinal",
            new { caseId }, tx)).AsList();
        return (@case, dispatches);
    }

    /// <summary>Writes what the rules decided, in the caller's transaction: the store decides nothing here.</summary>
    private async Task ApplyEffectsAsync(DbConnection db, DbTransaction tx, CaseRow @case, IReadOnlyList<DispatchRow> dispatches, CaseEffects effects, long now)
    {
        var caseId = @case.CaseId;
        foreach (var change in effects.DispatchChanges)
            await db.ExecuteAsync("""
                UPDATE dispatches SET status = @Status, progress = @Progress,
                    met_at = CASE WHEN @Met = 1 THEN COALESCE(met_at, @now) ELSE met_at END,
                    external_ref = COALESCE(external_ref, @ExternalRef),
                    acknowledged_at = CASE WHEN @ExternalRef IS NULL THEN acknowledged_at ELSE COALESCE(acknowledged_at, @now) END,
                    last_error = CASE WHEN @ClearError = 1 THEN NULL ELSE last_error END
                WHERE dispatch_id = @DispatchId
                """, new { change.DispatchId, Status = WireName.Of(change.Status), change.Progress, Met = Flag(change.Met), change.ExternalRef,
                    ClearError = Flag(change.ClearError), now }, tx);
        foreach (var (dispatchId, retime) in effects.DispatchChanges.Where(c => c.Retime is not null).Select(c => (c.DispatchId, c.Retime!)))
            await db.ExecuteAsync("""
                UPDATE dispatches SET due_from = @DueFrom, due_at = @DueAt, due_provisional = @Provisional, warn_at = @WarnAt,
                    met_at = NULL, warned_at = NULL, missed_at = NULL, overdue = 0
                WHERE dispatch_id = @dispatchId
                """, new { dispatchId, retime.DueFrom, retime.DueAt, Provisional = Flag(retime.DueProvisional), retime.WarnAt }, tx);
        await InsertDispatchesAsync(db, tx, effects.NewDispatches);
        await WriteClocksAsync(db, tx, effects);
        await WriteBookingAsync(db, tx, effects.Booking);
        foreach (var dispatch in effects.NewDispatches) await db.ExecuteAsync(InsertOutboxSql, SendDispatchMessage.For(dispatch, now), tx);
        foreach (var entry in effects.Timeline) await InsertTimelineAsync(db, tx, caseId, entry);
        if (effects.SettleReplayOf is { } replayed)
            await db.ExecuteAsync($"UPDATE failed_messages SET status = {Q(FailedMessageStatus.Replayed)} WHERE id = @replayed AND status = {Q(FailedMessageStatus.Replaying)}",
                new { replayed }, tx);
        var byId = dispatches.Concat(effects.NewDispatches).ToDictionary(d => d.DispatchId);
        foreach (var (@event, dispatch, detail) in effects.Callbacks)
            await AddCallbackAsync(db, tx, @case, dispatch is null ? null : byId[dispatch.DispatchId], @event, now, detail);
        if (effects.CaseStatus is { } status)
            await db.ExecuteAsync("UPDATE cases SET status = @status, updated_at = @now WHERE case_id = @caseId", new { status = WireName.Of(status), now, caseId }, tx);
        if (effects.Policy is { } changed)
            await db.ExecuteAsync("UPDATE case_policies SET policy_json = @json, updated_at = @now WHERE case_id = @caseId",
                new { json = JsonSerializer.Serialize(changed, GatewayJson.Options), now, caseId }, tx);
    }

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
