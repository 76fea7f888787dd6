namespace Gateway.Application.Store;

/// <summary>One use of a signature nonce: the caller's access key, the nonce, when it was seen and until when it stays spent.</summary>
public sealed record NonceUse(string AccessKey, string Nonce, DateTimeOffset SeenAt, DateTimeOffset ExpiresAt);

/// <summary>The spent signature nonces, written in batches (<see cref="Security.NonceBatcher"/>).</summary>
public interface INonceLedger
{
    /// <summary>
    /// Remembers each use in one transaction; per use, in order, false when its nonce is already spent by that access key and
    /// has not expired, also by an earlier use in the list.
    /// </summary>
    Task<IReadOnlyList<bool>> TryRememberAllAsync(IReadOnlyList<NonceUse> uses, CancellationToken cancellationToken);
}
