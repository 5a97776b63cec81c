namespace ClaimTrace;

/// <summary>
/// Phrases of a data file ("more than", "square kilometers", "US $") matched token by token, longest first.
/// Forms are split with the quantity tokenizer itself, so "km/h" or "°F" match however the page spaces them.
/// A form written with a leading "=" is matched case-sensitively ("=m" is metres, never "M" for million).
/// Tokens written glued in a form must be glued in the text: "A$" is Australian dollars, "a $3,500 mortgage" is not.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.OrdinalIgnoreCase);

    // The parser asks at every token of every sentence: most words fail the shape test before they are hashed.
    private readonly KeyShapes _shapes = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Entry(string[] Tokens, bool[] Glued, bool CaseSensitive, T Value);

    public void Add(string form, T value)
    {
        var caseSensitive = form.StartsWith('=');
        var bare = caseSensitive ? form[1..] : form;
        var tokens = new List<QuantityToken>();
        QuantityTokenizer.Tokenize(bare, 0, bare.Length, tokens);
        if (tokens.Count == 0)
            return;
        var words = tokens.Select(t => bare[t.Start..t.End]).ToArray();
        if (!_byFirst.TryGetValue(words[0], out var list))
            _byFirst[words[0]] = list = [];
        _shapes.Add(words[0]);
        list.Add(new Entry(words, tokens.Select(t => t.Glued).ToArray(), caseSensitive, value));
        list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
    }

    /// <summary>The longest phrase starting at token <paramref name="index"/>: its value and how many tokens it spans.</summary>
    public bool TryMatch(string text, List<QuantityToken> tokens, int index, out T value, out int length)
    {
        value = default!;
        length = 0;
        if (index >= tokens.Count)
            return false;
        var first = tokens[index];
        var word = text.AsSpan(first.Start, first.Length);
        if (!_shapes.MayContain(word) || !_byFirst.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var list))
            return false;
        foreach (var entry in list)
        {
            if (Matches(text, tokens, index, entry))
            {
                value = entry.Value;
                length = entry.Tokens.Length;
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string text, List<QuantityToken> tokens, int index, Entry entry)
    {
        if (index + entry.Tokens.Length > tokens.Count)
            return false;
        var comparison = entry.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var k = 0; k < entry.Tokens.Length; k++)
        {
            var token = tokens[index + k];
            if (!text.AsSpan(token.Start, token.Length).Equals(entry.Tokens[k], comparison) || (k > 0 && entry.Glued[k] && !token.Glued))
                return false;
        }

        return true;
    }
}
