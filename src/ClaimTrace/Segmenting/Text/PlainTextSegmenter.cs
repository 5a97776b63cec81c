namespace ClaimTrace;

/// <summary>
/// Segments a plain-text page (a scraped page flattened to lines). Each line is profiled, the page is
/// decoded into zones (<see cref="ZoneDecoder"/>), then lines inside each zone get their finer kinds:
/// title, byline and dateline in the header; editor's notes, captions and related links nested in the
/// article; single comments in the comment section.
/// </summary>
public sealed class PlainTextSegmenter : IPageSegmenter
{
    private readonly LineProfiler _profiler;
    private readonly ZoneDecoder _zones;
    private readonly CommentSplitter _comments;
    private readonly TextMetadataReader _metadata;

    public PlainTextSegmenter()
        : this(OutletDirectory.Default)
    {
    }

    public PlainTextSegmenter(OutletDirectory outlets)
    {
        _profiler = LineProfiler.Default;
        _zones = new ZoneDecoder();
        _comments = CommentSplitter.Default;
        _metadata = new TextMetadataReader(outlets);
    }

    public SegmentedPage Segment(string source, string text, PageMetadata container)
    {
        var lines = TextLines.Split(text);
        var profiles = _profiler.Profile(text, lines);
        var zones = _zones.Decode(profiles);
        if (!CommentEvidence.Suffices(profiles, zones))
            zones = _zones.Decode(profiles, allowComments: false);
        ExtendHeaderToDateline(profiles, zones);

        var layout = new PageLayout(profiles, zones);
        var segments = new List<Segment>();
        var header = AddHeader(layout, segments);
        AddBody(layout, segments);
        AddFurniture(layout, segments, PageZone.Trailer);
        var comments = AddComments(text, layout, segments);
        AddFurniture(layout, segments, PageZone.Tail);

        segments.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var metadata = container.Or(_metadata.Read(layout, header));
        return new SegmentedPage(text, metadata, segments, comments);
    }

    /// <summary>
    /// A report starts at its dateline ("HALDEN FORD, 20 June 2024 – ..."). A sentence-case headline just
    /// above it scores too little as furniture to leave the body, so when the first body lines before a
    /// dateline paragraph are all short labels, they are the headline block and join the header.
    /// </summary>
    private static void ExtendHeaderToDateline(List<LineProfile> lines, PageZone[] zones)
    {
        var body = Enumerable.Range(0, lines.Count).Where(i => zones[i] == PageZone.Body && !lines[i].IsBlank).Take(3).ToList();
        var dateline = body.FindIndex(i => LineKinds.OpensWithDateline(lines[i]));
        if (dateline <= 0 || !body.Take(dateline).All(i => lines[i].IsShortLabel || lines[i].IsQuestionHeadline))
            return;
        for (var i = 0; i < body[dateline]; i++)
        {
            if (zones[i] == PageZone.Body)
                zones[i] = PageZone.Header;
        }
    }

    private static HeaderFindings AddHeader(PageLayout layout, List<Segment> segments)
    {
        var header = layout.Lines(PageZone.Header).Where(l => !l.IsBlank).ToList();
        var findings = new HeaderFindings();
        var candidates = header
            .Where(l => (l.IsShortLabel || l.IsHeadlineLike || l.IsQuestionHeadline) && !l.IsDateOnly && l.Furniture < 1.5 && l.Words >= 3 && !l.IsByline)
            .ToList();
        var title = candidates
            .Select(l => (Line: l, Score: TitleScore(l, layout)))
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Line.Line.Number)
            .FirstOrDefault();
        if (title.Line is not null && title.Score > 0)
            findings.Title = title.Line;

