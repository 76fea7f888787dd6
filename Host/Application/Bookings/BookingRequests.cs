using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Application.Bookings;

/// <summary>What became of a booking request: its case and booking, or why not (field errors, unknown case, refusal).</summary>
public sealed record BookingOutcome(string? CaseId, BookingRow? Booking, IReadOnlyList<Adapters.Http.FieldError>? Errors = null,
    bool UnknownCase = false, CaseRefusal? Refusal = null);

/// <summary>
/// The applicant's booking through its portal (docs/lifecycle.md): the case by the portal's application number, the region's
/// offer and calendar, then the rules under the case's lock — the booking, its appointments and their outbox rows in one
/// transaction, or nothing.
/// </summary>
public sealed class BookingRequests(ICaseStore cases, IBookingStore bookings, BookingRules rules, RegionCatalog regions, CalendarHolder calendars,
    OutboxSignal outboxSignal, TimeProvider clock, ILogger<BookingRequests> logger)
{
    public async Task<BookingOutcome> BookAsync(string portal, string applyNo, string date, string? slot, string? note, CancellationToken cancellationToken)
    {
        var @case = await cases.FindCaseByPortalApplicationAsync(portal, applyNo, cancellationToken);
        if (@case is null) return new BookingOutcome(null, null, UnknownCase: true);
        var region = regions.Find(@case.Region) ?? throw new InvalidOperationException($"case {@case.CaseId}: region {@case.Region} is not configured");
        if (region.Booking is null)
            return new BookingOutcome(@case.CaseId, null, Refusal: new CaseRefusal("BOOKING_NOT_OFFERED", $"{region.Name}的实施方案未提供预约联合验收与接通服务"));

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var booked = BookingTimes.Resolve(errors, "date", date, "slot", slot, "预约日期", region, calendars.Calendar, now);
        if (booked is null) return new BookingOutcome(@case.CaseId, null, errors.All);

        var outcome = await bookings.BookAsync(@case.CaseId, now.ToUnixTimeMilliseconds(), rules.Book(booked, portal, note), cancellationToken);
        logger.LogInformation("{Portal} booking on case {CaseId}: {Result}{Reason}", portal, @case.CaseId, outcome.Result,
            outcome.Refusal is { } r ? $" — {r.Code}" : "");
        if (outcome.Result != CaseEventResult.Applied) return new BookingOutcome(@case.CaseId, null, Refusal: outcome.Refusal);
        outboxSignal.Notify();
        return new BookingOutcome(@case.CaseId, await bookings.GetLatestBookingAsync(@case.CaseId, cancellationToken));
    }
}
