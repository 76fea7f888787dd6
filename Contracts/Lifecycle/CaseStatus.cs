namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// A case's status (the case view's <c>status</c>): ACCEPTED when stored, DISPATCHED once every dispatch has its receipt,
/// IN_PROGRESS from the first progress report, CONNECTED when every service is connected, CLOSED when nothing is left open.
/// </summary>
public enum CaseStatus { Accepted, Dispatched, InProgress, Connected, Closed, Rejected, Withdrawn }
