using System.Security.Cryptography;
using System.Text.Json;
using Gateway.Application.Intake;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.OuterWorks;
using Gateway.Routing.Regions;

namespace Gateway.Application.Intents;

/// <summary>
/// An early-stage demand in a region that offers intents (docs/lifecycle.md, "Intent registration and 免申办"): the project's
/// intent is registered with one planning notice per utility (through the dispatch outbox; no work order, no clock), or — the
/// project already has one — updated (new content) or recognised as a repeat (same content). An intent already converted
/// answers with the case it became.
/// </summary>
public sealed class IntentRegistration(
    FanOutPlanner planner,
    CalendarHolder calendars,
    IIntentStore store,
    OutboxSignal outboxSignal,
    TimeProvider clock,
    LifecycleSettings lifecycle,
    IContentHash contentHashes,
    ILogger<IntentRegistration> logger)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <param name="found">The project's intent as the intake read it (null: none yet); read again only after a lost race.</param>
    public async Task<IntakeOutcome> RegisterAsync(HookupApplication application, RegionPolicy region, IntentRow? found, CancellationToken cancellationToken)
    {
        var stage = application.Stage ?? throw new InvalidOperationException("an intent needs its stage");
        var applicationJson = JsonSerializer.Serialize(application, GatewayJson.Options);
        var content = ContentOf(application);
        var actor = $"portal:{application.Portal}";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var existing = attempt == 0 ? found : await store.FindIntentAsync(region.Id, application.Project.Code, cancellationToken);
            if (existing is not null) return await AgainAsync(existing, application, content, stage, actor, cancellationToken);

            var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()).ToOffset(Beijing);
            var at = now.ToUnixTimeMilliseconds();
            var intentId = $"{IntentRow.IdPrefix}{region.Id}-{now:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
            var decisions = application.OuterWorks.Select(w => OuterWorkPathDecider.Decide(w, region)).ToList();
            var notices = IntentRules.PlanningNotices(planner.Plan(application, region, now, calendars.Calculator, decisions))
                .Select((p, i) => NewDispatch.From(p, intentId, i, at, lifecycle)).ToList();
            var row = new IntentRow
            {
                IntentId = intentId, Region = region.Id, ProjectCode = application.Project.Code, Portal = application.Portal,
                PortalApplicationNo = application.PortalApplicationNo, Stage = stage, Status = IntentStatus.Open,
                ContentHash = contentHashes.Of(content), ApplicationJson = applicationJson, RegisteredAt = at, UpdatedAt = at,
            };
            var intent = new NewIntent(row, notices, [IntentRules.Registered(stage, notices, actor, at)],
                notices.Select(n => SendDispatchMessage.For(n, at)).ToList());
            if (!await store.TryInsertIntentAsync(intent, cancellationToken)) continue; // the project's intent was registered meanwhile
            outboxSignal.Notify();
            logger.LogInformation("Registered intent {IntentId} in {Region} ({Stage}) with {NoticeCount} planning notices",
                intentId, region.Id, WireName.Of(stage), notices.Count);
            return Outcome(row, notices, duplicate: false);
        }
        throw new InvalidOperationException("the project's intent could neither be inserted nor found");
    }

    /// <summary>
    /// What identifies an intent's content: the application without the demand number, so the same demand pushed again under
    /// a new number is recognised as a repeat (the project, not the number, is the intent's key).
    /// </summary>
    private static string ContentOf(HookupApplication application)
    {
        var node = JsonSerializer.SerializeToNode(application, GatewayJson.Options)!.AsObject();
        node.Remove(JsonNamingPolicy.CamelCase.ConvertName(nameof(HookupApplication.PortalApplicationNo)));
        return node.ToJsonString(GatewayJson.Options);
    }

    private async Task<IntakeOutcome> AgainAsync(IntentRow existing, HookupApplication application, string content, ProjectStage stage,
        string actor, CancellationToken cancellationToken)
    {
        var notices = (await store.GetIntentDocumentAsync(existing.IntentId, cancellationToken))?.Notices ?? [];
        if (existing.Status != IntentStatus.Open || contentHashes.Matches(existing.ContentHash, content))
            return Outcome(existing, notices, duplicate: true);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // A later early-stage demand is the owner's newer word: what it gives replaces, what it leaves out stays.
        var previous = JsonSerializer.Deserialize<HookupApplication>(existing.ApplicationJson, GatewayJson.Options)!;
        var (merged, _) = IntentRules.Merge(previous, application);
        var mergedJson = JsonSerializer.Serialize(merged, GatewayJson.Options);
        var changed = new IntentRow
        {
            IntentId = existing.IntentId, Region = existing.Region, ProjectCode = existing.ProjectCode, Portal = application.Portal,
            PortalApplicationNo = application.PortalApplicationNo, Stage = stage, Status = existing.Status,
            ContentHash = contentHashes.Of(content), ApplicationJson = mergedJson, RegisteredAt = existing.RegisteredAt, UpdatedAt = now,
        };
        if (!await store.UpdateIntentAsync(changed, IntentRules.Updated(stage, actor, now), cancellationToken))
            return Outcome((await store.GetIntentAsync(existing.IntentId, cancellationToken))!, notices, duplicate: true); // converted meanwhile
        logger.LogInformation("Updated intent {IntentId} from a later early-stage demand", existing.IntentId);
        return Outcome(changed, notices, duplicate: false);
    }

    private static IntakeOutcome Outcome(IntentRow row, IReadOnlyList<DispatchRow> notices, bool duplicate) =>
        new(IntakeResultKind.Intent, null, Intent: Receipt(row, notices, duplicate));

    public static IntentReceipt Receipt(IntentRow row, IReadOnlyList<DispatchRow> notices, bool duplicate) =>
        new(row.IntentId, row.Region, row.ProjectCode, WireName.Of(row.Stage), WireName.Of(row.Status),
            DateTimeOffset.FromUnixTimeMilliseconds(row.RegisteredAt).ToOffset(Beijing), duplicate, row.CaseId,
            notices.Select(n => new ReceiptDispatch(n.DispatchId, n.CounterpartId, WireName.Of(n.Kind), null)).ToList());
}
