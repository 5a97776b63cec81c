namespace ClaimTrace;

/// <summary>
/// A page as the store writes it: every string made storable (<see cref="StoredText"/>), metadata as
/// JSON, and a warning added when anything had to be replaced. Also the wire names of enums in rows.
/// </summary>
internal sealed record PageRow(
    string Id,
    string Key,
    string Source,
    string ContentHash,
    string Format,
    string Encoding,
    string Text,
    PageMetadata Metadata,
    string MetadataJson,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<string> Warnings,
    PageAnalysis Analysis)
{
    public static PageRow From(Page page)
    {
        var cleaner = new StoredText();
        var key = cleaner.CleanRequired(page.Key);
        var metadata = Clean(page.Metadata, cleaner);
        var comments = page.Comments.Select(c => c.Author is null ? c : c with { Author = cleaner.Clean(c.Author) }).ToList();
        var row = new PageRow(
            // Same as page.Id: UTF-8 encoding, which the id hashes, already turns lone surrogates into U+FFFD.
            PageIds.FromKey(key),
            key,
            cleaner.CleanRequired(page.Source),
            cleaner.CleanRequired(page.ContentHash),
            FormatName(page.Format),
            cleaner.CleanRequired(page.Encoding),
            cleaner.CleanRequired(page.Text),
            metadata,
            ClaimTrace.MetadataJson.Write(metadata),
            page.Segments,
            comments,
            [.. page.Warnings.Select(cleaner.CleanRequired)],
            StoredAnalysis.Clean(page.Analysis, cleaner));

        var warnings = new List<string>();
        if (cleaner.Replaced > 0)
            warnings.Add(SanitisedWarning(cleaner.Replaced));
        if (cleaner.Nuls > 0)
            warnings.Add($"stored with {cleaner.Nuls} NUL character{(cleaner.Nuls == 1 ? "" : "s")} replaced by U+FFFD");
        return warnings.Count == 0 ? row : row with { Warnings = [.. row.Warnings, .. warnings] };
    }

    public static string SanitisedWarning(int replaced) =>
        $"stored with {replaced} unpaired UTF-16 surrogate{(replaced == 1 ? "" : "s")} replaced by U+FFFD";

    public static string FormatName(PageFormat format) => format switch
    {
        PageFormat.Text => "text",
        PageFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static PageFormat ParseFormat(string name) => name switch
    {
        "text" => PageFormat.Text,
        "html" => PageFormat.Html,
        _ => throw new FormatException($"unknown page format '{name}' in the store"),
    };

    /// <summary>
    /// The outlet as the filter compares it. Folded in .NET rather than with SQL's lower(), which in
    /// SQLite only folds ASCII: "СПУТНИК" must find "Спутник" on every backend alike.
    /// </summary>
    public static string? FoldOutlet(string? outlet) =>
        string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim().ToLowerInvariant();

    private static PageMetadata Clean(PageMetadata m, StoredText cleaner)
    {
        MetaValue? C(MetaValue? v) => v is null ? null : v with { Value = cleaner.CleanRequired(v.Value), Origin = cleaner.CleanRequired(v.Origin) };
        return new PageMetadata
        {
            Url = C(m.Url),
            Title = C(m.Title),
            Outlet = C(m.Outlet),
            Author = C(m.Author),
            Published = C(m.Published),
            PageDate = C(m.PageDate),
            OriginalSource = C(m.OriginalSource),
            ScrapedAt = C(m.ScrapedAt),
            Language = C(m.Language),
        };
    }
}
