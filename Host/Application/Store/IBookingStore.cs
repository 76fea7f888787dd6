using Gateway.Routing.Lifecycle;

namespace Gateway.Application.Store;

/// <summary>
/// Bookings of joint acceptance and connection (table <c>bookings</c>). A booking is decided by the rules under the case's
/// lock and written with its appointments and their outbox rows in one transaction; answers go through
/// <see cref="ICaseStore.ApplyCaseEventAsync"/>, which reads the booking of an appointment into the snapshot.
/// </summary>
public interface IBookingStore
{
    /// <summary>Locks the case, reads its dispatches and latest booking, asks the rules, and writes their effects (or nothing).</summary>
    Task<CaseEventOutcome> BookAsync(string caseId, long now, Func<BookingSnapshot, CaseEffects> rules, CancellationToken cancellationToken);
    /// <summary>The case's latest booking (highest round), or null.</summary>
    Task<BookingRow?> GetLatestBookingAsync(string caseId, CancellationToken cancellationToken);
    /// <summary>The booking an appointment dispatch belongs to (for its document), or null.</summary>
    Task<BookingRow?> GetBookingOfAppointmentAsync(string caseId, string dispatchId, CancellationToken cancellationToken);
}
