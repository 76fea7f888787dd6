using Gateway.Contracts.Lifecycle;
using Gateway.Contracts;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;

namespace Gateway.Routing.Lifecycle;

/// <summary>The stored row for a planned dispatch: due time, warning time and the lease its first publish holds.</summary>
public static class NewDispatch
{
    public static DispatchRow From(PlannedDispatch p, string caseId, int ordinal, long now, LifecycleSettings settings, string? relatedTo = null) => new()
    {
        DispatchId = $"dsp-{Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now)):N}",
        CaseId = caseId,
        Ordinal = ordinal,
        CounterpartId = p.CounterpartId,
        Kind = p.Kind,
        Service = p.Service is { } s ? WireName.Of(s) : null,
        SlaStep = p.SlaStep,
        Status = DispatchStatus.Pending,
        CreatedAt = now,
        DueAt = p.Due is { } due ? due.At.ToUnixTimeMilliseconds() : DispatchRow.NoDue,
        DueProvisional = p.Due?.Provisional ?? false,
        LeaseUntil = now + (long)settings.DispatchLease.TotalMilliseconds,
        DueFrom = now,
        SlaHalfDays = p.Due is null ? 0 : (int)(p.SlaDays * 2),
        WarnAt = p.Due is { } d ? DeadlineWarning.WarnAt(now, d.At.ToUnixTimeMilliseconds(), settings.DeadlineWarningFraction) : DispatchRow.NoDue,
        Question = p.Question,
        RelatedDispatchId = relatedTo,
    };
}
