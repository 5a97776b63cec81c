namespace ClaimTrace;

/// <summary>Makes the stored <see cref="Page"/> from a segmenter's output: identity, hash and provenance.</summary>
public static class PageAssembler
{
    public static Page Assemble(string source, PageFormat format, string encoding, SegmentedPage segmented, IReadOnlyList<string>? warnings = null)
    {
        var hash = PageIds.Sha256Hex(segmented.Text);
        return new Page
        {
            Source = source,
            Key = KeyFor(source, segmented.Metadata, hash),
            ContentHash = hash,
            Format = format,
            Text = segmented.Text,
            Encoding = encoding,
            Metadata = segmented.Metadata,
            Segments = segmented.Segments,
            Comments = segmented.Comments,
            Warnings = warnings ?? [],
        };
    }

    /// <summary>
    /// The URL a container gives is the page's identity wherever the file sits; without one, the file's
    /// full path (plus its record locator) is, so re-ingesting the same file is recognised.
    /// </summary>
    /// <remarks>
    /// Standard input has no name that survives the run, so a page read from it is known by its content:
    /// piping the same page twice stores it once, and two different pages never become versions of each other.
    /// </remarks>
    public static string KeyFor(string source, PageMetadata metadata, string contentHash)
    {
        if (metadata.Url is { FromContainer: true } url && !string.IsNullOrWhiteSpace(url.Value))
            return url.Value.Trim();
        if (source == SourceWalker.StdinName || source.StartsWith(SourceWalker.StdinName + "#", StringComparison.Ordinal))
            return $"{SourceWalker.StdinName}:{contentHash[..16]}";
        if (source.Contains("://", StringComparison.Ordinal))
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
