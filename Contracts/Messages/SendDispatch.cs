namespace Gateway.Contracts.Messages;

/// <summary>
/// Bus command: send one dispatch (work order or approval request) to its counterpart.
/// Written to the outbox in the intake transaction; the message id is the outbox row id, and the
/// dispatch id is the idempotency key the counterpart sees however often this is delivered.
/// </summary>
/// <remarks><c>TraceParent</c>: the W3C trace context of the request that wrote the message, so the trace continues
/// across the outbox (absent in messages written before it existed).</remarks>
public sealed record SendDispatch(string DispatchId, string CaseId, string CounterpartId, string Kind, string? TraceParent = null);
