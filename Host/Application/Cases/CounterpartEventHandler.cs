using Gateway.Adapters.Counterparts.Inbound;
using Gateway.Adapters.Portals.Validation;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;

using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Cases;

/// <summary>
/// Applies a validated progress report or decision (REST or SOAP alike) through the store's one-transaction path and
/// wakes the outbox for the dispatches and callbacks it wrote.
/// </summary>
public sealed class CounterpartEventHandler(ICaseStore store, CaseEventRules rules, OutboxSignal outboxSignal, TimeProvider clock,
    ILogger<CounterpartEventHandler> logger)
{
    public Task<CaseEventOutcome> ProgressAsync(string counterpartId, ProgressReport report, CancellationToken cancellationToken) =>
        WireName.TryParse<UtilityEvent>(report.Status, out var clockEvent) && CaseEventRules.UtilityEvents.Contains(report.Status!)
            ? ApplyAsync(counterpartId, report.EventId!, report.DispatchId!, rules.UtilityReport(clockEvent, Detail(report), report.Note),
                $"event {report.Status}", cancellationToken)
            : ApplyAsync(counterpartId, report.EventId!, report.DispatchId!, rules.Progress(WireName.Parse<WorkProgress>(report.Status!), report.OrderNo!, report.Note),
            $"progress {report.Status}", cancellationToken);

    public Task<CaseEventOutcome> DecisionAsync(string counterpartId, DecisionReport report, CancellationToken cancellationToken) =>
        ApplyAsync(counterpartId, report.EventId!, report.DispatchId!, rules.Decision(WireName.Parse<Decision>(report.Decision!), report.PermitNo, report.Reason),
            $"decision {report.Decision}", cancellationToken);

    /// <summary>The validated extra fields of a clock event (the validator has checked their format).</summary>
    private static UtilityEventDetail Detail(ProgressReport r) => new(
        BeijingTime.TryParseDate(r.Until, out var until) ? until : null,
        BeijingTime.TryParse(r.AgreedAt, out var agreed) ? agreed : null,
        BeijingTime.TryParse(r.PlannedStart, out var start) ? start
            : BeijingTime.TryParseDate(r.PlannedStart, out var day) ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BeijingTime.Offset) : null);

    private async Task<CaseEventOutcome> ApplyAsync(string counterpartId, string eventId, string dispatchId,
        Func<CaseSnapshot, CaseEffects> decide, string what, CancellationToken cancellationToken)
    {
        var outcome = await store.ApplyCaseEventAsync(counterpartId, eventId, dispatchId, clock.GetUtcNow().ToUnixTimeMilliseconds(), decide,
            cancellationToken);
        if (outcome.Result == CaseEventResult.Applied) outboxSignal.Notify();
        logger.LogInformation("{CounterpartId} {What} on dispatch {DispatchId} (event {EventId}): {Result}{Reason}",
            counterpartId, what, dispatchId, eventId, outcome.Result, outcome.Refusal is { } r ? $" — {r.Code}" : "");
        return outcome;
    }
}
