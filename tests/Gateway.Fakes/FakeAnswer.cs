namespace Gateway.Fakes;

/// <summary>How a scripted answer breaks the HTTP exchange, by WireMock's fault injection.</summary>
public enum FakeFault
{
    None,
    /// <summary>The connection is closed without a response (WireMock's EMPTY_RESPONSE): the client sees a reset.</summary>
    ConnectionReset,
    /// <summary>A status line, then garbage, then the connection closes (WireMock's MALFORMED_RESPONSE_CHUNK).</summary>
    MalformedChunk,
}

/// <summary>The answer a fake gives: status, JSON (or any) body, optional Retry-After seconds, delay and fault.</summary>
public sealed record FakeAnswer(int Status, string? Json, int? RetryAfterSeconds = null)
{
    /// <summary>How long the fake waits before answering (beyond the gateway's per-try timeout: a timed-out try).</summary>
    public TimeSpan Delay { get; init; }

    public FakeFault Fault { get; init; }

    public static FakeAnswer Reset() => new(0, null) { Fault = FakeFault.ConnectionReset };

    public static FakeAnswer MalformedChunk(int status = 200) => new(status, null) { Fault = FakeFault.MalformedChunk };
}
