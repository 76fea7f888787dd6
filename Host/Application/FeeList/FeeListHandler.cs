using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Application.FeeList;

/// <summary>
/// The fee-list use cases (docs/lifecycle.md "Fee list"): a utility's validated quote and a portal's payment confirmation,
/// each decided by <see cref="FeeListRules"/> and applied through the store's one-transaction path; the outbox is woken
/// for the callback and fee notices they wrote.
/// </summary>
public sealed class FeeListHandler(IFeeListStore store, RegionCatalog regions, LifecycleSettings settings, OutboxSignal outboxSignal,
    TimeProvider clock, ILogger<FeeListHandler> logger)
{
    public async Task<FeeOutcome> QuoteAsync(string counterpartId, string eventId, string dispatchId, IReadOnlyList<FeeItem> items,
        string? note, CancellationToken cancellationToken)
    {
        var outcome = await store.ApplyFeeQuoteAsync(counterpartId, eventId, dispatchId, Now(),
            (s, subject) => FeeListRules.Quote(s, RegionOf(s), subject, items, $"counterpart:{counterpartId}", note), cancellationToken);
        if (outcome.Result == CaseEventResult.Applied) outboxSignal.Notify();
        logger.LogInformation("{CounterpartId} quoted on dispatch {DispatchId} (event {EventId}): {Result}{Reason}",
            counterpartId, dispatchId, eventId, outcome.Result, outcome.Refusal is { } r ? $" — {r.Code}" : "");
        return outcome;
    }

    public async Task<FeeOutcome> ConfirmPaymentAsync(string portal, string caseId, string feeListId, long totalFen, string paymentRef,
        DateTimeOffset? paidAt, CancellationToken cancellationToken)
    {
        var now = Now();
        var outcome = await store.ApplyFeePaymentAsync(caseId, now,
            s => FeeListRules.ConfirmPayment(s, RegionOf(s), feeListId, totalFen, paymentRef, paidAt?.ToUnixTimeMilliseconds() ?? now,
                $"portal:{portal}", settings), cancellationToken);
        if (outcome.Result == CaseEventResult.Applied) outboxSignal.Notify();
        logger.LogInformation("Portal {Portal} confirmed payment of case {CaseId}: {Result}{Reason}",
            portal, caseId, outcome.Result, outcome.Refusal is { } r ? $" — {r.Code}" : "");
        return outcome;
    }

    private RegionPolicy RegionOf(FeeSnapshot s) =>
        regions.Find(s.Case.Region) ?? throw new InvalidOperationException($"case {s.Case.CaseId}: region {s.Case.Region} is not configured");

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
