namespace ClaimTrace;

internal enum CueClass
{
    Speech,
    Thought,
    Source,
    Link,
    Base,
    Noun,
}

internal sealed record CueEntry(string[] Words, string Lemma, CueClass Class);

/// <summary>
/// The reporting cues (analysis/reporting-cues.tsv), the words allowed between a speaker and its cue
/// (analysis/cue-modifiers.txt), the nouns that report speech after a possessive (analysis/nominal-cues.tsv: "his
/// claim that", "Trump's attacks on"), and the title words (analysis/titles.tsv). Phrases are matched longest first.
/// </summary>
internal sealed class CueLexicon
{
    private static readonly Lazy<CueLexicon> Shared = new(Load);

    // The attribution extractor asks about nearly every token, several times: the look-ups are made once and a
    // shape test turns most words away before they are hashed.
    private readonly Dictionary<string, List<CueEntry>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordLookup;
    private readonly Dictionary<string, List<CueEntry>>.AlternateLookup<ReadOnlySpan<char>> _nominalLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _titleLookup;
    private readonly KeyShapes _byFirstWordShapes;
    private readonly KeyShapes _nominalShapes;
    private readonly KeyShapes _titleShapes;

    private CueLexicon(Dictionary<string, List<CueEntry>> byFirstWord, Dictionary<string, List<CueEntry>> nominal, WordSet modifiers, Dictionary<string, string> titles)
    {
        Modifiers = modifiers;
        (_byFirstWordLookup, _byFirstWordShapes) = (byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>(), new KeyShapes(byFirstWord.Keys, byFirstWord.Comparer));
        (_nominalLookup, _nominalShapes) = (nominal.GetAlternateLookup<ReadOnlySpan<char>>(), new KeyShapes(nominal.Keys, nominal.Comparer));
        (_titleLookup, _titleShapes) = (titles.GetAlternateLookup<ReadOnlySpan<char>>(), new KeyShapes(titles.Keys, titles.Comparer));
    }

    public static CueLexicon Default => Shared.Value;

    public WordSet Modifiers { get; }

    /// <summary>"rank", "role", "honorific", "org", "group" for a title word, else null.</summary>
    public string? TitleType(ReadOnlySpan<char> word) =>
        _titleShapes.MayContain(word) && _titleLookup.TryGetValue(word, out var type) ? type : null;

    /// <summary>The longest cue starting at token <paramref name="index"/>, with the number of tokens it spans.</summary>
    public (CueEntry Entry, int Count)? Match(string text, List<Token> tokens, int index) => Match(_byFirstWordLookup, _byFirstWordShapes, text, tokens, index);

    /// <summary>The longest nominal cue ("claim", "attacks on") starting at token <paramref name="index"/>.</summary>
    public (CueEntry Entry, int Count)? MatchNominal(string text, List<Token> tokens, int index) => Match(_nominalLookup, _nominalShapes, text, tokens, index);

    private static (CueEntry Entry, int Count)? Match(Dictionary<string, List<CueEntry>>.AlternateLookup<ReadOnlySpan<char>> lexicon, KeyShapes shapes, string text, List<Token> tokens, int index)
    {
        var first = tokens[index];
        if (!first.IsWord)
            return null;
        var word = text.AsSpan(first.Start, first.Length);
        if (!shapes.MayContain(word) || !lexicon.TryGetValue(word, out var entries))
            return null;
        foreach (var entry in entries)
        {
            if (index + entry.Words.Length > tokens.Count)
                continue;
            var all = true;
            for (var k = 1; k < entry.Words.Length && all; k++)
            {
                var t = tokens[index + k];
                all = t.IsWord && text.AsSpan(t.Start, t.Length).Equals(entry.Words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
                return (entry, entry.Words.Length);
        }

        return null;
    }

    private static CueLexicon Load()
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFiles.ReadLines("analysis/titles.tsv"))
        {
            var cols = line.Split('\t');
            if (cols.Length >= 2)
                titles.TryAdd(cols[0].Trim(), cols[1].Trim());
        }

        return new CueLexicon(ReadCues("analysis/reporting-cues.tsv"), ReadCues("analysis/nominal-cues.tsv"), WordSet.Load("analysis/cue-modifiers.txt"), titles);
    }

    private static Dictionary<string, List<CueEntry>> ReadCues(string path)
    {
        var byFirst = new Dictionary<string, List<CueEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFiles.ReadLines(path))
        {
            var cols = line.Split('\t');
            if (cols.Length < 3)
                continue;
            var words = cols[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !Enum.TryParse<CueClass>(cols[2].Trim(), true, out var cls))
                continue;
            if (!byFirst.TryGetValue(words[0], out var list))
                byFirst[words[0]] = list = [];
            list.Add(new CueEntry(words, cols[1].Trim(), cls));
        }

        foreach (var list in byFirst.Values)
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return byFirst;
    }
}
