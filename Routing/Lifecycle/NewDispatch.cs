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
        DueAt = p.Due.At.ToUnixTimeMilliseconds(),
        DueProvisional = p.Due.Provisional,
        LeaseUntil = now + (long)settings.DispatchLease.TotalMilliseconds,
        DueFrom = now,
        SlaHalfDays = (int)(p.SlaDays * 2),
        WarnAt = DeadlineWarning.WarnAt(now, p.Due.At.ToUnixTimeMilliseconds(), settings.DeadlineWarningFraction),
        Question = p.Question,
        RelatedDispatchId = relatedTo,
    };
}
