namespace ClaimTrace;

/// <summary>
/// The shipped (and user-extended, see <see cref="DataFiles"/>) name data the entity index explains merges by:
/// the analysis gazetteer's files (places with their spellings and containers, alias groups, organisations,
/// armed groups, people), then the linking files <c>linking/aliases.tsv</c> and <c>linking/acronyms.tsv</c>.
/// Read here rather than asked of <see cref="Gazetteer"/> because a merge must name the file that justifies it,
/// and because the linking files may be extended without analysing the pages again. As in the gazetteer, a name
/// keeps the first group it is listed in.
/// </summary>
internal sealed class KnownNames
{
    internal readonly record struct Known(string Head, EntityKind Kind, MergeRule Rule, string Source, bool ExactCase);

    private readonly Dictionary<string, Known> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguousAcronyms = new(StringComparer.Ordinal);

    private static readonly Lazy<KnownNames> Shipped = new(Load);

    public static KnownNames Default => Shipped.Value;

    /// <summary>Titles before a name, as words, longest first (analysis/titles.txt).</summary>
    public IReadOnlyList<string[]> Titles { get; private init; } = [];

    /// <summary>Titles that carry no evidence of who someone is ("Mr", "Dr").</summary>
    public IReadOnlySet<string> Honorifics { get; private init; } = new HashSet<string>();

    /// <summary>Words after a place name that say what kind of place it is ("province", "camp"), folded.</summary>
    public IReadOnlySet<string> PlaceTypes { get; private init; } = new HashSet<string>();

    /// <summary>The group a name belongs to, or null. An all-capital name ("IS") matches only when written in capitals.</summary>
    public Known? Find(string name)
    {
        var clean = NameKey.Clean(name);
        if (clean.Length == 0 || !_names.TryGetValue(NameKey.Fold(clean), out var known))
            return null;
        if (known.ExactCase && clean.Any(char.IsLower))
            return null;
        return known;
    }

    /// <summary>True when the acronym data gives this acronym two meanings.</summary>
    public bool IsAmbiguousAcronym(string name) => _ambiguousAcronyms.Contains(NameKey.Fold(name));

    /// <summary>The place a known place lies in directly (places.tsv third column), or null.</summary>
    public string? Container(string place) => _parent.TryGetValue(NameKey.Fold(place), out var up) ? up : null;

    private static KnownNames Load()
    {
        var known = new KnownNames
        {
            Titles = LoadTitles(),
            Honorifics = DataFiles.ReadLines("linking/honorifics.txt")
                .SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(t => NameKey.Fold(t.TrimEnd('.')))
                .ToHashSet(StringComparer.Ordinal),
            PlaceTypes = DataFiles.ReadLines("linking/place-types.txt")
                .SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(NameKey.Fold)
                .ToHashSet(StringComparer.Ordinal),
        };
        const string places = "analysis/places.tsv";
        foreach (var c in Rows(places, 2))
        {
            known.Add(c[0], c[0], EntityKind.Place, MergeRule.AliasGroup, places);
            if (c.Length > 2 && c[2].Length > 0)
                known._parent[NameKey.Fold(c[0])] = c[2];
            if (c.Length > 3)
                known.AddAll(c[3], c[0], EntityKind.Place, MergeRule.GazetteerSpelling, places);
        }

        known.LoadKindedGroups("analysis/aliases.tsv");
        known.LoadGroups("analysis/organisations.tsv", EntityKind.Organisation);
        known.LoadGroups("analysis/armed-groups.tsv", EntityKind.ArmedGroup);
        known.LoadGroups("analysis/people.tsv", EntityKind.Person);
        known.LoadKindedGroups("linking/aliases.tsv");
        known.LoadAcronyms("linking/acronyms.tsv");
        return known;
    }

    private void LoadKindedGroups(string file)
    {
        foreach (var c in Rows(file, 2))
        {
            var kind = KindOf(c[1], file);
            // A head already known elsewhere lends its group: the linking file extends groups, it does not split them.
            var head = Find(c[0]) is { } existing && existing.Kind == kind ? existing.Head : c[0];
            Add(c[0], head, kind, MergeRule.AliasGroup, file);
            if (c.Length > 2)
                AddAll(c[2], head, kind, MergeRule.AliasGroup, file);
        }
    }

    private void LoadGroups(string file, EntityKind kind)
    {
        foreach (var c in Rows(file, 1))
        {
            Add(c[0], c[0], kind, MergeRule.AliasGroup, file);
            if (c.Length > 1)
                AddAll(c[1], c[0], kind, MergeRule.AliasGroup, file);
        }
    }

    private void LoadAcronyms(string file)
    {
        var meanings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var rows = Rows(file, 3).ToList();
        foreach (var c in rows)
        {
            var kind = KindOf(c[1], file);
            var head = Find(c[2]) is { } existing && existing.Kind == kind ? existing.Head : c[2];
            if (!meanings.TryGetValue(NameKey.Fold(c[0]), out var set))
                meanings[NameKey.Fold(c[0])] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(NameKey.Fold(head));
        }

        foreach (var c in rows)
        {
            var key = NameKey.Fold(c[0]);
            if (meanings[key].Count > 1)
            {
                _ambiguousAcronyms.Add(key);
                continue;
            }

            var kind = KindOf(c[1], file);
            var head = Find(c[2]) is { } existing && existing.Kind == kind ? existing.Head : c[2];
            Add(c[2], head, kind, MergeRule.AliasGroup, file);
            Add(c[0], head, kind, MergeRule.KnownAcronym, file);
        }
    }

    private void AddAll(string column, string head, EntityKind kind, MergeRule rule, string file)
    {
        foreach (var name in column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Add(name, head, kind, NameKey.IsAcronym(name) ? MergeRule.KnownAcronym : rule, file);
    }

    private void Add(string name, string head, EntityKind kind, MergeRule rule, string file)
    {
        var key = NameKey.Fold(name);
        if (key.Length == 0 || _names.ContainsKey(key))
            return;
        _names[key] = new Known(head, kind, rule, file, NameKey.IsAcronym(NameKey.Clean(name)) && name.Length <= 5);
    }

    private static EntityKind KindOf(string column, string file) => column switch
    {
        "armed-group" => EntityKind.ArmedGroup,
        "organisation" => EntityKind.Organisation,
        "place" => EntityKind.Place,
        "person" => EntityKind.Person,
        _ => throw new FormatException($"{file}: unknown kind '{column}'."),
    };

    private static IEnumerable<string[]> Rows(string file, int minimum)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var c = line.Split('\t', StringSplitOptions.TrimEntries);
            if (c.Length < minimum || c[0].Length == 0)
                throw new FormatException($"{file}: too few columns in '{line}'.");
            yield return c;
        }
    }

    private static string[][] LoadTitles() =>
        [.. DataFiles.ReadLines("analysis/titles.txt")
            .SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => NameKey.Fold(w.TrimEnd('.'))).ToArray())
            .DistinctBy(words => string.Join(' ', words), StringComparer.Ordinal)
            .OrderByDescending(words => words.Length)];
}
