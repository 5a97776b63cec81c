namespace ClaimTrace;

/// <summary>
/// Gathers the names of many pages' analyses into one <see cref="MentionTally"/> per (kind, name): the entity
/// mentions, full names that only a statement's speaker gives ("Alexander Lapin said"), acronyms a page defines
/// ("Syrian Arab Army (SAA)"), titles written before a person's name and speakers' ranks and organisations.
/// </summary>
internal sealed class EntityCorpus(KnownNames known)
{
    /// <summary>
    /// A name: kind and folded name, and for a person written by surname alone the document too, because the same
    /// surname in two pages may be two people; the merger decides per page which full name, if any, it stands for.
    /// </summary>
    internal readonly record struct NameId(EntityKind Kind, string Key, string? Doc = null);

    internal static NameId IdFor(EntityKind kind, string canonical, string doc) =>
        new(kind, NameKey.Fold(canonical), kind == EntityKind.Person && NameKey.WordCount(canonical) == 1 ? doc : null);

    /// <summary>An acronym a page defines after a name, with the page's words for it.</summary>
    internal sealed record AcronymDefinition(string Acronym, NameId Expansion, string Doc, int Uses, string Written);

    public Dictionary<NameId, MentionTally> Names { get; } = [];

    /// <summary>The names each document mentions: the context that supports a spelling-variant merge.</summary>
    public Dictionary<string, HashSet<NameId>> DocNames { get; } = new(StringComparer.Ordinal);

    public List<AcronymDefinition> Acronyms { get; } = [];

    public void Add(string doc, Page page, PageAnalysis analysis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(doc);
        var text = page.Text;
        if (!DocNames.TryGetValue(doc, out var here))
            DocNames[doc] = here = [];
        var fullNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in analysis.Entities)
        {
            if (m.Kind == EntityKind.Person && NameKey.WordCount(m.Canonical) >= 2 && NameKey.Fold(m.Text) == NameKey.Fold(m.Canonical))
                fullNames.Add(NameKey.Fold(m.Canonical));
        }

        var covered = new List<TextSpan>();
        foreach (var m in analysis.Entities)
        {
            var spelling = NameKey.Clean(m.Text);
            var canonical = NameKey.Clean(m.Canonical);
            if (canonical.Length == 0)
                canonical = spelling;
            if (spelling.Length == 0)
                continue;
            var id = IdFor(m.Kind, canonical, doc);
            var tally = Tally(id);
            tally.Add(canonical, spelling, doc);
            here.Add(id);
            covered.Add(m.Span);
            var spellingKey = NameKey.Fold(spelling);
            if (m.Kind == EntityKind.Person && spellingKey != id.Key && fullNames.Contains(id.Key) && NameKey.SurnameKey(canonical) == NameKey.SurnameKey(spelling))
                tally.Spellings[spellingKey].SurnameDocs.Add(doc);
            if (m.Kind == EntityKind.Person && TitleBefore(text, m.Start) is { } title)
                tally.Titles.Add(title);
            if (m.Kind != EntityKind.Person)
                FindAcronym(text, m, id, doc);
        }

        foreach (var statement in analysis.Statements)
        {
            if (statement.Speaker is not { Kind: SpeakerKind.Person } speaker)
                continue;
            var name = NameKey.Clean(speaker.Name);
            if (name.Length == 0 || !char.IsUpper(name[0]))
                continue;
            var id = IdFor(EntityKind.Person, name, doc);
            if (!covered.Any(c => c.Overlaps(new TextSpan(speaker.NameStart, speaker.NameEnd))))
            {
                // A full name only the attribution found ("Alexander Lapin said"): counted once per page, as a person
                // the claims linker will ask about. Known names of another kind ("Agenzia Fides") are left to the mentions.
                if (NameKey.WordCount(name) < 2 || known.Find(name) is { } k && k.Kind != EntityKind.Person)
                    continue;
                covered.Add(new TextSpan(speaker.NameStart, speaker.NameEnd));
                var tally = Tally(id);
                tally.Add(name, name, doc);
                tally.Spellings[id.Key].SpeakerDocs.Add(doc);
                here.Add(id);
            }

            if (Names.TryGetValue(id, out var person))
            {
                foreach (var evidence in new[] { speaker.Rank, speaker.Organisation })
                {
                    if (NameKey.Fold(evidence ?? "") is { Length: > 0 } folded && !known.Honorifics.Contains(folded))
                        person.Titles.Add(folded);
                }
            }
        }
    }

    private MentionTally Tally(NameId id)
    {
        if (!Names.TryGetValue(id, out var tally))
            Names[id] = tally = new MentionTally(id.Kind, id.Key, id.Doc);
        return tally;
    }

    /// <summary>The title written right before a name ("Colonel General Mizintsev"), folded; null for none or an honorific.</summary>
    private string? TitleBefore(string text, int start)
    {
        var from = Math.Max(0, start - 48);
        var before = text[from..start];
        if (before.Length == 0 || before[^1] != ' ')
            return null;
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => NameKey.Fold(w.TrimEnd('.'))).ToArray();
        foreach (var title in known.Titles)
        {
            if (title.Length <= words.Length && words.AsSpan(words.Length - title.Length).SequenceEqual(title))
            {
                var folded = string.Join(' ', title);
                return known.Honorifics.Contains(folded) ? null : folded;
            }
        }

        return null;
    }

    /// <summary>"Syrian Observatory for Human Rights (SOHR)": capitals in brackets right after the name, spelling its initials.</summary>
    private void FindAcronym(string text, EntityMention m, NameId expansion, string doc)
    {
        var i = m.End;
        while (i < text.Length && text[i] == ' ')
            i++;
        if (i >= text.Length || text[i] != '(')
            return;
        var close = text.IndexOf(')', i);
        if (close < 0 || close - i > 11)
            return;
        var acronym = text[(i + 1)..close];
        if (!NameKey.IsAcronym(acronym))
            return;
        var letters = string.Concat(acronym.Where(char.IsLetter));
        var words = NameKey.Clean(m.Text).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var capitals = string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        var all = string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
        if (letters.Length < 2 || (letters != capitals && letters != all))
            return;
        Acronyms.Add(new AcronymDefinition(acronym, expansion, doc, CountWord(text, acronym), text[m.Start..(close + 1)]));
    }

    private static int CountWord(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
                count++;
        }

        return count;
    }
}
