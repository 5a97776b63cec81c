namespace ClaimTrace;

/// <summary>
/// One searchable unit of a version: its span in the page text and the three texts the index holds.
/// <see cref="Body"/> is what the unit says; <see cref="Speaker"/> who said it; <see cref="Context"/> what
/// surrounds it (a statement's sentence, the page title, a comment's author). <see cref="Tags"/> are its filter
/// tokens (<see cref="SearchTags"/>) and <see cref="Facets"/> the facet values it counts toward (<see cref="UnitFacets"/>).
/// </summary>
internal sealed record SearchUnit(
    SearchHitKind Kind,
    int? Item,
    int Start,
    int End,
    bool InComments,
    string? Date,
    string? Outlet,
    string Body,
    string? Speaker,
    string? Context)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Facets { get; init; }
}

/// <summary>
/// Cuts a version into the units search returns: each statement, the article (title and article text, without
/// boilerplate, related links or comments) and each reader comment, so a hit says whether readers wrote it.
/// Backend-neutral: a backend only decides how to index the texts.
/// </summary>
internal static class SearchUnits
{
    /// <summary>Kinds of segment that are the article's own words (a caption or note sits inside the article).</summary>
    private static readonly HashSet<SegmentKind> ArticleKinds =
        [SegmentKind.Article, SegmentKind.Byline, SegmentKind.Dateline, SegmentKind.EditorNote, SegmentKind.Caption];

    public static List<SearchUnit> Of(string text, PageMetadata metadata, IReadOnlyList<Segment> segments, IReadOnlyList<Comment> comments, PageAnalysis analysis)
    {
        var units = new List<SearchUnit>();
        var published = metadata.Published?.Value;
        AddArticle(units, text, metadata.Title?.Value, published, segments);
        AddComments(units, text, published, segments, comments);
        AddStatements(units, text, published, analysis);
        var outlet = metadata.Outlet?.Value;
        return [.. units.Select(u => Annotated(u with { Outlet = outlet }, analysis))];
    }

    /// <summary>
    /// The unit with its tags and facet values, from what lies inside it by the search filters' rule: a statement holds
    /// itself and its own quantities, the article every statement and quantity outside comments, a comment those
    /// within its span; a stance counts for the unit holding the statement it is toward.
    /// </summary>
    private static SearchUnit Annotated(SearchUnit unit, PageAnalysis analysis)
    {
        var statements = analysis.Statements.Where(s => unit.Kind switch
        {
            SearchHitKind.Statement => s.Index == unit.Item,
            SearchHitKind.Article => !s.InComments,
            _ => s.Content.Start >= unit.Start && s.Content.End <= unit.End,
        }).ToList();
        var quantities = analysis.Quantities.Where(q => unit.Kind switch
        {
            SearchHitKind.Statement => q.Statement == unit.Item,
            SearchHitKind.Article => !q.InComments,
            _ => q.Start >= unit.Start && q.End <= unit.End,
        }).ToList();
        var held = statements.Select(s => s.Index).ToHashSet();
        var stances = analysis.Stances.Where(t => held.Contains(t.TargetStatement)).Select(t => t.Kind).ToList();
        var speaker = unit.Kind == SearchHitKind.Statement ? statements.FirstOrDefault()?.Speaker?.Name : null;
        return unit with
        {
            Tags = SearchTags.Of(unit.Outlet, unit.Date, statements, quantities, stances),
            Facets = UnitFacets.Encode(speaker, quantities.Select(q => q.Measure), stances),
        };
    }

    /// <summary>
    /// The date a unit is filtered by: a statement's own date when it is a calendar date with a year (the same
    /// rule as the claims listing: "--12-11" and ISO weeks say nothing a range can compare), else the page's.
    /// </summary>
    public static string? DateOf(string? eventDate, string? published) =>
        eventDate is { Length: > 0 } e && char.IsAsciiDigit(e[0]) && !(e.Length > 5 && e[5] == 'W') ? e : published;

