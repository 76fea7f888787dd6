namespace Gateway.Contracts.Lifecycle;

/// <summary>A clock's state: RUNNING towards its due time, PAUSED (the applicant deferred) until a date, MET once stopped.</summary>
public enum ClockState { Running, Paused, Met }

/// <summary>A rule broken rather than a time missed (the case view's <c>clocks[].violation</c>).</summary>
public enum ClockViolation
{
    /// <summary>Construction reported less than the required working days after the commitment filing.</summary>
    ConstructionBeforeFilingPeriod,
    /// <summary>Construction reported on a commitment-path outer work that was never filed.</summary>
    ConstructionWithoutFiling,
}
