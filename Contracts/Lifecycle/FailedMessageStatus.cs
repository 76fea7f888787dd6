namespace Gateway.Contracts.Lifecycle;

/// <summary>A failed message: PENDING (an operator's turn), REPLAYING (queued again), REPLAYED (acknowledged after it), DISCARDED.</summary>
public enum FailedMessageStatus { Pending, Replaying, Replayed, Discarded }
