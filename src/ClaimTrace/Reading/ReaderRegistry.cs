namespace ClaimTrace;

/// <summary>
/// The readers by format name and by file extension. Formats: txt, html, csv, jsonl, warc (which also
/// reads .warc.gz: the WARC reader recognises gzip by its magic bytes, whatever the extension says).
/// </summary>
public sealed class ReaderRegistry
{
    private static readonly Dictionary<string, string> FormatAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "txt",
        ["text"] = "txt",
        ["md"] = "txt",
        ["html"] = "html",
        ["htm"] = "html",
        ["xhtml"] = "html",
        ["csv"] = "csv",
        ["jsonl"] = "jsonl",
        ["ndjson"] = "jsonl",
        ["warc"] = "warc",
        ["warc.gz"] = "warc",
    };

    // Markdown is read as plain text: its markup is light enough for the text segmenter, and news exports use it.
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "txt",
        [".text"] = "txt",
        [".md"] = "txt",
        [".html"] = "html",
        [".htm"] = "html",
        [".xhtml"] = "html",
        [".csv"] = "csv",
        [".jsonl"] = "jsonl",
        [".ndjson"] = "jsonl",
        [".warc"] = "warc",
        [".warc.gz"] = "warc",
    };

    private readonly Dictionary<string, IPageReader> _byFormat;

    private ReaderRegistry(ReadingOptions options)
    {
        Options = options;
        _byFormat = new Dictionary<string, IPageReader>(StringComparer.Ordinal)
        {
            ["txt"] = new PlainFileReader(PageFormat.Text, options),
            ["html"] = new PlainFileReader(PageFormat.Html, options),
            ["csv"] = new CsvPageReader(options),
            ["jsonl"] = new JsonlPageReader(options),
            ["warc"] = new WarcPageReader(options),
        };
        SinglePage = new PlainFileReader(null, options);
    }

    public static IReadOnlyList<string> Formats { get; } = ["txt", "html", "csv", "jsonl", "warc"];

    public ReadingOptions Options { get; }

    /// <summary>Reads any input as one page of unknown format (the pipeline tells HTML from text).</summary>
    public IPageReader SinglePage { get; }

    public static ReaderRegistry CreateDefault(ReadingOptions options) => new(options.Validate());

    /// <summary>The reader for a format name (case-insensitive; also text, htm, ndjson, warc.gz), or null.</summary>
    public IPageReader? ForFormat(string format)
    {
        var key = format.Trim().TrimStart('.');
        return FormatAliases.TryGetValue(key, out var name) ? _byFormat[name] : null;
    }

    /// <summary>The reader for a path's extension (.warc.gz counts as one extension), or null when none handles it.</summary>
    public IPageReader? ForPath(string path) => FormatOf(path) is { } format ? _byFormat[format] : null;

    /// <summary>The format name a path's extension maps to, or null.</summary>
    public static string? FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase))
            return "warc";
        var extension = Path.GetExtension(name);
        return Extensions.TryGetValue(extension, out var format) ? format : null;
    }
}
