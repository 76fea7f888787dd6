namespace Gateway.Adapters.Security;

/// <summary>Secrets of the callers allowed in (portal ids and counterpart ids as access keys).</summary>
public interface ICallerSecrets
{
    bool TryGetSecret(string accessKey, out string secret);
}

/// <summary>Remembers nonces per access key so a captured request cannot be replayed.</summary>
public interface INonceStore
{
    /// <summary>False when the nonce was already used by this access key and has not expired.</summary>
    Task<bool> TryRememberAsync(string accessKey, string nonce, DateTimeOffset seenAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
