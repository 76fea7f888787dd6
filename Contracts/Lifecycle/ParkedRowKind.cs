namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a batch loop set aside because it could not process it (unreadable personal data, a malformed payload): the
/// loop goes on with the other rows, and operators see the parked row with its reason (<c>GET /api/admin/parked</c>).
/// </summary>
public enum ParkedRowKind { Case, Dispatch, OutboxMessage, PortalCallback, Clock }

/// <summary>Why a row was parked (its stable code on <c>GET /api/admin/parked</c>).</summary>
public enum ParkedReason
{
    /// <summary>The case's personal data or stored application does not open or read.</summary>
    UnreadableData,
    /// <summary>A message's payload does not read or its type is unknown.</summary>
    MalformedPayload,
    /// <summary>A batch loop's work for the row failed for a reason of the row's own.</summary>
    UnprocessableRow,
}