    private static void AddArticle(List<SearchUnit> units, string text, string? title, string? published, IReadOnlyList<Segment> segments)
    {
        // An unsegmented page is all article: better found than lost.
        var ranges = segments.Count == 0
            ? [new TextSpan(0, text.Length)]
            : Union(segments.Where(s => ArticleKinds.Contains(s.Kind)).Select(s => Clamp(s.Start, s.End, text)));
        if (string.IsNullOrWhiteSpace(title))
            title = string.Join('\n', segments.Where(s => s.Kind == SegmentKind.Title).Select(s => Clamp(s.Start, s.End, text).Of(text)));
        if (ranges.Count == 0 && string.IsNullOrWhiteSpace(title))
            return;

        var body = string.Join('\n', ranges.Select(r => r.Of(text)));
        var span = ranges.Count == 0 ? new TextSpan(0, 0) : new TextSpan(ranges[0].Start, ranges[^1].End);
        units.Add(new SearchUnit(SearchHitKind.Article, null, span.Start, span.End, false, published, null, body, null, title));
    }

    private static void AddComments(List<SearchUnit> units, string text, string? published, IReadOnlyList<Segment> segments, IReadOnlyList<Comment> comments)
    {
        foreach (var c in comments)
        {
            var span = Clamp(c.Start, c.End, text);
            units.Add(new SearchUnit(SearchHitKind.Comment, c.Index, span.Start, span.End, true, published, null, span.Of(text), null, c.Author));
        }

        // A comments section the segmenter could not split into comments is still searched, as one unit.
        foreach (var segment in segments.Where(s => s.Kind == SegmentKind.Comments))
        {
            var span = Clamp(segment.Start, segment.End, text);
            if (span.Length > 0 && !comments.Any(c => c.Start < span.End && span.Start < c.End))
                units.Add(new SearchUnit(SearchHitKind.Comment, null, span.Start, span.End, true, published, null, span.Of(text), null, null));
        }
    }

    private static void AddStatements(List<SearchUnit> units, string text, string? published, PageAnalysis analysis)
    {
        foreach (var s in analysis.Statements)
        {
            var content = Clamp(s.Content.Start, s.Content.End, text);
            var sentence = s.Sentence >= 0 && s.Sentence < analysis.Sentences.Count
                ? Clamp(analysis.Sentences[s.Sentence].Start, analysis.Sentences[s.Sentence].End, text).Of(text)
                : null;
            var speaker = s.Speaker is { } sp ? sp.Name + "\n" + sp.Written : null;
            units.Add(new SearchUnit(SearchHitKind.Statement, s.Index, content.Start, content.End, s.InComments,
                DateOf(StoredAnalysis.EventDate(analysis, s), published), null, content.Of(text), speaker, sentence));
        }
    }

    /// <summary>Nested and overlapping segments as disjoint ranges in text order, so no word is indexed twice.</summary>
    private static List<TextSpan> Union(IEnumerable<TextSpan> spans)
    {
        var merged = new List<TextSpan>();
        foreach (var span in spans.Where(s => s.Length > 0).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = new TextSpan(merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }

        return merged;
    }

    /// <summary>Offsets were checked when the page was stored; clamping keeps a hand-edited row from throwing.</summary>
    private static TextSpan Clamp(int start, int end, string text)
    {
        var s = Math.Clamp(start, 0, text.Length);
        return new TextSpan(s, Math.Clamp(end, s, text.Length));
    }
}

/// <summary>
/// The facet values a unit counts toward, kept with the unit so the facets of a search are counted from its hits
/// alone, with no join to the analysis tables (that join was most of a search's time): one line per value, a facet's
/// letter, a tab, the value. A speaker counts for a statement (its resolved name); a measure and a stance once for
/// every unit holding one.
/// </summary>
internal static class UnitFacets
{
    public const char Speaker = 's';
    public const char Measure = 'm';
    public const char Stance = 't';

    public static string? Encode(string? speaker, IEnumerable<string?> measures, IEnumerable<StanceKind> stances)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(speaker))
            lines.Add(Line(Speaker, speaker));
        lines.AddRange(measures.OfType<string>().Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Select(m => Line(Measure, m)));
        lines.AddRange(stances.Distinct().Select(k => Line(Stance, k.ToWire())));
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The values of an encoded set, as (facet letter, value).</summary>
    public static IEnumerable<(char Facet, string Value)> Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
            yield break;
        foreach (var line in encoded.Split('\n'))
        {
            if (line.Length > 2 && line[1] == '\t')
                yield return (line[0], line[2..]);
        }
    }

    // A value's own tabs and line breaks (a hand-edited measures file) would break the lines: they become spaces.
    private static string Line(char facet, string value) =>
        facet + "\t" + value.Replace('\n', ' ').Replace('\t', ' ');
}
