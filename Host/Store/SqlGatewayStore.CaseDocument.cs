using System.Data;
using Dapper;
using Gateway.Application.Cases;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>Everything the case view shows, read in one transaction so it is one moment of the case.</summary>
public sealed partial class SqlGatewayStore
{
    public async Task<CaseDocument?> GetCaseDocumentAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenReadAsync(cancellationToken);
        // Repeatable read on PostgreSQL: without it a sweep committing between two reads shows a DEADLINE_MISSED entry
        // beside a dispatch not yet overdue. (SQLite: a read transaction in write-ahead-log mode is one snapshot.)
        await using var tx = await db.BeginTransactionAsync(
            dialect.SnapshotRead, cancellationToken);
        var row = Opened(await db.QuerySingleOrDefaultAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE case_id = @caseId", new { caseId }, tx));
        if (row is null) return null;
        var dispatches = (await db.QueryAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @caseId ORDER BY ordinal",
            new { caseId }, tx)).AsList();
        var timeline = (await db.QueryAsync<TimelineRow>("""
            SELECT id AS Id, case_id AS CaseId, at AS At, type AS TypeName, actor AS Actor, detail AS Detail, dispatch_id AS DispatchId
            FROM timeline WHERE case_id = @caseId ORDER BY id
            """, new { caseId }, tx)).AsList();
        var policy = await db.QuerySingleOrDefaultAsync<(string PolicyJson, string? RatingJson)>(
            "SELECT policy_json, rating_json FROM case_policies WHERE case_id = @caseId", new { caseId }, tx);
        var clocks = await ReadClocksAsync(db, tx, caseId);
        var booking = await ReadLatestBookingAsync(db, tx, caseId);
        await tx.CommitAsync(cancellationToken);
        return new CaseDocument(row, dispatches, timeline, policy == default ? null : Policy(policy.PolicyJson), Rating(policy.RatingJson), clocks, booking);
    }
}

