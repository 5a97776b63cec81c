namespace ClaimTrace;

/// <summary>A set of lowercase words or phrases from a data file, one a line (commas separate variants).</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words;
    private readonly string[] _phrases;

    // Asked about every word of a page: the shape test turns most words away before the look-up hashes them.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly KeyShapes _shapes;

    private WordSet(HashSet<string> words, string[] phrases)
    {
        _words = words;
        _phrases = phrases;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _shapes = new KeyShapes(words, words.Comparer);
    }

    public static WordSet Load(string relativePath)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var phrases = new List<string>();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            foreach (var item in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (item.Contains(' ', StringComparison.Ordinal))
                    phrases.Add(item.ToLowerInvariant());
                else
                    words.Add(item);
            }
        }

        return new WordSet(words, [.. phrases]);
    }

    public bool Contains(ReadOnlySpan<char> word) => _shapes.MayContain(word) && _lookup.Contains(word);

    /// <summary>Multi-word entries ("according to"), lowercase.</summary>
    public IReadOnlyList<string> Phrases => _phrases;
}
