namespace ClaimTrace;

/// <summary>The page fields a container record (CSV row, JSON object) can fill.</summary>
internal enum ContainerField
{
    Content,
    Url,
    Outlet,
    Title,
    Author,
    Published,
    ScrapedAt,
    Language,
}

/// <summary>
/// Which container names fill which page field, and with what priority (Data/reading/container-fields.tsv).
/// Lookups take a span, so JSON property names are matched without allocating a string per property.
/// </summary>
internal sealed class ContainerFields
{
    public const int FieldCount = 8;

    private static readonly Lazy<ContainerFields> Shipped = new(() => Load("reading/container-fields.tsv"));

    private readonly Dictionary<string, (ContainerField Field, int Rank)> _byName;
    private readonly Dictionary<string, (ContainerField Field, int Rank)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string>[] _names;

    private ContainerFields(Dictionary<string, (ContainerField, int)> byName, List<string>[] names)
    {
        _byName = byName;
        _bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = names;
    }

    public static ContainerFields Default => Shipped.Value;

    public bool TryFind(ReadOnlySpan<char> name, out ContainerField field, out int rank)
    {
        if (_bySpan.TryGetValue(name.Trim(), out var entry))
        {
            (field, rank) = entry;
            return true;
        }

        (field, rank) = (default, 0);
        return false;
    }

    public bool TryFind(string name, out ContainerField field, out int rank) => TryFind(name.AsSpan(), out field, out rank);

    /// <summary>The names that fill a field, in priority order (for messages such as "no content column").</summary>
    public IReadOnlyList<string> NamesOf(ContainerField field) => _names[(int)field];

    private static ContainerFields Load(string relativePath)
    {
        var byName = new Dictionary<string, (ContainerField, int)>(StringComparer.OrdinalIgnoreCase);
        var names = Enumerable.Range(0, FieldCount).Select(_ => new List<string>()).ToArray();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var columns = line.Split('\t');
            if (columns.Length < 2)
                continue;
            var field = columns[0].Trim().ToLowerInvariant() switch
            {
                "content" => ContainerField.Content,
                "url" => ContainerField.Url,
                "outlet" => ContainerField.Outlet,
                "title" => ContainerField.Title,
                "author" => ContainerField.Author,
                "published" => ContainerField.Published,
                "scraped_at" => ContainerField.ScrapedAt,
                "language" => ContainerField.Language,
                var other => throw new FormatException($"{relativePath}: unknown field '{other}'."),
            };
            foreach (var raw in columns[1].Split('|'))
            {
                var name = raw.Trim();
                if (name.Length == 0 || byName.ContainsKey(name))
                    continue;
                byName[name] = (field, names[(int)field].Count);
                names[(int)field].Add(name);
            }
        }

        return new ContainerFields(byName, names);
    }
}
