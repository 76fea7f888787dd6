namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// A booked joint acceptance and connection (docs/lifecycle.md): PENDING while the utilities answer, SETTLED when all
/// confirmed the date, CONFLICT when any proposed another (the portal may book again).
/// </summary>
public enum BookingStatus { Pending, Settled, Conflict }

/// <summary>A utility's answer to an appointment: the date suits it, or it proposes another.</summary>
public enum AppointmentAnswer { Confirmed, Proposed }
