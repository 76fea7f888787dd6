namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a utility reports besides its progress steps: the events that start, pause or stop a clock (the applicant's
/// completion request, a deferral, the agreed connection time, a special-equipment inspection, the commitment filing, the
/// road restored). They never move the work order's progress.
/// </summary>
public enum UtilityEvent { CompletionRequested, ConnectionDeferred, ConnectionAgreed, InspectionRequested, Inspected, CommitmentFiled, RoadRestored }
