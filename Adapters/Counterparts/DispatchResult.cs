namespace Gateway.Adapters.Counterparts;

public enum DispatchOutcome { Acknowledged, PermanentFailure, TransientFailure }

/// <summary>What a counterpart made of a dispatch, after the resilience pipeline has done its retries.</summary>
public sealed record DispatchResult(DispatchOutcome Outcome, string? OrderNo, DateTimeOffset? AcceptedAt, string? Error, string? Reason)
{
    /// <summary>Each try's outcome (failed tries only), for operators.</summary>
    public IReadOnlyList<Resilience.AttemptLog.Attempt> Attempts { get; init; } = [];

    /// <summary>What was sent, for a failure's record: the headers worth showing (no signature) and the body (empty when acknowledged).</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();
    public string? RequestBody { get; init; }

    public static DispatchResult Acknowledged(string orderNo, DateTimeOffset? acceptedAt) => new(DispatchOutcome.Acknowledged, orderNo, acceptedAt, null, null);
    public static DispatchResult Permanent(string reason, string error) => new(DispatchOutcome.PermanentFailure, null, null, error, reason);
    public static DispatchResult Transient(string reason, string error) => new(DispatchOutcome.TransientFailure, null, null, error, reason);
}
