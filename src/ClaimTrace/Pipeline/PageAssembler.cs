namespace ClaimTrace;

/// <summary>Makes the stored <see cref="Page"/> from a segmenter's output: identity, hash and provenance.</summary>
public static class PageAssembler
{
    public static Page Assemble(string source, PageFormat format, string encoding, SegmentedPage segmented, IReadOnlyList<string>? warnings = null) => new()
    {
        Source = source,
        Key = KeyFor(source, segmented.Metadata),
        ContentHash = PageIds.Sha256Hex(segmented.Text),
        Format = format,
        Text = segmented.Text,
        Encoding = encoding,
        Metadata = segmented.Metadata,
        Segments = segmented.Segments,
        Comments = segmented.Comments,
        Warnings = warnings ?? [],
    };

    /// <summary>
    /// The URL a container gives is the page's identity wherever the file sits; without one, the file's
    /// full path (plus its record locator) is, so re-ingesting the same file is recognised.
    /// </summary>
    public static string KeyFor(string source, PageMetadata metadata)
    {
        if (metadata.Url is { FromContainer: true } url && !string.IsNullOrWhiteSpace(url.Value))
            return url.Value.Trim();
        if (source == "-" || source.StartsWith("-#", StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal))
            return source;
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? source : source[..hash];
        var locator = hash < 0 ? "" : source[hash..];
        try
        {
            return Path.GetFullPath(path) + locator;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return source;
        }
    }
}
