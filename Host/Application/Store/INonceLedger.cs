namespace Gateway.Application.Store;

/// <summary>A signature nonce to remember: who used it, and until when a repeat of it is refused.</summary>
public sealed record NonceUse(string AccessKey, string Nonce, long SeenAt, long ExpiresAt);

/// <summary>The store's side of the signature nonces: several remembered in one transaction (<see cref="Security.NonceBatcher"/>).</summary>
public interface INonceLedger
{
    /// <summary>
    /// Remembers each nonce, in order, as if one after the other: true for a new one (or one whose earlier use expired),
    /// false for one already used and still live, also earlier in the same list. One answer per nonce, in their order.
    /// </summary>
    Task<IReadOnlyList<bool>> TryRememberAllAsync(IReadOnlyList<NonceUse> nonces, CancellationToken cancellationToken);
}
