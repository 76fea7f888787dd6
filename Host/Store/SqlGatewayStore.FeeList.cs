using System.Data.Common;
using System.Text.Json;
using Dapper;
using Gateway.Application.Callbacks;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>
/// The fee list (docs/lifecycle.md "Fee list"): a quote claims its event id in the inbox, the case is locked, the rules
/// decide from a snapshot of the case, its quotes and its list, and every effect — quote, list, timeline, callback, fee
/// notices with their outbox rows — lands in the same transaction, or nothing does.
/// </summary>
public sealed partial class SqlGatewayStore
{
    public async Task<FeeOutcome> ApplyFeeQuoteAsync(string counterpartId, string eventId, string dispatchId, long now,
        Func<FeeSnapshot, DispatchRow, FeeEffects> rules, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var (claim, subject) = await ClaimCounterpartEventAsync(db, tx, counterpartId, eventId, dispatchId, now);
        if (claim != CaseEventResult.Applied) return new FeeOutcome(claim, subject?.CaseId);

        var (snapshot, dispatches) = await FeeSnapshotAsync(db, tx, subject!.CaseId, now);
        var effects = rules(snapshot, dispatches.Single(d => d.DispatchId == dispatchId));
        return await FinishAsync(db, tx, snapshot, dispatches, effects, now, cancellationToken);
    }

    public async Task<FeeOutcome> ApplyFeePaymentAsync(string caseId, long now, Func<FeeSnapshot, FeeEffects> rules, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var (snapshot, dispatches) = await FeeSnapshotAsync(db, tx, caseId, now);
        return await FinishAsync(db, tx, snapshot, dispatches, rules(snapshot), now, cancellationToken);
    }

    public async Task<(IReadOnlyList<FeeQuote> Quotes, FeeListRecord? List)> GetFeesAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await ReadQuotesAsync(db, null, caseId), await ReadFeeListAsync(db, null, caseId));
    }

    private async Task<(FeeSnapshot Snapshot, List<DispatchRow> Dispatches)> FeeSnapshotAsync(DbConnection db, DbTransaction tx, string caseId, long now)
    {
        var (@case, dispatches) = await LockAndReadCaseAsync(db, tx, caseId);
        var policy = await ReadPolicyAsync(db, tx, caseId);
        return (new FeeSnapshot(@case, policy, dispatches, await ReadQuotesAsync(db, tx, caseId), await ReadFeeListAsync(db, tx, caseId), now), dispatches);
    }

    private async Task<FeeOutcome> FinishAsync(DbConnection db, DbTransaction tx, FeeSnapshot s, List<DispatchRow> dispatches, FeeEffects effects,
        long now, CancellationToken cancellationToken)
    {
        var caseId = s.Case.CaseId;
        if (effects.Refusal is not null || effects.Duplicate)
        {
            await tx.RollbackAsync(cancellationToken);
            return new FeeOutcome(effects.Duplicate ? CaseEventResult.Duplicate : CaseEventResult.Refused, caseId, effects.Refusal, List: s.List);
        }
        if (effects.Quote is { } q)
            await db.ExecuteAsync("""
                INSERT INTO fee_quotes (case_id, counterpart_id, dispatch_id, service, revision, items_json, applicant_fen, quoted_at)
                VALUES (@caseId, @CounterpartId, @DispatchId, @Service, @Revision, @itemsJson, @applicantFen, @QuotedAt)
                ON CONFLICT (case_id, counterpart_id) DO UPDATE SET dispatch_id = excluded.dispatch_id, service = excluded.service,
                    revision = excluded.revision, items_json = excluded.items_json, applicant_fen = excluded.applicant_fen, quoted_at = excluded.quoted_at
                """, new { caseId, q.CounterpartId, q.DispatchId, q.Service, q.Revision, itemsJson = JsonSerializer.Serialize(q.Items, GatewayJson.Options),
                    applicantFen = q.ApplicantFen, q.QuotedAt }, tx);
        if (effects.List is { } list)
            await db.ExecuteAsync("""
                INSERT INTO fee_lists (case_id, fee_list_id, status, lines_json, applicant_total_fen, issued_at, paid_at, payment_ref)
                VALUES (@caseId, @FeeListId, @status, @linesJson, @ApplicantTotalFen, @IssuedAt, @PaidAt, @PaymentRef)
                ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, paid_at = excluded.paid_at, payment_ref = excluded.payment_ref
                """, new { caseId, list.FeeListId, status = WireName.Of(list.Status), linesJson = JsonSerializer.Serialize(list.Lines, GatewayJson.Options),
                    list.ApplicantTotalFen, list.IssuedAt, list.PaidAt, list.PaymentRef }, tx);
        await ApplyEffectsAsync(db, tx, s.Case, dispatches, effects.Case, now);
        if (effects.IssuedNotice is { } notice)
        {
            var (callback, message) = PortalCallbacks.Create(CallbackTargets, s.Case, null, PortalEventNames.FeeListIssued, now,
                $"统一收费清单 {notice.FeeListId}：申请人一次缴纳 {FeeListRules.Yuan(notice.ApplicantTotalFen)}（{notice.ApplicantTotalFen} 分），共 {notice.Items.Count} 项",
                notice);
            await db.ExecuteAsync(InsertCallbackSql, callback, tx);
            if (message is not null) await db.ExecuteAsync(InsertOutboxSql, message, tx);
        }
        await tx.CommitAsync(cancellationToken);
        return new FeeOutcome(CaseEventResult.Applied, caseId, Quote: effects.Quote, List: effects.List ?? s.List);
    }

    private static async Task<IReadOnlyList<FeeQuote>> ReadQuotesAsync(DbConnection db, DbTransaction? tx, string caseId) =>
        (await db.QueryAsync<(string CounterpartId, string DispatchId, string? Service, long Revision, string ItemsJson, long QuotedAt)>("""
            SELECT counterpart_id, dispatch_id, service, revision, items_json, quoted_at FROM fee_quotes WHERE case_id = @caseId ORDER BY counterpart_id
            """, new { caseId }, tx))
        .Select(r => new FeeQuote(r.CounterpartId, r.DispatchId, r.Service, (int)r.Revision,
            JsonSerializer.Deserialize<List<FeeItem>>(r.ItemsJson, GatewayJson.Options)!, r.QuotedAt)).ToList();

    private static async Task<FeeListRecord?> ReadFeeListAsync(DbConnection db, DbTransaction? tx, string caseId)
    {
        var row = await db.QuerySingleOrDefaultAsync<(string FeeListId, string Status, string LinesJson, long ApplicantTotalFen, long IssuedAt, long? PaidAt, string? PaymentRef)>("""
            SELECT fee_list_id, status, lines_json, applicant_total_fen, issued_at, paid_at, payment_ref FROM fee_lists WHERE case_id = @caseId
            """, new { caseId }, tx);
        return row == default ? null : new FeeListRecord(row.FeeListId, WireName.Parse<FeeListStatus>(row.Status), row.ApplicantTotalFen,
            JsonSerializer.Deserialize<List<FeeListLine>>(row.LinesJson, GatewayJson.Options)!, row.IssuedAt, row.PaidAt, row.PaymentRef);
    }
}
