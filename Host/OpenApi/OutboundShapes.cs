using System.ComponentModel;

namespace Gateway.Host.OpenApi;

/// <summary>
/// 受理回执 of a counterpart: what a utility or department answers to a work order or approval request (2xx, or 409
/// when it already holds the idempotency key). Documented for the receiving end; the REST client reads the same two fields.
/// </summary>
[Description("对接方受理回执 (counterpart acknowledgement of a work order or approval request)")]
public sealed record CounterpartAcknowledgement(
    [property: Description("对接方单号 (the counterpart's own order number: becomes the dispatch's externalRef)")] string OrderNo,
    [property: Description("受理时间 (accepted at, ISO-8601 with offset)")] DateTimeOffset? AcceptedAt);
