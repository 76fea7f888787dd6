using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>Deadline warnings and misses, and provisional due times to recompute when a calendar arrives.</summary>
public interface IDeadlineStore
{
    /// <summary>Raises DEADLINE_WARNING once per open dispatch whose warning time has come; returns those warned now.</summary>
    Task<IReadOnlyList<DispatchRow>> RaiseDeadlineWarningsAsync(long now, int max, CancellationToken cancellationToken);
    /// <summary>Marks open dispatches past due as overdue (once), with a DEADLINE_MISSED entry and an OVERDUE portal callback.</summary>
    Task<IReadOnlyList<DispatchRow>> RaiseMissedDeadlinesAsync(long now, int max, CancellationToken cancellationToken);
    Task<IReadOnlyList<(DispatchRow Dispatch, string Region)>> GetProvisionalDispatchesAsync(CancellationToken cancellationToken);
    Task UpdateDueAsync(string dispatchId, long dueAt, bool provisional, long warnAt, long now, CancellationToken cancellationToken);
}
