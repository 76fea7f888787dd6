namespace Gateway.Application.Store;

/// <summary>The operators' read side of cases: the case view, its timeline, and the filtered list.</summary>
public interface ICaseQueries
{
    /// <summary>The case, its dispatches, timeline, policy and rating read as one snapshot (the case view).</summary>
    Task<CaseDocument?> GetCaseDocumentAsync(string caseId, CancellationToken cancellationToken);
    Task<IReadOnlyList<TimelineRow>> GetTimelineAsync(string caseId, CancellationToken cancellationToken);
    Task<CaseListPage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken);
}
