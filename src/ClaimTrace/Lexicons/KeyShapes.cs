namespace ClaimTrace;

/// <summary>
/// A quick "certainly not a key" test to put in front of a word look-up that the analysis runs for every word of
/// every page. It remembers, for each pair of first and last letter (case folded), which lengths the keys have:
/// most words of a page fail that test, and the test costs two array reads where the look-up hashes the whole
/// word case-insensitively. It never says no to a word that is a key, under ordinal or ordinal-ignore-case
/// comparison: a key or a word with a character outside ASCII at either end is let through to the real look-up.
/// </summary>
internal sealed class KeyShapes
{
    // Lengths from 31 up share the last bit.
    private const int LongLength = 31;
    private const int Buckets = 64;

    private readonly uint[] _lengths = new uint[Buckets * Buckets];
    private bool _passAll;

    /// <param name="comparer">the look-up's comparer: only the ordinal ones are modelled, any other lets every word through</param>
    public KeyShapes(IEqualityComparer<string>? comparer)
    {
        _passAll = comparer is not null && comparer != StringComparer.Ordinal && comparer != StringComparer.OrdinalIgnoreCase && comparer != EqualityComparer<string>.Default;
    }

    public KeyShapes(IEnumerable<string> keys, IEqualityComparer<string>? comparer)
        : this(comparer)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
            Add(key);
    }

    /// <summary>Adds a key; call it for every key the look-up gains.</summary>
    public void Add(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            _passAll = true;
            return;
        }

        var bit = 1u << Math.Min(key.Length, LongLength);
        foreach (var first in Folded(key[0]))
        {
            foreach (var last in Folded(key[^1]))
                _lengths[(first * Buckets) + last] |= bit;
        }
    }

    /// <summary>False only when <paramref name="word"/> is certainly not one of the keys.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (_passAll || word.IsEmpty)
            return true;
        var (first, last) = (word[0], word[^1]);
        if (first > 127 || last > 127)
            return true;
        return (_lengths[(Bucket(first) * Buckets) + Bucket(last)] & (1u << Math.Min(word.Length, LongLength))) != 0;
    }

    private static int Bucket(char ascii) => (ascii is >= 'A' and <= 'Z' ? ascii | 0x20 : ascii) & (Buckets - 1);

    /// <summary>
    /// The buckets an end character of a key stands in. A character outside ASCII stands in all of them: case
    /// folding could make it equal some ASCII letter, and this way no such rule needs to be known.
    /// </summary>
    private static IEnumerable<int> Folded(char c) => c > 127 ? Enumerable.Range(0, Buckets) : [Bucket(c)];
}
