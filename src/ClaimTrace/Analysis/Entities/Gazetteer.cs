namespace ClaimTrace;

/// <summary>
/// Known names (data files <c>analysis/places.tsv</c>, <c>aliases.tsv</c>, <c>organisations.tsv</c>,
/// <c>armed-groups.tsv</c>, <c>people.tsv</c>): each name resolves to its group's head ("Daesh" → "ISIS",
/// "Deir el-Zour" → "Deir Ezzor"), and places know what they lie in, so "Deir Ezzor province" can be matched
/// as part of "Syria". All-capital names ("IS", "SAA") are matched only as written: "is" in prose is no group.
/// </summary>
public sealed class Gazetteer
{
    internal readonly record struct Entry(string Canonical, EntityKind Kind, bool ExactCase);

    private readonly Dictionary<string, Entry> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    // The first word of every name, trailing full stops dropped ("U.S." → "U.S"): a word that starts no name needs
    // no look-up of the longer spans that begin with it, which is most capitalised words of a page.
    private readonly HashSet<string> _firstWords = new(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<Gazetteer> Shipped = new(Load);

    // Shape tests in front of the two look-ups the recogniser makes at every capitalised word; built after loading.
    private KeyShapes? _nameShapes;
    private KeyShapes? _firstWordShapes;

    public static Gazetteer Default => Shipped.Value;

    /// <summary>The longest name, in words, that any entry has: the recogniser tries no longer spans.</summary>
    internal int LongestName { get; private set; } = 1;

    /// <summary>The head name of the group <paramref name="name"/> belongs to, or null for an unknown name.</summary>
    public string? Canonical(string name) => Find(name)?.Canonical;

    /// <summary>True when place <paramref name="inner"/> is <paramref name="outer"/> or lies within it, at any depth.</summary>
    public bool Contains(string outer, string inner)
    {
        if (Canonical(outer) is not { } top || Canonical(inner) is not { } place)
            return false;
        for (var depth = 0; depth < 16; depth++)
        {
            if (place == top)
                return true;
            if (!_parent.TryGetValue(place, out var up))
                return false;
            place = up;
        }

        return false;
    }

    /// <summary>
    /// The outermost place <paramref name="place"/> lies in ("Deir Ezzor" → "Syria"), the place itself when
    /// nothing contains it, or null for a name that is not a known place.
    /// </summary>
    public string? Outermost(string place)
    {
        if (Find(place) is not { Kind: EntityKind.Place } entry)
            return null;
        var current = entry.Canonical;
        for (var depth = 0; depth < 16 && _parent.TryGetValue(current, out var up); depth++)
            current = Canonical(up) ?? up;
        return current;
    }

    internal Entry? Find(string written) => Find(written.AsSpan());

    internal Entry? Find(ReadOnlySpan<char> written)
    {
        // Most spans are already in the stored form (words apart by one space, straight apostrophes): look them up
        // as they stand, and build the normal form only for the rest.
        var key = IsNormal(written) ? written : Normalise(written.ToString()).AsSpan();
        if (_nameShapes?.MayContain(key) == false || !_names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var entry))
            return null;
        if (entry.ExactCase && HasLower(key))
            return null;
        return entry;
    }

    /// <summary>True when some name may begin with this word (written without a trailing full stop).</summary>
    internal bool MayStartName(ReadOnlySpan<char> word) =>
        word.Contains('’') || (_firstWordShapes?.MayContain(word) != false && _firstWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));

    private static bool HasLower(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (char.IsLower(c))
                return true;
        }

        return false;
    }

    private static bool IsNormal(ReadOnlySpan<char> written)
    {
        if (written.IsEmpty || char.IsWhiteSpace(written[0]) || char.IsWhiteSpace(written[^1]))
            return false;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            if (c == '’' || (char.IsWhiteSpace(c) && (c != ' ' || written[i - 1] == ' ')))
                return false;
        }

        return true;
    }

    private static string Normalise(string name) =>
        string.Join(' ', name.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Gazetteer Load()
    {
        var g = new Gazetteer();
        foreach (var line in DataFiles.ReadLines("analysis/places.tsv"))
        {
            var c = Columns(line, 2, "analysis/places.tsv");
            g.Add(c[0], EntityKind.Place, c[0]);
            if (c.Length > 2 && c[2].Length > 0)
                g._parent[c[0]] = c[2];
            if (c.Length > 3)
                g.AddAll(c[3], EntityKind.Place, c[0]);
        }

        foreach (var line in DataFiles.ReadLines("analysis/aliases.tsv"))
        {
            var c = Columns(line, 2, "analysis/aliases.tsv");
            var kind = c[1] switch
            {
                "armed-group" => EntityKind.ArmedGroup,
                "organisation" => EntityKind.Organisation,
                "place" => EntityKind.Place,
                "person" => EntityKind.Person,
                _ => throw new FormatException($"analysis/aliases.tsv: unknown kind '{c[1]}' in '{line}'."),
            };
            g.Add(c[0], kind, c[0]);
            if (c.Length > 2)
                g.AddAll(c[2], kind, c[0]);
        }

        g.LoadGroups("analysis/organisations.tsv", EntityKind.Organisation);
        g.LoadGroups("analysis/armed-groups.tsv", EntityKind.ArmedGroup);
        g.LoadGroups("analysis/people.tsv", EntityKind.Person);
        g._nameShapes = new KeyShapes(g._names.Keys, g._names.Comparer);
        g._firstWordShapes = new KeyShapes(g._firstWords, g._firstWords.Comparer);
        return g;
    }

    private void LoadGroups(string file, EntityKind kind)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var c = Columns(line, 1, file);
            Add(c[0], kind, c[0]);
            if (c.Length > 1)
                AddAll(c[1], kind, c[0]);
        }
    }

    private void AddAll(string column, EntityKind kind, string head)
    {
        foreach (var name in column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Add(name, kind, head);
    }

    private void Add(string name, EntityKind kind, string head)
    {
        var key = Normalise(name);
        // A name already known keeps its first group: places.tsv is read first, and its heads are the ones
        // aliases.tsv points at.
        if (_names.TryGetValue(key, out var known))
            head = known.Canonical;
        var exact = key.Length <= 5 && key.Any(char.IsLetter) && !key.Any(char.IsLower);
        _names[key] = new Entry(known.Canonical ?? head, known.Canonical is null ? kind : known.Kind, exact);
        LongestName = Math.Max(LongestName, key.Count(ch => ch == ' ') + 1);
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        _firstWords.Add((space < 0 ? key : key[..space]).TrimEnd('.'));
    }

    private static string[] Columns(string line, int minimum, string file)
    {
        var c = line.Split('\t', StringSplitOptions.TrimEntries);
        if (c.Length < minimum || c[0].Length == 0)
            throw new FormatException($"{file}: too few columns in '{line}'.");
        return c;
    }
}
