using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;
using static Gateway.Store.StoreNames;

namespace Gateway.Store;

/// <summary>Intents: one row per project of a region; the application's personal data sealed as a case's is.</summary>
public sealed partial class SqlGatewayStore
{
    private const string IntentColumns = """
        intent_id AS IntentId, region AS Region, project_code AS ProjectCode, portal AS Portal,
        portal_application_no AS PortalApplicationNo, stage AS StageName, status AS StatusName, content_hash AS ContentHash,
        application_json AS ApplicationJson, registered_at AS RegisteredAt, updated_at AS UpdatedAt, case_id AS CaseId
        """;

    public async Task<IntentRow?> FindIntentAsync(string region, string projectCode, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return Opened(await db.QuerySingleOrDefaultAsync<IntentRow>(new CommandDefinition(IntentOfProjectSql,
            new { region, projectCode }, cancellationToken: cancellationToken)));
    }

    private const string IntentOfProjectSql = $"SELECT {IntentColumns} FROM intents WHERE region = @region AND project_code = @projectCode";

    public async Task<IntentRow?> GetIntentAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return Opened(await db.QuerySingleOrDefaultAsync<IntentRow>(new CommandDefinition(
            $"SELECT {IntentColumns} FROM intents WHERE intent_id = @intentId", new { intentId }, cancellationToken: cancellationToken)));
    }

    public async Task<IntentRow?> FindIntentOfCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return Opened(await db.QuerySingleOrDefaultAsync<IntentRow>(new CommandDefinition(
            $"SELECT {IntentColumns} FROM intents WHERE case_id = @caseId", new { caseId }, cancellationToken: cancellationToken)));
    }

    public async Task<bool> TryInsertIntentAsync(NewIntent intent, CancellationToken cancellationToken)
    {
        var row = intent.Intent;
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var inserted = await db.ExecuteAsync("""
            INSERT INTO intents (intent_id, region, project_code, portal, portal_application_no, stage, status, content_hash,
                                 application_json, registered_at, updated_at, case_id)
            VALUES (@IntentId, @Region, @ProjectCode, @Portal, @PortalApplicationNo, @StageName, @StatusName, @ContentHash,
                    @ApplicationJson, @RegisteredAt, @UpdatedAt, NULL)
            ON CONFLICT (region, project_code) DO NOTHING
            """, Sealed(row), tx);
        if (inserted == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }
        await InsertDispatchesAsync(db, tx, intent.Notices);
        foreach (var entry in intent.Timeline) await InsertTimelineAsync(db, tx, row.IntentId, entry);
        await db.ExecuteAsync(InsertOutboxSql, intent.Outbox, tx);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UpdateIntentAsync(IntentRow changed, TimelineEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var updated = await db.ExecuteAsync($"""
            UPDATE intents SET stage = @StageName, content_hash = @ContentHash, application_json = @ApplicationJson,
                portal = @Portal, portal_application_no = @PortalApplicationNo, updated_at = @UpdatedAt
            WHERE intent_id = @IntentId AND status = {Q(IntentStatus.Open)}
            """, Sealed(changed), tx);
        if (updated == 1) await InsertTimelineAsync(db, tx, changed.IntentId, entry);
        await tx.CommitAsync(cancellationToken);
        return updated == 1;
    }

    public async Task<IntentDocument?> GetIntentDocumentAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(dialect.SnapshotRead, cancellationToken);
        var row = Opened(await db.QuerySingleOrDefaultAsync<IntentRow>($"SELECT {IntentColumns} FROM intents WHERE intent_id = @intentId", new { intentId }, tx));
        if (row is null) return null;
        var notices = (await db.QueryAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE case_id = @intentId ORDER BY ordinal",
            new { intentId }, tx)).AsList();
        var timeline = (await db.QueryAsync<TimelineRow>("""
            SELECT id AS Id, case_id AS CaseId, at AS At, type AS TypeName, actor AS Actor, detail AS Detail, dispatch_id AS DispatchId
            FROM timeline WHERE case_id = @intentId ORDER BY id
            """, new { intentId }, tx)).AsList();
        await tx.CommitAsync(cancellationToken);
        return new IntentDocument(row, notices, timeline);
    }

    /// <summary>In the case's insert transaction: the intent becomes CONVERTED with the case id, if it still is OPEN.</summary>
    private static async Task<bool> ConvertIntentAsync(System.Data.Common.DbConnection db, System.Data.Common.DbTransaction tx, string caseId,
        IntentConversion conversion, long at)
    {
        var converted = await db.ExecuteAsync($"""
            UPDATE intents SET status = {Q(IntentStatus.Converted)}, case_id = @caseId, updated_at = @at
            WHERE intent_id = @IntentId AND status = {Q(IntentStatus.Open)}
            """, new { caseId, conversion.IntentId, at }, tx);
        if (converted == 1) await InsertTimelineAsync(db, tx, conversion.IntentId, conversion.Entry);
        return converted == 1;
    }

    /// <summary>An intent's notice acknowledged: no case to lock or move, the notice is settled.</summary>
    private async Task AcknowledgeIntentNoticeAsync(System.Data.Common.DbConnection db, System.Data.Common.DbTransaction tx, string intentId,
        string dispatchId, string orderNo, string actor, long at)
    {
        var notice = await db.QuerySingleAsync<DispatchRow>($"SELECT {DispatchColumns} FROM dispatches WHERE dispatch_id = @dispatchId", new { dispatchId }, tx);
        var effects = DeliveryRules.AcknowledgeNotice(notice, orderNo, actor, at);
        await ApplyEffectsAsync(db, tx, new CaseRow { CaseId = intentId }, [notice], effects, at);
    }

    private IntentRow Sealed(IntentRow row) => Protector is null ? row : new IntentRow
    {
        IntentId = row.IntentId, Region = row.Region, ProjectCode = row.ProjectCode, Portal = row.Portal, PortalApplicationNo = row.PortalApplicationNo,
        Stage = row.Stage, Status = row.Status, ContentHash = row.ContentHash, RegisteredAt = row.RegisteredAt, UpdatedAt = row.UpdatedAt, CaseId = row.CaseId,
        ApplicationJson = Protector.SealDocument(row.ApplicationJson, PersonalDataProtector.IntentBinding(row.IntentId)),
    };

    private IntentRow? Opened(IntentRow? row)
    {
        if (row is null || Protector is null) return row;
        Protector.TryOpenDocument(row.ApplicationJson, PersonalDataProtector.IntentBinding(row.IntentId), out var opened, out var problem);
        row.ApplicationJson = opened;
        row.Unreadable = problem;
        return row;
    }
}
