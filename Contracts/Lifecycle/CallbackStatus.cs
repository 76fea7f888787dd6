namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// A progress callback owed to a portal: PENDING until delivered (SENT); FAILED waits for the sweeper's retry; RECORDED when
/// the portal has no callback address (kept for the case view, never sent).
/// </summary>
public enum CallbackStatus { Pending, Sent, Failed, Recorded }
