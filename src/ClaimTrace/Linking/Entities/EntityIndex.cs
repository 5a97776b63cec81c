namespace ClaimTrace;

/// <summary>
/// The entities of a corpus: the entity mentions of many pages' analyses grouped into people, organisations, places
/// and armed groups, each merge with its reason (docs/entities.md has the rules). Built in one pass over the pages;
/// the result does not depend on their order. The claims linker asks it whether two names are one
/// (<see cref="SameEntity"/>) and whether one place lies in another (<see cref="Contains"/>).
/// </summary>
public sealed class EntityIndex
{
    private readonly KnownNames _known;
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, Entity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Entity Entity, EntitySpelling Spelling)>> _bySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byTransliteration = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Entity Entity, string Given)>> _fullBySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _bareBySurname = new(StringComparer.Ordinal);

    private EntityIndex(IReadOnlyList<Entity> entities, KnownNames known, Gazetteer gazetteer)
    {
        _known = known;
        _gazetteer = gazetteer;
        Entities = [.. entities.OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal)];
        foreach (var e in Entities)
        {
            _byId[e.Id] = e;
            var multi = false;
            foreach (var s in e.Spellings.Append(new EntitySpelling(e.Canonical, 0, [])))
            {
                Add(_bySpelling, NameKey.Fold(s.Text), (e, s));
                var key = NameKey.Transliteration(s.Text);
                if (key.Length >= 4 && (!_byTransliteration.TryGetValue(key, out var list) || !list.Contains(e)))
                    Add(_byTransliteration, key, e);
                if (e.Kind == EntityKind.Person && NameKey.GivenName(s.Text) is { } given)
                {
                    multi = true;
                    var surname = NameKey.SurnameKey(s.Text);
                    if (!_fullBySurname.TryGetValue(surname, out var people) || !people.Contains((e, given)))
                        Add(_fullBySurname, surname, (e, given));
                }
            }

            if (e.Kind == EntityKind.Person && !multi)
                Add(_bareBySurname, NameKey.SurnameKey(e.Canonical), e);
        }
    }

    /// <summary>Every entity, most mentioned first (ties by id).</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>Groups the entity mentions (and speakers' full names) of the pages into entities.</summary>
    public static EntityIndex Build(IEnumerable<(string DocId, Page Page, PageAnalysis Analysis)> pages) =>
        Build(pages, KnownNames.Default, Gazetteer.Default);

    internal static EntityIndex Build(IEnumerable<(string DocId, Page Page, PageAnalysis Analysis)> pages, KnownNames known, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var corpus = new EntityCorpus(known);
        foreach (var (doc, page, analysis) in pages)
            corpus.Add(doc, page, analysis);
        return new EntityIndex(new EntityMerger(corpus, known).Merge(), known, gazetteer);
    }

    /// <summary>The entity with this id, or null.</summary>
    public Entity? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The entity a name stands for, or null when the corpus has no such entity or the name is ambiguous. Tried in
    /// turn: the name as the corpus writes it; without a title ("Colonel General Mizintsev", "Mr Rudskoi"); the
    /// alias and acronym data; the transliteration key; for a full name the corpus never writes, the one person with
    /// its surname and a given name that agrees ("Sergei Rudskoi" → "Rudskoi" when no other Rudskoi is known).
    /// </summary>
    public ResolvedEntity? Resolve(string name, EntityKind? kind = null)
    {
        var clean = NameKey.Clean(name);
        if (clean.Length == 0)
            return null;
        var forms = new List<string> { clean };
        if (WithoutTitle(clean) is { } bare && bare != clean)
            forms.Add(bare);
        if (kind is null or EntityKind.Place && WithoutPlaceType(forms[^1]) is { } place)
            forms.Add(place);
        foreach (var form in forms)
        {
            if (BySpelling(form, kind) is { } written)
                return Resolved(written, form == clean ? $"'{form}' is written so in the corpus" : $"'{form}' (the name without its title or place type) is written so in the corpus");
        }

        foreach (var form in forms)
        {
            if (_known.Find(form) is { } k && (kind is null || k.Kind == kind) && BySpelling(k.Head, k.Kind) is { } listed)
                return Resolved(listed, EntityMerger.DataEvidence(form, k));
        }

        foreach (var form in forms)
        {
            var key = NameKey.Transliteration(form);
            if (key.Length >= 4 && _byTransliteration.TryGetValue(key, out var byKey) && Single(byKey.Where(e => kind is null || e.Kind == kind)) is { } translit)
                return Resolved(translit, $"'{form}' has the transliteration key '{key}' of '{translit.Canonical}'");
        }

        if (kind is null or EntityKind.Person && BySurname(forms[^1]) is var (person, why))
            return Resolved(person, why);
        return null;
    }

    /// <summary>True when both names resolve to one entity.</summary>
    public bool SameEntity(string a, string b) =>
        Resolve(a) is { } x && Resolve(b) is { } y && x.Id == y.Id;

    /// <summary>
    /// True when place <paramref name="inner"/> is <paramref name="outer"/> or lies within it, by the gazetteer's
    /// containment through the names the index resolves ("Deir el-Zour province" within "Syria").
    /// </summary>
    public bool Contains(string outer, string inner)
    {
        var outerNames = PlaceNames(outer);
        var innerNames = PlaceNames(inner);
        return outerNames.Any(o => innerNames.Any(i => _gazetteer.Contains(o, i)));
    }

    private List<string> PlaceNames(string name)
    {
        var names = new List<string>();
        if (Resolve(name, EntityKind.Place) is { } place && Get(place.Id) is { } entity)
            names.AddRange(entity.Spellings.Select(s => s.Text).Prepend(entity.Canonical).Where(n => _gazetteer.Canonical(n) is not null).Take(1));
        var clean = NameKey.Clean(name);
        if (names.Count == 0 && clean.Length > 0)
            names.Add(clean);
        return names;
    }

    private static ResolvedEntity Resolved(Entity e, string match) => new(e.Id, e.Canonical, e.Kind, match, e.Reasons, e.Ambiguities);

    private Entity? BySpelling(string form, EntityKind? kind)
    {
        if (!_bySpelling.TryGetValue(NameKey.Fold(form), out var hits))
            return null;
        // An acronym the corpus writes in capitals ("IS") is no match for the word written in lowercase ("is").
        var lower = form.Any(char.IsLower);
        return hits
            .Where(h => kind is null || h.Entity.Kind == kind)
            .Where(h => !lower || !NameKey.IsAcronym(h.Spelling.Text))
            .OrderByDescending(h => h.Spelling.Count)
            .ThenBy(h => h.Entity.Id, StringComparer.Ordinal)
            .Select(h => h.Entity)
            .FirstOrDefault();
    }

    /// <summary>A full name the corpus never writes, matched to the one person who carries its surname with an agreeing given name.</summary>
    private (Entity, string)? BySurname(string form)
    {
        if (NameKey.GivenName(form) is not { } given)
            return null;
        var surname = NameKey.SurnameKey(form);
        var full = _fullBySurname.GetValueOrDefault(surname) ?? [];
        var agreeing = full.Where(f => NameKey.GivenNamesAgree(f.Given, given)).Select(f => f.Entity).Distinct().ToList();
        if (agreeing.Count == 1)
            return (agreeing[0], $"'{form}' agrees in given name and surname with '{agreeing[0].Canonical}'");
        if (agreeing.Count > 1 || full.Count > 0)
            return null;
        var bare = _bareBySurname.GetValueOrDefault(surname) ?? [];
        return bare.Count == 1 && bare[0].Ambiguities.Count == 0
            ? (bare[0], $"the corpus writes this person only by the surname '{bare[0].Canonical}', and no other full name carries it")
            : null;
    }

    private static Entity? Single(IEnumerable<Entity> entities)
    {
        var list = entities.Distinct().Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>The name without a leading "the" and titles ("Colonel General Mizintsev" → "Mizintsev"), or null when nothing is left.</summary>
    private string? WithoutTitle(string clean)
    {
        var words = clean.Split(' ');
        var start = 0;
        var stripped = true;
        while (stripped && start < words.Length - 1)
        {
            stripped = false;
            if (words[start].Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                start++;
                stripped = true;
                continue;
            }

            var folded = words[start..].Select(w => NameKey.Fold(w.TrimEnd('.'))).ToArray();
            foreach (var title in _known.Titles)
            {
                if (title.Length < folded.Length && folded.AsSpan(0, title.Length).SequenceEqual(title))
                {
                    start += title.Length;
                    stripped = true;
                    break;
                }
            }
        }

        return start == 0 ? null : string.Join(' ', words[start..]);
    }

    /// <summary>"Deir el-Zour province" → "Deir el-Zour": the name without a last word that only says what kind of place it is.</summary>
    private string? WithoutPlaceType(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 && _known.PlaceTypes.Contains(NameKey.Fold(name[(space + 1)..])) ? name[..space] : null;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(value);
    }
}
