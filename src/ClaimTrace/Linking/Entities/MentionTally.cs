namespace ClaimTrace;

/// <summary>
/// What the corpus says about one name (a kind and the folded name the page analysis resolved mentions to):
/// how each spelling is written and where, the titles and organisations seen with it, and the reasons the
/// spellings belong to it. Everything is a count or a set, so the tally is the same in any page order.
/// </summary>
internal sealed class MentionTally(EntityKind kind, string key, string? doc)
{
    /// <summary>The one document of a person written by surname alone; null for every other name.</summary>
    public string? Doc { get; } = doc;

    public bool IsBareSurname => Doc is not null;

    public EntityKind Kind { get; } = kind;

    /// <summary>The folded name (<see cref="NameKey.Fold"/>).</summary>
    public string Key { get; } = key;

    public Dictionary<string, int> Forms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SpellingTally> Spellings { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Docs { get; } = new(StringComparer.Ordinal);

    /// <summary>Folded titles written before the name ("colonel general") and speakers' ranks and organisations.</summary>
    public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);

    public int Mentions { get; private set; }

    /// <summary>The form the name is most often written in (ties: ordinal order), the entity's name when nothing better is known.</summary>
    public string Display => Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;

    public void Add(string canonical, string spelling, string doc, int count = 1)
    {
        Forms[canonical] = Forms.GetValueOrDefault(canonical) + count;
        var fold = NameKey.Fold(spelling);
        if (!Spellings.TryGetValue(fold, out var tally))
            Spellings[fold] = tally = new SpellingTally();
        tally.Forms[spelling] = tally.Forms.GetValueOrDefault(spelling) + count;
        tally.Count += count;
        tally.Docs.Add(doc);
        Docs.Add(doc);
        Mentions += count;
    }
}

/// <summary>One spelling of a name: its written forms with counts, and the documents it occurs in.</summary>
internal sealed class SpellingTally
{
    public Dictionary<string, int> Forms { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Docs { get; } = new(StringComparer.Ordinal);
    public int Count { get; set; }

    /// <summary>Documents where the spelling is a surname the page also gives in full.</summary>
    public SortedSet<string> SurnameDocs { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents where the spelling is an acronym the page defines, with how the page wrote the definition.</summary>
    public SortedDictionary<string, string> AcronymDocs { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents where the name comes only from a statement's speaker.</summary>
    public SortedSet<string> SpeakerDocs { get; } = new(StringComparer.Ordinal);

    public string Display => Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
}
