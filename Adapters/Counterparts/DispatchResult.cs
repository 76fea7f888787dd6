namespace Gateway.Adapters.Counterparts;

public enum DispatchOutcome { Acknowledged, PermanentFailure, TransientFailure }

/// <summary>What a counterpart made of a dispatch, after the resilience pipeline has done its retries.</summary>
public sealed record DispatchResult(DispatchOutcome Outcome, string? OrderNo, DateTimeOffset? AcceptedAt, string? Error, string? Reason)
{
    public static DispatchResult Acknowledged(string orderNo, DateTimeOffset? acceptedAt) => new(DispatchOutcome.Acknowledged, orderNo, acceptedAt, null, null);
    public static DispatchResult Permanent(string reason, string error) => new(DispatchOutcome.PermanentFailure, null, null, error, reason);
    public static DispatchResult Transient(string reason, string error) => new(DispatchOutcome.TransientFailure, null, null, error, reason);
}
