using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Application.Bookings;

/// <summary>
/// A utility's answer to its appointment (docs/lifecycle.md): through the one counterpart-event transaction (the event id
/// claimed with its effects, the case locked, the booking read into the snapshot), so the last answer settles the booking
/// or reports the conflict in the same commit.
/// </summary>
public sealed class AppointmentAnswers(ICaseStore store, BookingRules rules, RegionCatalog regions, CalendarHolder calendars,
    OutboxSignal outboxSignal, TimeProvider clock, ILogger<AppointmentAnswers> logger)
{
    /// <summary>A proposal's time checked in the utility's region; null with field errors when it does not hold.</summary>
    public BookingSlot? Proposal(string counterpartId, string date, string? slot, FieldErrors errors)
    {
        var region = regions.FindCounterpart(counterpartId) is { } c ? regions.Find(c.Region) : null;
        if (region is null) throw new InvalidOperationException($"counterpart {counterpartId} has no configured region");
        return BookingTimes.Resolve(errors, "proposedDate", date, "proposedSlot", slot, "提议日期", region, calendars.Calendar, clock.GetUtcNow());
    }

    public async Task<CaseEventOutcome> AnswerAsync(string counterpartId, string eventId, string dispatchId, AppointmentAnswer answer,
        BookingSlot? proposed, string? note, CancellationToken cancellationToken)
    {
        var outcome = await store.ApplyCaseEventAsync(counterpartId, eventId, dispatchId, clock.GetUtcNow().ToUnixTimeMilliseconds(),
            rules.Answer(answer, proposed, note), cancellationToken);
        if (outcome.Result == CaseEventResult.Applied) outboxSignal.Notify();
        logger.LogInformation("{CounterpartId} appointment answer {Answer} on dispatch {DispatchId} (event {EventId}): {Result}{Reason}",
            counterpartId, answer, dispatchId, eventId, outcome.Result, outcome.Refusal is { } r ? $" — {r.Code}" : "");
        return outcome;
    }
}
