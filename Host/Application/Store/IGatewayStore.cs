namespace Gateway.Application.Store;

/// <summary>
/// The source of truth (cases, timeline, dispatches, outbox, nonces, failed messages) as a whole, for registration and
/// the migrate verb; one implementation (the Store project's SqlGatewayStore) serves SQLite and PostgreSQL. Use cases and
/// endpoints depend on the narrow interface of the concern they need.
/// </summary>
public interface IGatewayStore : ICaseStore, ICaseQueries, IDispatchStore, IOutboxStore, IFailedMessageStore, IDeadlineStore, IPortalCallbackStore, IStoreMaintenance,
    IParkedRowStore, IClockStore, IFeeListStore, IBookingStore, IIntentStore, IRatingStore
{
}
