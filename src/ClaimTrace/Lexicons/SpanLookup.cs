namespace ClaimTrace;

/// <summary>
/// A dictionary asked by slices of the page text, for the look-ups the analysis makes at every word: the
/// alternate look-up is made once (making it per call checks the comparer's type each time) and
/// <see cref="KeyShapes"/> turns most words away before they are hashed. The dictionary must not change after.
/// </summary>
internal sealed class SpanLookup<TValue>
{
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly KeyShapes _shapes;

    public SpanLookup(Dictionary<string, TValue> dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        _shapes = new KeyShapes(dictionary.Keys, dictionary.Comparer);
    }

    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        if (_shapes.MayContain(word))
            return _lookup.TryGetValue(word, out value!);
        value = default!;
        return false;
    }

    public bool ContainsKey(ReadOnlySpan<char> word) => _shapes.MayContain(word) && _lookup.ContainsKey(word);
}
