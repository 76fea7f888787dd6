using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>The fee list of a case (docs/lifecycle.md "Fee list"): utilities' quotes, the combined list, its one payment.</summary>
public interface IFeeListStore
{
    /// <summary>
    /// Applies a utility's quote on its dispatch's case: claims the event id (a repeat changes nothing), checks the dispatch is
    /// the caller's, and writes what <paramref name="rules"/> decide (quote, issued list, timeline, callback) in one transaction.
    /// </summary>
    Task<FeeOutcome> ApplyFeeQuoteAsync(string counterpartId, string eventId, string dispatchId, long now,
        Func<FeeSnapshot, DispatchRow, FeeEffects> rules, CancellationToken cancellationToken);

    /// <summary>Applies the portal's payment confirmation to the case, under its lock, in one transaction.</summary>
    Task<FeeOutcome> ApplyFeePaymentAsync(string caseId, long now, Func<FeeSnapshot, FeeEffects> rules, CancellationToken cancellationToken);

    /// <summary>The case's current quotes and its list (null before it is issued).</summary>
    Task<(IReadOnlyList<FeeQuote> Quotes, FeeListRecord? List)> GetFeesAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>The result of a fee event: applied (with what was stored), a repeat, refused, or a dispatch not found / not the caller's.</summary>
public sealed record FeeOutcome(CaseEventResult Result, string? CaseId = null, FeeRefusal? Refusal = null, FeeQuote? Quote = null, FeeListRecord? List = null);
