namespace Gateway.Contracts.Lifecycle;

/// <summary>The kinds of entries on a case's timeline (the case view's <c>timeline[].type</c>).</summary>
public enum TimelineType
{
    Accepted, OuterWorkPath, CommitmentReceiptIssued, JointConstruction,
    DispatchSent, DispatchAcknowledged, Dispatched, DispatchFailed, DispatchRequeued, DispatchReplayed, DispatchDiscarded,
    DispatchProgress, DispatchRejected, InProgress, ApprovalDecided, JointSurveyScheduled, OuterWorksGoAhead,
    Connected, Closed, DeadlineWarning, DeadlineMissed, DueProvisional, DueRecomputed, Rated,
    ClockStarted, ClockPaused, ClockStopped, ClockViolation, UtilityReported,
    FeeQuoted, FeeListIssued, FeePaid,
    BookingRequested, AppointmentAnswered, BookingSettled, BookingConflict,
    IntentRegistered, IntentUpdated, IntentConverted, IntentLinked,
}