        var boilerplate = new List<LineProfile>();
        foreach (var line in header)
        {
            if (line == findings.Title)
            {
                segments.Add(Of(SegmentKind.Title, line));
                continue;
            }

            if (LineKinds.IsByline(line) && findings.Byline is null)
            {
                findings.Byline = line;
                segments.Add(Of(SegmentKind.Byline, line));
                continue;
            }

            if (line.IsDateOnly)
            {
                var beforeTitle = findings.Title is not null && line.Line.Number < findings.Title.Line.Number;
                if (beforeTitle || findings.Dateline is not null)
                {
                    findings.PageDate ??= line;
                }
                else
                {
                    findings.Dateline = line;
                    segments.Add(Of(SegmentKind.Dateline, line));
                    continue;
                }
            }

            boilerplate.Add(line);
        }

        AddRuns(layout, segments, SegmentKind.Boilerplate, boilerplate);
        findings.FirstBodyLine = layout.Lines(PageZone.Body).FirstOrDefault(l => !l.IsBlank);
        return findings;
    }

    private static double TitleScore(LineProfile line, PageLayout layout)
    {
        var score = Math.Min(line.Words, 12) / 4.0;
        score += line.CapitalisedShare * 2;
        if (line.Text.TrimEnd().EndsWith('?') || line.Text.TrimEnd().EndsWith('!'))
            score += 0.5;
        // A headline is often repeated by breadcrumbs, players or the page's footer ("The post <title>
        // appeared first on ..."): repetition is evidence. Inside the report only a line that starts with it
        // counts ("<title> Listen · 7:48"), since the report names its site or its subject in passing; and an
        // "About <name>" heading names an organisation, not a headline.
        var trimmed = line.Text.Trim();
        if (layout.All.Any(l => l != line && !l.IsBlank && RepeatsTitle(l, trimmed, layout.ZoneOf(l) == PageZone.Body)))
            score += 2;
        // A name the report uses inside its sentences ("The Harbour Users Association today asked ...") is
        // the site's or the subject's name in a masthead, not a headline.
        if (layout.Lines(PageZone.Body).Any(l => l.Text.IndexOf(trimmed, StringComparison.Ordinal) > 0))
            score -= 2;
        return score - line.Furniture;
    }

    private static bool RepeatsTitle(LineProfile other, string title, bool inBody)
    {
        var text = other.Text.Trim();
        if (inBody)
            return text.StartsWith(title, StringComparison.Ordinal) && text.Length <= title.Length + 40;
        return text.Contains(title, StringComparison.Ordinal) && !LineKinds.IsAboutHeading(other);
    }

    private static void AddBody(PageLayout layout, List<Segment> segments)
    {
        var body = layout.Lines(PageZone.Body).Where(l => !l.IsBlank).ToList();
        if (body.Count == 0)
            return;

        var kinds = body.Select(BodyKind).ToArray();
        var captionStarts = body.ToArray();
        for (var i = 1; i < body.Count; i++)
        {
            // A caption's own line sits right above its credit ("Tanks near the river" / "Image: ...").
            var above = body[i - 1];
            if (kinds[i] == SegmentKind.Caption && kinds[i - 1] == SegmentKind.Article
                && above.IsShortLabel && above.Line.Number == body[i].Line.Number - 1)
            {
                kinds[i - 1] = SegmentKind.Caption;
                captionStarts[i] = above;
                captionStarts[i - 1] = null!;
            }
        }

        var firstArticle = Array.IndexOf(kinds, SegmentKind.Article);
        var lastArticle = Array.LastIndexOf(kinds, SegmentKind.Article);
        if (firstArticle >= 0)
            segments.Add(Span(SegmentKind.Article, body[firstArticle], body[lastArticle]));

        var loose = new List<LineProfile>();
        for (var i = 0; i < body.Count; i++)
        {
            var kind = kinds[i];
            if (kind == SegmentKind.Article || captionStarts[i] is null)
                continue;
            var inside = i > firstArticle && i < lastArticle;
            if (kind == SegmentKind.Boilerplate && !inside)
                loose.Add(body[i]);
            else
                segments.Add(Span(kind, captionStarts[i], body[i]));
        }

        AddRuns(layout, segments, SegmentKind.Boilerplate, loose);
    }

    private static SegmentKind BodyKind(LineProfile line)
    {
        if (LineKinds.IsEditorNote(line))
            return SegmentKind.EditorNote;
        if (LineKinds.IsRelatedLink(line))
            return SegmentKind.RelatedLink;
        if (LineKinds.IsCaptionCredit(line))
            return SegmentKind.Caption;
        // A lone label between paragraphs ("Advertisement", "Share") is furniture even with a modest cue score.
        var lonelyLabel = line.IsShortLabel && line.Furniture >= 1.5 && line.Prose < 1;
        return lonelyLabel || (line.Furniture >= 2.5 && line.Prose < 2.5) ? SegmentKind.Boilerplate : SegmentKind.Article;
    }

    /// <summary>Related links and credit lines ("Reporting by ...") below a report keep their kinds; the rest is furniture.</summary>
    private static void AddFurniture(PageLayout layout, List<Segment> segments, PageZone zone)
    {
        var furniture = new List<LineProfile>();
        foreach (var line in layout.Lines(zone).Where(l => !l.IsBlank))
        {
            if (LineKinds.IsRelatedLink(line))
                segments.Add(Of(SegmentKind.RelatedLink, line));
            else if (LineKinds.IsByline(line))
                segments.Add(Of(SegmentKind.Byline, line));
            else
                furniture.Add(line);
        }

        AddRuns(layout, segments, SegmentKind.Boilerplate, furniture);
    }

    private List<Comment> AddComments(string text, PageLayout layout, List<Segment> segments)
    {
        var section = layout.Lines(PageZone.Comments).ToList();
        var nonBlank = section.Where(l => !l.IsBlank).ToList();
        if (nonBlank.Count == 0)
            return [];
        segments.Add(Span(SegmentKind.Comments, nonBlank[0], nonBlank[^1]));
        var first = section.IndexOf(nonBlank[0]);
        var last = section.IndexOf(nonBlank[^1]);
        return _comments.Split(text, section.GetRange(first, last - first + 1));
    }

    /// <summary>Adds one segment per run of lines, joining lines separated only by blank lines.</summary>
    private static void AddRuns(PageLayout layout, List<Segment> segments, SegmentKind kind, List<LineProfile> lines)
    {
        LineProfile? runStart = null;
        LineProfile? runEnd = null;
        foreach (var line in lines.OrderBy(l => l.Line.Number))
        {
            if (runEnd is not null && !layout.OnlyBlankBetween(runEnd, line))
            {
                segments.Add(Span(kind, runStart!, runEnd));
                runStart = null;
            }

            runStart ??= line;
            runEnd = line;
        }

        if (runStart is not null)
            segments.Add(Span(kind, runStart, runEnd!));
    }

    private static Segment Of(SegmentKind kind, LineProfile line) => Span(kind, line, line);

    private static Segment Span(SegmentKind kind, LineProfile first, LineProfile last) =>
        new(kind, first.Line.Start, last.Line.End, first.Line.Number, last.Line.Number);
}

/// <summary>The profiled lines of a page with the zone of each.</summary>
internal sealed class PageLayout(List<LineProfile> lines, PageZone[] zones)
{
    public IReadOnlyList<LineProfile> All => lines;

    public PageZone ZoneOf(LineProfile line) => zones[line.Line.Number - 1];

    public LineProfile At(int lineNumber) => lines[lineNumber - 1];

    public IEnumerable<LineProfile> Lines(PageZone zone)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (zones[i] == zone)
                yield return lines[i];
        }
    }

    public bool OnlyBlankBetween(LineProfile a, LineProfile b)
    {
        for (var n = a.Line.Number + 1; n < b.Line.Number; n++)
        {
            if (!lines[n - 1].IsBlank)
                return false;
        }

        return true;
    }
}

/// <summary>What the header zone held: the lines metadata is read from.</summary>
internal sealed class HeaderFindings
{
    public LineProfile? Title { get; set; }
    public LineProfile? Byline { get; set; }
    public LineProfile? Dateline { get; set; }
    public LineProfile? PageDate { get; set; }
    public LineProfile? FirstBodyLine { get; set; }
}
