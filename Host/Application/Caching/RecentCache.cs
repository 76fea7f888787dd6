using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.Application.Caching;

/// <summary>
/// What was used lately, by key, in two generations: entries go into the current one; when it holds
/// <c>generationSize</c> entries it becomes the previous one and the one before is dropped. A hit in the previous
/// generation moves the entry forward, so an entry in use is never dropped; one unused for two generations is.
/// Clearing everything at a limit instead (the first version) dropped the entries still in use with the rest, and a
/// <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> per insert takes every lock of the dictionary.
/// </summary>
public sealed class RecentCache<TValue>(int generationSize) where TValue : notnull
{
    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Items = new(StringComparer.Ordinal);
        public int Count;
    }

    private readonly Lock _turning = new();
    private volatile Generation _current = new();
    private volatile Generation _previous = new();

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_current.Items.TryGetValue(key, out value)) return true;
        if (!_previous.Items.TryGetValue(key, out value)) return false;
        Set(key, value);
        return true;
    }

    public void Set(string key, TValue value)
    {
        var current = _current;
        if (!current.Items.TryAdd(key, value))
        {
            current.Items[key] = value;
            return;
        }
        if (Interlocked.Increment(ref current.Count) < generationSize) return;
        lock (_turning)
        {
            if (_current != current) return;
            _previous = current;
            _current = new Generation();
        }
    }
}
