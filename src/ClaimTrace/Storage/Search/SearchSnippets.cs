namespace ClaimTrace;

/// <summary>
/// Cuts the snippet of a hit out of the page text and marks it: the words the query asked for (found with
/// the index's own word rule, <see cref="SearchTokens"/>), the speaker and the numbers. Done here rather than by
/// the database's highlighter so offsets point into the page text on every backend, and the marks are
/// ranges (the caller escapes for HTML or a terminal), never markup.
/// </summary>
internal static class SearchSnippets
{
    /// <summary>Longest snippet, in UTF-16 code units: about two lines of a result list.</summary>
    public const int LongestSnippet = 320;

    /// <summary>How much text comes before the first match when a window has to be cut.</summary>
    private const int Lead = 100;

    /// <summary>
    /// The snippet of <paramref name="range"/> (a statement's sentence and content, or a page unit), cut to
    /// <see cref="LongestSnippet"/> around the first match when it is longer (or around <paramref name="focus"/>
    /// when nothing matches in the text, e.g. a match in the speaker's name or the title).
    /// </summary>
    public static SearchSnippet Cut(
        string text, TextSpan range, int focus, SearchExpression expression, IEnumerable<TextSpan> speaker, IEnumerable<TextSpan> quantities)
    {
        range = Clamp(range, text);
        var window = range;
        if (range.Length > LongestSnippet)
        {
            var matches = expression.FindIn(SearchTokens.Of(text, range.Start, range.End));
            var anchor = matches.Count > 0 ? matches[0].Start : Math.Clamp(focus, range.Start, range.End);
            var start = Math.Max(range.Start, anchor - Lead);
            var end = Math.Min(range.End, start + LongestSnippet);
            start = Math.Max(range.Start, end - LongestSnippet);
            window = Snap(text, new TextSpan(start, end), range);
        }

        var highlights = new List<SearchHighlight>();
        foreach (var match in expression.FindIn(SearchTokens.Of(text, window.Start, window.End)))
            Add(highlights, match, window, HighlightKind.Match);
        foreach (var span in speaker)
            Add(highlights, span, window, HighlightKind.Speaker);
        foreach (var span in quantities)
            Add(highlights, span, window, HighlightKind.Quantity);
        highlights.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return new SearchSnippet(window.Start, window.Of(text), highlights, window.Start > range.Start, window.End < range.End);
    }

    /// <summary>Moves the cut ends to word boundaries inside the window (when there is one) and never between a surrogate pair.</summary>
    private static TextSpan Snap(string text, TextSpan window, TextSpan range)
    {
        var start = window.Start;
        var end = window.End;
        if (start > range.Start)
        {
            var space = text.IndexOfAny([' ', '\n', '\t'], start, Math.Min(40, end - start));
            if (space >= 0)
                start = space + 1;
        }

        if (end < range.End)
        {
            var from = Math.Max(start, end - 40);
            var space = text.LastIndexOfAny([' ', '\n', '\t'], end - 1, end - from);
            if (space > start)
                end = space;
        }

        if (start < end && char.IsLowSurrogate(text[start]))
            start++;
        if (end > start && char.IsHighSurrogate(text[end - 1]))
            end--;
        return new TextSpan(start, end);
    }

    private static void Add(List<SearchHighlight> highlights, TextSpan span, TextSpan window, HighlightKind kind)
    {
        var start = Math.Max(span.Start, window.Start);
        var end = Math.Min(span.End, window.End);
        if (end > start)
            highlights.Add(new SearchHighlight(start - window.Start, end - start, kind));
    }

    private static TextSpan Clamp(TextSpan span, string text)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        return new TextSpan(start, Math.Clamp(span.End, start, text.Length));
    }
}
