using Gateway.Application.Store;

namespace Gateway.Application.Intake;

/// <summary>
/// Inserts accepted cases in batches (<see cref="ICaseStore.TryInsertCasesAsync"/>: one transaction, one statement per table).
/// The portal gets its receipt once its case's batch has committed. A case that converts an intent is inserted on its own:
/// its conversion may lose a race, which rolls back only that case.
/// </summary>
public sealed class IntakeBatcher(ICaseStore store, ILogger<IntakeBatcher> logger) : GroupCommit<NewCase, bool>(logger)
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
