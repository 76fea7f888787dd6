using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Intents (docs/lifecycle.md, "Intent registration and 免申办"): registered, updated, read, and linked to their case.</summary>
public interface IIntentStore
{
    /// <summary>The intent of a project in a region (one per project), whatever its status.</summary>
    Task<IntentRow?> FindIntentAsync(string region, string projectCode, CancellationToken cancellationToken);
    Task<IntentRow?> GetIntentAsync(string intentId, CancellationToken cancellationToken);
    /// <summary>The intent a case was converted from, if any.</summary>
    Task<IntentRow?> FindIntentOfCaseAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>Intent, timeline, notices and their outbox rows in one transaction; false when the project already has one.</summary>
    Task<bool> TryInsertIntentAsync(NewIntent intent, CancellationToken cancellationToken);
    /// <summary>A later early-stage demand of the same project: new content and stage, while the intent is still OPEN.</summary>
    Task<bool> UpdateIntentAsync(IntentRow changed, TimelineEntry entry, CancellationToken cancellationToken);
    Task<IntentDocument?> GetIntentDocumentAsync(string intentId, CancellationToken cancellationToken);
}

/// <summary>Everything the registration of an intent commits.</summary>
public sealed record NewIntent(IntentRow Intent, IReadOnlyList<DispatchRow> Notices, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxRow> Outbox);

/// <summary>An intent with its planning notices and timeline, as of one moment.</summary>
public sealed record IntentDocument(IntentRow Intent, IReadOnlyList<DispatchRow> Notices, IReadOnlyList<TimelineRow> Timeline);
