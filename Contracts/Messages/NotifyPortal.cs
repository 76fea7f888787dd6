namespace Gateway.Contracts.Messages;

/// <summary>Bus command: deliver one recorded portal callback (its event id is the callback's idempotency key).</summary>
public sealed record NotifyPortal(string EventId, string Portal);
