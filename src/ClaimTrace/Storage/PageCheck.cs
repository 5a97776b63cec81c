namespace ClaimTrace;

/// <summary>
/// What the store refuses to keep: a page whose spans point outside its text or whose comment thread
/// points at comments that are not there. Such a page would break the promise that every stored span
/// shows its evidence, so it is recorded as a failure with this reason instead, and the batch goes on.
/// </summary>
internal static class PageCheck
{
    /// <summary>Why <paramref name="page"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(Page page)
    {
        if (page is null)
            return "the batch holds a null page";
        if (string.IsNullOrWhiteSpace(page.Key))
            return "the page has no key";
        if (string.IsNullOrEmpty(page.Source))
            return "the page has no source";
        if (string.IsNullOrEmpty(page.ContentHash))
            return "the page has no content hash";
        if (page.Text is null || page.Encoding is null || page.Metadata is null || page.Segments is null || page.Comments is null || page.Warnings is null)
            return "the page lacks its text, encoding, metadata, segments, comments or warnings";

        var length = page.Text.Length;
        for (var i = 0; i < page.Segments.Count; i++)
        {
            var s = page.Segments[i];
            if (s is null)
                return $"segment {i} is null";
            if (SpanProblem(s.Start, s.End, length) is { } problem)
                return $"segment {i} ({s.Kind.ToWire()}) {problem}";
        }

        for (var i = 0; i < page.Comments.Count; i++)
        {
            var c = page.Comments[i];
            if (c is null)
                return $"comment {i} is null";
            if (c.Index != i)
                return $"comment {i} says it is comment {c.Index}";
            if (SpanProblem(c.Start, c.End, length) is { } problem)
                return $"comment {i} {problem}";
            if (c.Depth < 0)
                return $"comment {i} has depth {c.Depth}";
            if (c.ReplyTo is { } to && (to < 0 || to >= page.Comments.Count || to == i))
                return $"comment {i} replies to comment {to}, which is not another comment of the page";
        }

        foreach (var (name, get) in MetadataJson.Fields)
        {
            var value = get(page.Metadata);
            if (value is null)
                continue;
            if (value.Value is null || value.Origin is null)
                return $"metadata {name} lacks its value or origin";
            if (value.Start is null != value.End is null)
                return $"metadata {name} has only one end of its span";
            if (value.Start is { } start && SpanProblem(start, value.End!.Value, length) is { } problem)
                return $"metadata {name} {problem}";
        }

        if (page.Warnings.Any(w => w is null))
            return "a warning is null";
        return page.Analysis is null ? "the page's analysis is null" : AnalysisCheck.Problem(page.Analysis, length);
    }

    internal static string? SpanProblem(int start, int end, int length) =>
        start < 0 || end < start || end > length
            ? $"spans {start}..{end}, outside the text of {length} characters"
            : null;
}
