using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Cases: intake, a counterpart's event applied to its case, the applicant's rating, and the reads that serve a sending consumer.</summary>
public interface ICaseStore
{
    Task<CaseRow?> FindCaseByPortalApplicationAsync(string portal, string portalApplicationNo, CancellationToken cancellationToken);
    /// <summary>
    /// What an intake needs to read before it plans: the case of this portal application number, and, in a region that
    /// offers intents (<paramref name="intentRegion"/> not null), the region's intent for the project. One store call: one
    /// turn at the SQLite gate, one round trip to PostgreSQL.
    /// </summary>
    Task<(CaseRow? Case, IntentRow? Intent)> FindCaseAndIntentAsync(string portal, string portalApplicationNo, string? intentRegion,
        string projectCode, CancellationToken cancellationToken);
    /// <summary>Commits the case with its timeline, dispatches and outbox; false when the portal application already exists.</summary>
    Task<bool> TryInsertCaseAsync(NewCase newCase, CancellationToken cancellationToken);
    /// <summary>
    /// Commits several cases as <see cref="TryInsertCaseAsync"/> does each, in one transaction: per case, in order, whether it
    /// was inserted (false: its portal application number was taken, also by an identical push earlier in the list). A case
    /// that converts an intent is inserted on its own.
    /// </summary>
    Task<IReadOnlyList<bool>> TryInsertCasesAsync(IReadOnlyList<NewCase> newCases, CancellationToken cancellationToken);
    Task<CaseRow?> GetCaseAsync(string caseId, CancellationToken cancellationToken);
    Task<IReadOnlyList<DispatchRow>> GetDispatchesAsync(string caseId, CancellationToken cancellationToken);
    Task<(CasePolicyDocument Policy, CaseRating? Rating)?> GetCasePolicyAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>
    /// Applies a counterpart's event to its dispatch's case: claims the event id (a repeat changes nothing), checks the
    /// dispatch is the caller's, and writes what <paramref name="rules"/> decide — all in one transaction.
    /// </summary>
    Task<CaseEventOutcome> ApplyCaseEventAsync(string counterpartId, string eventId, string dispatchId, long now,
        Func<CaseSnapshot, CaseEffects> rules, CancellationToken cancellationToken);
    /// <summary>Stores the applicant's rating once the case is connected; false when not connected yet or already rated.</summary>
    Task<bool> SaveRatingAsync(string caseId, CaseRating rating, TimelineEntry entry, CancellationToken cancellationToken);
}
