namespace ClaimTrace;

/// <summary>
/// The word lists the entity recogniser reads (data files under <c>analysis/</c>): titles before a name, head words
/// of organisations, name particles, connectors inside organisation names, and capitalised words that are never
/// names (pronouns, determiners, months), plus the reporting verbs shared with the rest of the analysis.
/// </summary>
internal sealed class EntityLexicon
{
    private static readonly Lazy<EntityLexicon> Shipped = new(Load);

    public static EntityLexicon Default => Shipped.Value;

    public required Dictionary<string, EntityKind> HeadWords { get; init; }
    public required HashSet<string> Connectors { get; init; }
    public required WordSet Particles { get; init; }
    public required WordSet NotNames { get; init; }

    /// <summary>Lower-case words that make the capitalised name before them a place ("Lower Brenn district").</summary>
    public required WordSet PlaceTypes { get; init; }
    public required WordSet CueVerbs { get; init; }

    /// <summary>Titles by their first word, each as its words, longest first.</summary>
    public required Dictionary<string, string[][]> Titles { get; init; }

    // Look-ups by a slice of the page, so the recogniser asks about every word without copying it out; made once
    // (the lexicon is not changed after loading), each behind a shape test that turns most words away unhashed.
    private SpanLookup<EntityKind> Heads => field ??= new SpanLookup<EntityKind>(HeadWords);

    private SpanLookup<string[][]> TitleLookup => field ??= new SpanLookup<string[][]>(Titles);

    public EntityKind? HeadWord(ReadOnlySpan<char> word) => Heads.TryGetValue(word, out var kind) ? kind : null;

    public bool IsHeadWord(ReadOnlySpan<char> word) => Heads.ContainsKey(word);

    public bool IsConnector(ReadOnlySpan<char> word) => Connectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>How many words of a title start at token <paramref name="i"/> (0 for none).</summary>
    public int TitleAt(string text, List<EntityRecognizer.Token> tokens, int i)
    {
        var t = tokens[i];
        if (!TitleLookup.TryGetValue(text.AsSpan(t.Start, t.End - t.Start), out var candidates))
            return 0;
        foreach (var words in candidates)
        {
            if (i + words.Length > tokens.Count)
                continue;
            var ok = true;
            for (var k = 1; k < words.Length && ok; k++)
            {
                var tk = tokens[i + k];
                ok = (tokens[i + k - 1].JoinedToNext || text[tokens[i + k - 1].End] == '.') && text.AsSpan(tk.Start, tk.End - tk.Start).SequenceEqual(words[k]);
            }

            if (ok)
                return words.Length;
        }

        return 0;
    }

    private static EntityLexicon Load()
    {
        var heads = new Dictionary<string, EntityKind>(StringComparer.Ordinal);
        foreach (var line in DataFiles.ReadLines("analysis/organisation-heads.tsv"))
        {
            var c = line.Split('\t', StringSplitOptions.TrimEntries);
            heads[c[0]] = c.Length > 1 && c[1] == "armed-group" ? EntityKind.ArmedGroup : EntityKind.Organisation;
        }

        var titles = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var line in DataFiles.ReadLines("analysis/titles.txt"))
        {
            foreach (var title in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Words of a title, with an abbreviation's full stop dropped: tokens never carry it.
                var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.')).ToArray();
                if (!titles.TryGetValue(words[0], out var list))
                    titles[words[0]] = list = [];
                list.Add(words);
            }
        }

        return new EntityLexicon
        {
            HeadWords = heads,
            Connectors = new HashSet<string>(["of", "for", "and", "the", "on"], StringComparer.Ordinal),
            Particles = WordSet.Load("analysis/name-particles.txt"),
            NotNames = WordSet.Load("analysis/not-names.txt"),
            PlaceTypes = WordSet.Load("analysis/place-type-words.txt"),
            CueVerbs = WordSet.Load("reporting-verbs.txt"),
            Titles = titles.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal),
        };
    }
}
