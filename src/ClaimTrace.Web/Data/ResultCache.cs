namespace ClaimTrace.Web;

/// <summary>
/// The last answers the app computed, kept for the next reader who asks the same: a newsroom looks at the same
/// claims and searches many times between two ingests, and a search over a large store or a dossier page costs
/// milliseconds of CPU each time, far more than handing back what was made. Bounded by a number of entries, the
/// least recently used going first; every entry is stamped with the version of the data it was made from, and a
/// stamp that is no longer current is a miss (so an ingest, here or in another process, is seen at once).
/// </summary>
internal sealed class ResultCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>The value for <paramref name="key"/> made from data version <paramref name="version"/>, made by <paramref name="make"/> when not kept.</summary>
    public TValue GetOrAdd(TKey key, long version, Func<TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Version == version)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Value;
            }
        }

        // Made outside the lock: two readers asking the same thing at once may both make it, which costs less
        // than making every other reader wait behind one slow search.
        var value = make();
        lock (_gate)
        {
            if (_entries.Remove(key, out var stale))
                _recent.Remove(stale);
            _entries[key] = _recent.AddFirst(new Entry(key, version, value));
            while (_entries.Count > capacity && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }

        return value;
    }

    /// <summary>Forgets everything (after a change this process made).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recent.Clear();
        }
    }

    private sealed record Entry(TKey Key, long Version, TValue Value);
}
