using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>
/// The clocks of the plans' timed steps (table <c>clocks</c>): rows are written by the case-event transaction with the
/// rest of its effects; this is what the sweeper, the calendar reload and the views need besides.
/// </summary>
public interface IClockStore
{
    Task<IReadOnlyList<ClockRow>> GetClocksAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>Raises DEADLINE_WARNING once per running clock whose warning time has come; returns those warned now.</summary>
    Task<IReadOnlyList<ClockRow>> RaiseClockWarningsAsync(long now, int max, CancellationToken cancellationToken);
    /// <summary>Marks running clocks past due as overdue (once), with a DEADLINE_MISSED entry and an OVERDUE portal callback.</summary>
    Task<IReadOnlyList<ClockRow>> RaiseClockMissesAsync(long now, int max, CancellationToken cancellationToken);
    Task<IReadOnlyList<(ClockRow Clock, string Region)>> GetProvisionalClocksAsync(CancellationToken cancellationToken);
    Task UpdateClockDueAsync(string clockId, long dueAt, bool provisional, long warnAt, long now, CancellationToken cancellationToken);
    /// <summary>Due times still provisional (past the last calendar): dispatches and clocks.</summary>
    Task<long> CountProvisionalAsync(CancellationToken cancellationToken);
}
