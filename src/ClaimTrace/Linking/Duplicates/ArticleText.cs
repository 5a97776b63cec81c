namespace ClaimTrace;

/// <summary>
/// The words a copy and its origin share: the Article segments of a page, without the editor's notes,
/// captions, related links and boilerplate that sit inside them. A crosspost adds its own notes and
/// furniture, so comparing whole pages would make a copy look less like its origin than it is.
/// </summary>
public static class ArticleText
{
    /// <summary>The article's stretches of <see cref="Page.Text"/>, in order, as (start, end) offsets.</summary>
    public static IReadOnlyList<(int Start, int End)> Ranges(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var length = page.Text.Length;
        var cuts = page.Segments
            .Where(s => s.Kind is not (SegmentKind.Article or SegmentKind.Title or SegmentKind.Byline or SegmentKind.Dateline))
            .Select(s => (Start: Math.Clamp(s.Start, 0, length), End: Math.Clamp(s.End, 0, length)))
            .ToList();
        var ranges = new List<(int Start, int End)>();
        foreach (var article in page.Segments.Where(s => s.Kind == SegmentKind.Article).OrderBy(s => s.Start))
        {
            var start = Math.Clamp(article.Start, 0, length);
            var end = Math.Clamp(article.End, start, length);
            var pieces = new List<(int Start, int End)> { (start, end) };
            foreach (var cut in cuts.Where(c => c.Start < end && c.End > start))
                pieces = [.. pieces.SelectMany(p => Subtract(p, cut))];
            ranges.AddRange(pieces.Where(p => p.End > p.Start));
        }

        return ranges;
    }

    private static IEnumerable<(int Start, int End)> Subtract((int Start, int End) piece, (int Start, int End) cut)
    {
        if (cut.End <= piece.Start || cut.Start >= piece.End)
        {
            yield return piece;
            yield break;
        }

        if (cut.Start > piece.Start)
            yield return (piece.Start, cut.Start);
        if (cut.End < piece.End)
            yield return (cut.End, piece.End);
    }
}
