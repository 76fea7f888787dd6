namespace Gateway.Routing.Lifecycle;

/// <param name="DispatchLease">How long a new dispatch's first publish (and each send) holds it before recovery may take it.</param>
/// <param name="DeadlineWarningFraction">Share of a period after which the deadline warning is due.</param>
public sealed record LifecycleSettings(TimeSpan DispatchLease, double DeadlineWarningFraction);
