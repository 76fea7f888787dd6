using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// A timed step of a case beyond the dispatches' own due times (table <c>clocks</c>): which plan limit (<see cref="Step"/>)
/// binds which counterpart, from when, until when. Times are Unix milliseconds (UTC). One clock per case, step and
/// counterpart; the rules start, pause and stop it, the sweeper warns and misses it once each.
/// </summary>
public sealed class ClockRow
{
    public string ClockId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public SlaStepName Step { get; set; }
    /// <summary><see cref="Step"/> under its stored name (<see cref="WireName"/>).</summary>
    public string StepName { get => WireName.Of(Step); set => Step = WireName.Parse<SlaStepName>(value); }
    public string CounterpartId { get; set; } = "";
    /// <summary>The dispatch whose report started the clock (the OVERDUE callback names its service and counterpart).</summary>
    public string DispatchId { get; set; } = "";
    public long StartedAt { get; set; }
    /// <summary>Where the period counts from (the start, or the applicant's new date after a deferral) and its length.</summary>
    public long DueFrom { get; set; }
    public int SlaHalfDays { get; set; }
    /// <summary>Null for a clock that has no due time but a rule (commitment filing: <see cref="NotBefore"/>).</summary>
    public long? DueAt { get; set; }
    public bool DueProvisional { get; set; }
    public long? WarnAt { get; set; }
    /// <summary>While the applicant defers: the clock neither warns nor misses before this instant.</summary>
    public long? PausedUntil { get; set; }
    /// <summary>Commitment filing: construction may not start before this instant.</summary>
    public long? NotBefore { get; set; }
    public long? MetAt { get; set; }
    public long? WarnedAt { get; set; }
    public long? MissedAt { get; set; }
    public bool Overdue { get; set; }
    public ClockViolation? Violation { get; set; }
    /// <summary><see cref="Violation"/> under its stored name.</summary>
    public string? ViolationName { get => Violation is { } v ? WireName.Of(v) : null; set => Violation = value is null ? null : WireName.Parse<ClockViolation>(value); }

    public ClockState StateAt(long now) =>
        MetAt is not null ? ClockState.Met : PausedUntil is { } until && until > now ? ClockState.Paused : ClockState.Running;

    public ClockRow Copy() => (ClockRow)MemberwiseClone();
}
