namespace Gateway.Fakes;

/// <summary>How a scripted answer breaks the HTTP exchange, by WireMock's fault injection.</summary>
public enum FakeFault
{
    None,
    /// <summary>
    /// The connection is aborted before any response: the client sees a reset. WireMock.Net 2.21 has no such fault
    /// (its EMPTY_RESPONSE answers 200 with no body), so the fake aborts in a middleware ahead of WireMock.
    /// </summary>
    ConnectionReset,
    /// <summary>The status line, then random bytes as the body (WireMock's MALFORMED_RESPONSE_CHUNK).</summary>
    MalformedChunk,
}

/// <summary>The answer a fake gives: status, JSON (or any) body, optional Retry-After seconds, delay and fault.</summary>
public sealed record FakeAnswer(int Status, string? Json, int? RetryAfterSeconds = null)
{
    /// <summary>How long the fake waits before answering (beyond the gateway's per-try timeout: a timed-out try).</summary>
    public TimeSpan Delay { get; init; }

    public FakeFault Fault { get; init; }

    /// <summary>A <c>Location</c> header (redirect answers).</summary>
    public string? Location { get; init; }

    /// <summary>A body of this many bytes ('x'), instead of <see cref="Json"/>: an oversized answer.</summary>
    public int? BodyBytes { get; init; }

    public static FakeAnswer Reset() => new(0, null) { Fault = FakeFault.ConnectionReset };

    public static FakeAnswer MalformedChunk(int status = 200) => new(status, null) { Fault = FakeFault.MalformedChunk };
}
