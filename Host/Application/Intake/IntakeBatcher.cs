using Gateway.Application.Configuration;
using Gateway.Application.Store;

namespace Gateway.Application.Intake;

/// <summary>
/// Inserts accepted cases in batches (<see cref="ICaseStore.TryInsertCasesAsync"/>: one transaction, one statement per table).
/// The portal gets its receipt once its case's batch has committed. A case that converts an intent is inserted on its own:
/// its conversion may lose a race, which rolls back only that case. On PostgreSQL two batches are written side by side: a
/// receipt then waits for its own batch, not also for the one before it (docs/performance.md). Two batches holding the same
/// portal application number meet at its unique index, and the later one inserts nothing of that case.
/// </summary>
public sealed class IntakeBatcher(ICaseStore store, GatewaySettings settings, ILogger<IntakeBatcher> logger)
    : GroupCommit<NewCase, bool>(logger, settings.Store == StoreKind.Postgres ? 2 : 1)
{
    protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<NewCase> items)
    {
        var plain = items.Where(c => c.Intent is null).ToList();
        var inserted = plain.Count == 0 ? [] : await store.TryInsertCasesAsync(plain, CancellationToken.None);
        var next = 0;
        return items.Select(c => c.Intent is null ? Outcome.Of(inserted[next++]) : Outcome.Left).ToList();
    }

    protected override Task<bool> RunAloneAsync(NewCase item, CancellationToken cancellationToken) =>
        store.TryInsertCaseAsync(item, cancellationToken);
}
