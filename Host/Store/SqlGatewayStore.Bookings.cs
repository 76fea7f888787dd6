using System.Data.Common;
using System.Text.Json;
using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>Bookings of joint acceptance and connection: read into the rules' snapshots, written as their effects.</summary>
public sealed partial class SqlGatewayStore
{
    private const string BookingColumns = """
        booking_id AS BookingId, case_id AS CaseId, round AS Round, status AS StatusName, slot_start AS SlotStart, slot_end AS SlotEnd,
        portal AS Portal, requested_at AS RequestedAt, settled_at AS SettledAt, answers_json AS AnswersJson
        """;

    public async Task<CaseEventOutcome> BookAsync(string caseId, long now, Func<BookingSnapshot, CaseEffects> rules, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var (@case, dispatches) = await LockAndReadCaseAsync(db, tx, caseId);
        var effects = rules(new BookingSnapshot(@case, dispatches, await ReadLatestBookingAsync(db, tx, caseId), now));
        return await CommitOrRefuseAsync(db, tx, @case, dispatches, effects, now, cancellationToken);
    }

    public async Task<BookingRow?> GetLatestBookingAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await ReadLatestBookingAsync(db, null, caseId);
    }

    public async Task<BookingRow?> GetBookingOfAppointmentAsync(string caseId, string dispatchId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var rows = await db.QueryAsync<StoredBooking>(new CommandDefinition(
            $"SELECT {BookingColumns} FROM bookings WHERE case_id = @caseId ORDER BY round DESC", new { caseId }, cancellationToken: cancellationToken));
        return rows.Select(Opened).FirstOrDefault(b => b.Answers.Any(a => a.DispatchId == dispatchId));
    }

    private static async Task<BookingRow?> ReadLatestBookingAsync(DbConnection db, DbTransaction? tx, string caseId)
    {
        var row = await db.QueryFirstOrDefaultAsync<StoredBooking>(
            $"SELECT {BookingColumns} FROM bookings WHERE case_id = @caseId ORDER BY round DESC LIMIT 1", new { caseId }, tx);
        return row is null ? null : Opened(row);
    }

    /// <summary>The booking an appointment answer needs in its snapshot (the one whose round sent this dispatch).</summary>
    private static async Task<BookingRow?> ReadBookingForAsync(DbConnection db, DbTransaction tx, DispatchRow subject) =>
        subject.Kind == Contracts.Lifecycle.DispatchKind.Appointment ? await ReadLatestBookingAsync(db, tx, subject.CaseId) : null;

    private static async Task WriteBookingAsync(WriteBatch writes, BookingRow? booking)
    {
        if (booking is null) return;
        await writes.AddAsync("""
            INSERT INTO bookings (booking_id, case_id, round, status, slot_start, slot_end, portal, requested_at, settled_at, answers_json)
            VALUES (@BookingId, @CaseId, @Round, @Status, @SlotStart, @SlotEnd, @Portal, @RequestedAt, @SettledAt, @AnswersJson)
            ON CONFLICT (booking_id) DO UPDATE SET status = excluded.status, settled_at = excluded.settled_at, answers_json = excluded.answers_json
            """, new
        {
            booking.BookingId, booking.CaseId, booking.Round, Status = booking.StatusName, booking.SlotStart, booking.SlotEnd, booking.Portal,
            booking.RequestedAt, booking.SettledAt, AnswersJson = JsonSerializer.Serialize(booking.Answers, GatewayJson.Options),
        });
    }

    private static BookingRow Opened(StoredBooking s) => new()
    {
        BookingId = s.BookingId, CaseId = s.CaseId, Round = s.Round, StatusName = s.StatusName, SlotStart = s.SlotStart, SlotEnd = s.SlotEnd,
        Portal = s.Portal, RequestedAt = s.RequestedAt, SettledAt = s.SettledAt,
        Answers = JsonSerializer.Deserialize<List<AppointmentEntry>>(s.AnswersJson, GatewayJson.Options) ?? [],
    };

    private sealed class StoredBooking
    {
        public string BookingId { get; set; } = "";
        public string CaseId { get; set; } = "";
        public int Round { get; set; }
        public string StatusName { get; set; } = "";
        public long SlotStart { get; set; }
        public long SlotEnd { get; set; }
        public string Portal { get; set; } = "";
        public long RequestedAt { get; set; }
        public long? SettledAt { get; set; }
        public string AnswersJson { get; set; } = "";
    }
}
