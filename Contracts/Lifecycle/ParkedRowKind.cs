namespace Gateway.Contracts.Lifecycle;

/// <summary>
/// What a batch loop set aside because it could not process it (unreadable personal data, a malformed payload): the
/// loop goes on with the other rows, and operators see the parked row with its reason (<c>GET /api/admin/parked</c>).
/// </summary>
public enum ParkedRowKind { Case, Dispatch, OutboxMessage, PortalCallback, Clock }
