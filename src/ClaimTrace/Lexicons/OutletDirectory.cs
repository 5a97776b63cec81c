namespace ClaimTrace;

/// <summary>
/// Known outlets with the short tags and domains they go by (data file <c>outlets.tsv</c>), so an editor's
/// tag "[SF: ...]" or a link to "www.globalresearch.ca" can be named as the outlet it stands for.
/// </summary>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byDomain = new(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<OutletDirectory> Shipped = new(() => Load("outlets.tsv"));

    public static OutletDirectory Default => Shipped.Value;

    public static OutletDirectory Load(string relativePath)
    {
        var directory = new OutletDirectory();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var columns = line.Split('\t');
            var name = columns[0].Trim();
            if (name.Length == 0)
                continue;
            directory._byName[name] = name;
            if (columns.Length > 1)
            {
                foreach (var tag in Items(columns[1]))
                {
                    // Short all-caps tags ("SF", "AP") are matched case-sensitively: "sf" in prose is not South Front.
                    if (tag.Length <= 5 && tag.All(c => char.IsUpper(c) || char.IsDigit(c)))
                        directory._byTag[tag] = name;
                    else
                        directory._byName[tag] = name;
                }
            }

            if (columns.Length > 2)
            {
                foreach (var domain in Items(columns[2]))
                    directory._byDomain[domain] = name;
            }
        }

        return directory;
    }

    /// <summary>The canonical name for a full name or alias ("Daily Sheeple" → "The Daily Sheeple").</summary>
    public string? FindByName(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>The outlet an editor's or dateline tag stands for ("SF" → "South Front").</summary>
    public string? FindByTag(string tag) => _byTag.GetValueOrDefault(tag.Trim()) ?? FindByName(tag);

    /// <summary>The outlet behind a host or URL; subdomains match their parent ("edition.cnn.com" → CNN).</summary>
    public string? FindByHost(string hostOrUrl)
    {
        var host = HostOf(hostOrUrl);
        while (host.Length > 0)
        {
            if (_byDomain.TryGetValue(host, out var name))
                return name;
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
                break;
            host = host[(dot + 1)..];
        }

        return null;
    }

    /// <summary>The bare host of a URL or domain, lowercase, without "www.".</summary>
    public static string HostOf(string hostOrUrl)
    {
        var text = hostOrUrl.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
            text = uri.Host;
        else
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
                text = text[..slash];
        }

        text = text.ToLowerInvariant();
        return text.StartsWith("www.", StringComparison.Ordinal) ? text[4..] : text;
    }

    private static string[] Items(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
