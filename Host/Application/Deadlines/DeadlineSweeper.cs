using Gateway.Application.Callbacks;
using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Application.Telemetry;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Application.Deadlines;

/// <summary>
/// Holds every party to its deadline. Each sweep: reload the calendars if a file changed (and recompute provisional
/// due times), raise DEADLINE_WARNING for dispatches past their warning time, DEADLINE_MISSED (overdue, portal
/// callback) for those past due, and re-queue portal callbacks that failed. All state is in the store and every
/// event is claimed by the row update that records it, so restarts and several instances raise nothing twice.
/// </summary>
public sealed class DeadlineSweeper(
    IDeadlineStore store, IClockStore clocks, IPortalCallbackStore callbacks, CalendarHolder calendars, RegionCatalog regions, OutboxSignal outboxSignal, GatewaySettings settings,
    GatewayMetrics metrics, TimeProvider clock, ILogger<DeadlineSweeper> logger) : BackgroundService
{
    private bool _provisionalChecked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.DeadlineSweepInterval, clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deadline sweep failed; will try again in {Interval}", settings.DeadlineSweepInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var reloaded = TryReloadCalendars();
        // A failing recompute is retried next sweep, and never keeps the warnings, misses and retries below from running.
        if (reloaded || !_provisionalChecked)
            _provisionalChecked = await StepAsync("provisional recompute", async () =>
            {
                await RecomputeProvisionalAsync(cancellationToken);
                return true;
            }, false);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Each step on its own: one failing (its batch rolled back) must not keep the others from running. A row the
        // store cannot process is parked by the store itself and the rest of its batch goes on.
        var warned = await StepAsync("deadline warnings", () => store.RaiseDeadlineWarningsAsync(now, 200, cancellationToken), []);
        var missed = await StepAsync("missed deadlines", () => store.RaiseMissedDeadlinesAsync(now, 200, cancellationToken), []);
        var clocksWarned = await StepAsync("clock warnings", () => clocks.RaiseClockWarningsAsync(now, 200, cancellationToken), []);
        var clocksMissed = await StepAsync("clock misses", () => clocks.RaiseClockMissesAsync(now, 200, cancellationToken), []);
        var requeued = await StepAsync("portal callback retries", () => callbacks.RequeueFailedPortalCallbacksAsync(now - 60_000, now, cancellationToken), 0);
        if (missed.Count > 0 || clocksMissed.Count > 0 || requeued > 0) outboxSignal.Notify();
        metrics.UpdateProvisionalDueTimes(await StepAsync("provisional due times", () => clocks.CountProvisionalAsync(cancellationToken), 0));
        foreach (var c in clocksWarned) logger.LogWarning("Deadline near for clock {Step} of case {CaseId} ({CounterpartId})", c.StepName, c.CaseId, c.CounterpartId);
        foreach (var c in clocksMissed)
        {
            metrics.DeadlineMissed(c.CounterpartId);
            logger.LogWarning("Deadline missed for clock {Step} of case {CaseId} ({CounterpartId})", c.StepName, c.CaseId, c.CounterpartId);
        }
        foreach (var d in warned) logger.LogWarning("Deadline near for dispatch {DispatchId} ({CounterpartId})", d.DispatchId, d.CounterpartId);
        foreach (var d in missed)
        {
            metrics.DeadlineMissed(d.CounterpartId);
            logger.LogWarning("Deadline missed for dispatch {DispatchId} ({CounterpartId})", d.DispatchId, d.CounterpartId);
        }
    }

    private async Task<T> StepAsync<T>(string what, Func<Task<T>> step, T none)
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Deadline sweep: {Step} failed; the other steps go on", what);
            return none;
        }
    }

    private bool TryReloadCalendars()
    {
        try
        {
            var reloaded = calendars.ReloadIfChanged();
            if (reloaded) logger.LogInformation("Working-day calendars reloaded: {FirstYear}–{LastYear}", calendars.Calendar.FirstYear, calendars.Calendar.LastYear);
            return reloaded;
        }
        catch (InvalidDataException ex)
        {
            logger.LogError("A calendar file is invalid; keeping the calendars in force: {Problem}", ex.Message);
            return false;
        }
    }

    /// <summary>Recomputes due times that were provisional (past the last calendar) now that the calendars may cover them.</summary>
    private async Task RecomputeProvisionalAsync(CancellationToken cancellationToken)
    {
        var provisional = await store.GetProvisionalDispatchesAsync(cancellationToken);
        if (provisional.Count > 0)
            logger.LogWarning("{Count} dispatches have provisional due times (calendars end with {LastYear}); add the next year's calendar to make them exact",
                provisional.Count, calendars.Calendar.LastYear);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (dispatch, regionId) in provisional)
        {
            var region = regions.Find(regionId);
            if (region is null) continue;
            var due = calendars.Calculator.DueAtOrProvisional(DateTimeOffset.FromUnixTimeMilliseconds(dispatch.DueFrom),
                dispatch.SlaHalfDays / 2m, region.OfficeHours);
            if (due.Provisional) continue;
            var dueAt = due.At.ToUnixTimeMilliseconds();
            await StepAsync($"recompute of dispatch {dispatch.DispatchId}", async () =>
            {
                await store.UpdateDueAsync(dispatch.DispatchId, dueAt, false,
                    DeadlineWarning.WarnAt(dispatch.DueFrom, dueAt, settings.DeadlineWarningFraction), now, cancellationToken);
                return true;
            }, false);
        }
        foreach (var (clock, regionId) in await clocks.GetProvisionalClocksAsync(cancellationToken))
        {
            if (regions.Find(regionId) is not { } region) continue;
            var due = calendars.Calculator.DueAtOrProvisional(DateTimeOffset.FromUnixTimeMilliseconds(clock.DueFrom), clock.SlaHalfDays / 2m, region.OfficeHours);
            if (due.Provisional) continue;
            var dueAt = due.At.ToUnixTimeMilliseconds();
            await StepAsync($"recompute of clock {clock.ClockId}", async () =>
            {
                await clocks.UpdateClockDueAsync(clock.ClockId, dueAt, false,
                    DeadlineWarning.WarnAt(clock.DueFrom, dueAt, settings.DeadlineWarningFraction), now, cancellationToken);
                return true;
            }, false);
        }
    }
}
