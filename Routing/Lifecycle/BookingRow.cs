using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// One booking of a case (table <c>bookings</c>): the applicant's date and slot (Unix milliseconds, UTC), its round (a new
/// booking after a conflict is the next round), and each asked utility's answer. The rules write the whole row back.
/// </summary>
public sealed class BookingRow
{
    public string BookingId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public int Round { get; set; }
    public BookingStatus Status { get; set; }
    /// <summary><see cref="Status"/> under its stored name.</summary>
    public string StatusName { get => WireName.Of(Status); set => Status = WireName.Parse<BookingStatus>(value); }
    public long SlotStart { get; set; }
    public long SlotEnd { get; set; }
    public string Portal { get; set; } = "";
    public long RequestedAt { get; set; }
    public long? SettledAt { get; set; }
    /// <summary>One entry per appointment sent, answered or not (stored as JSON).</summary>
    public List<AppointmentEntry> Answers { get; set; } = [];

    public BookingRow Copy()
    {
        var copy = (BookingRow)MemberwiseClone();
        copy.Answers = Answers.Select(a => a with { }).ToList();
        return copy;
    }
}

/// <summary>An appointment (one utility, one dispatch) and its answer once given; a proposal carries its date and slot.</summary>
public sealed record AppointmentEntry(string CounterpartId, string DispatchId, AppointmentAnswer? Answer = null,
    long? ProposedStart = null, long? ProposedEnd = null, string? Note = null, long? AnsweredAt = null);

/// <summary>The applicant's requested time: the slot's start and end as instants.</summary>
public sealed record BookingSlot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>What a booking request finds: the case, its dispatches, its latest booking, under the case's lock.</summary>
public sealed record BookingSnapshot(CaseRow Case, IReadOnlyList<DispatchRow> Dispatches, BookingRow? Current, long Now);
