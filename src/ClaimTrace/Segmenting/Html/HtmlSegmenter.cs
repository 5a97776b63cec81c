using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Segments an HTML page. The markup is parsed into a light DOM (<see cref="HtmlParser"/>) and rendered to
/// its visible text block by block (<see cref="HtmlTextRenderer"/>); every offset points into that text.
/// The article is found by Readability-style scoring (<see cref="ContentScorer"/>), comments by their
/// containers (<see cref="HtmlCommentReader"/>), metadata from meta tags and JSON-LD
/// (<see cref="HtmlMetadataReader"/>). Nodes are then labelled (article, caption, title, byline, comments...)
/// and each line of the text takes the label of the deepest labelled node that covers it whole; lines no
/// label covers are boilerplate. Runs of lines of one kind become the segments, so every line belongs to
/// exactly one segment and segments never overlap.
/// </summary>
public sealed partial class HtmlSegmenter : IPageSegmenter
{
    private readonly HtmlHints _hints;
    private readonly ContentScorer _scorer;
    private readonly HtmlCommentReader _comments;

    public HtmlSegmenter()
    {
        _hints = HtmlHints.Default;
        _scorer = new ContentScorer(_hints);
        _comments = new HtmlCommentReader(_hints, WeightedCues.Load("segmenting/spam.tsv"));
    }

    [GeneratedRegex(@"^\s*(?:(?:written|posted|reported|story|text|words)\s+)?(?:by|von|par|por|di|door|av)\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:\||•|·|—|–| - |\bon\b\s+\w+\s+\d|\bpublished\b|\bupdated\b|\n).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex BylineTail();

    public SegmentedPage Segment(string source, string text, PageMetadata container)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(container);
        var document = HtmlParser.Parse(text);
        var rendered = HtmlTextRenderer.Render(document);
        var lineStarts = LineStarts(rendered);
        var facts = HtmlMetadataReader.Read(document);
        var scoringTitle = facts.DocumentTitle is { Length: > 0 } t ? HtmlMetadataReader.CleanTitle(t) : facts.Metadata.Title?.Value;
        var article = _scorer.Select(document, rendered, scoringTitle, lookForByline: facts.Metadata.Author is null);
        var comments = _comments.Read(document, rendered, lineStarts);

        var labels = new Labels(document, _hints, article, comments);
        var title = labels.AddTitle(facts.Metadata.Title?.Value ?? scoringTitle, rendered);
        var byline = labels.AddByline();
        labels.AddDateline();

        var segments = BuildSegments(rendered, lineStarts, labels.Apply(rendered, lineStarts));
        var metadata = facts.Metadata;
        if (metadata.Author is null && byline is not null && AuthorFromByline(rendered, byline) is { } author)
            metadata = metadata with { Author = author };
        if (metadata.Title is null && title is not null)
            metadata = metadata with { Title = new MetaValue(rendered[title.Start..title.End].Trim(), "html:h1", title.Start, title.End) };
        return new SegmentedPage(rendered, container.Or(metadata), segments, comments.Comments);
    }

    private static MetaValue? AuthorFromByline(string text, HtmlNode byline)
    {
        var raw = text[byline.Start..byline.End];
        var prefix = ByPrefix().Match(raw);
        var start = byline.Start + prefix.Length;
        var rest = text[start..byline.End];
        var tail = BylineTail().Match(rest);
        var name = (tail.Success ? rest[..tail.Index] : rest).TrimEnd(' ', ',', ';', ':', '.');
        var lead = name.Length - name.TrimStart().Length;
        name = name.Trim();
        if (name.Length is 0 or > 100 || !name.Any(char.IsLetter))
            return null;
        return new MetaValue(name, "text:byline", start + lead, start + lead + name.Length);
    }

    internal static List<int> LineStarts(string text)
    {
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
            starts.Add(i + 1);
        return starts;
    }

    private static List<Segment> BuildSegments(string text, List<int> lineStarts, SegmentKind[] kinds)
    {
        var segments = new List<Segment>();
        if (text.Length == 0)
            return segments;
        int LineEnd(int line) => line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : text.Length;
        bool IsBlank(int line) => text.AsSpan(lineStarts[line], LineEnd(line) - lineStarts[line]).IsWhiteSpace();

        // A blank line belongs with the text above it (or below it, at the top of the page).
        var firstContent = Enumerable.Range(0, kinds.Length).FirstOrDefault(l => !IsBlank(l));
        for (var line = 0; line < kinds.Length; line++)
        {
            if (IsBlank(line))
                kinds[line] = line == 0 || line < firstContent ? kinds[firstContent] : kinds[line - 1];
        }

        var runStart = 0;
        for (var line = 1; line <= kinds.Length; line++)
        {
            if (line < kinds.Length && kinds[line] == kinds[runStart])
                continue;
            segments.Add(new Segment(kinds[runStart], lineStarts[runStart], LineEnd(line - 1), runStart + 1, line));
            runStart = line;
        }

        return segments;
    }

    /// <summary>Nodes labelled with the kind of text they hold, applied to lines deepest-last.</summary>
    private sealed class Labels
    {
        private readonly HtmlDocument _document;
        private readonly HtmlHints _hints;
        private readonly ArticleSelection _article;
        private readonly HtmlComments _comments;
        private readonly List<(HtmlNode Node, SegmentKind Kind)> _labels = [];
        private readonly bool[] _inArticle;

        public Labels(HtmlDocument document, HtmlHints hints, ArticleSelection article, HtmlComments comments)
        {
            _document = document;
            _hints = hints;
            _article = article;
            _comments = comments;
            _inArticle = new bool[document.Nodes.Count];
            foreach (var root in article.Nodes)
            {
                for (var j = root.Index; j < root.SubtreeEnd; j++)
                    _inArticle[j] = true;
                _labels.Add((root, SegmentKind.Article));
                LabelInside(root);
            }

            foreach (var section in comments.Sections)
                _labels.Add((section, SegmentKind.Comments));
        }

        private void LabelInside(HtmlNode root)
        {
            var nodes = _document.Nodes;
            for (var j = root.Index; j < root.SubtreeEnd; j++)
            {
                var node = nodes[j];
                if (!node.IsElement)
                    continue;
                if (_article.Excluded[j] && (node.Parent is null || !_article.Excluded[node.Parent.Index] || ReferenceEquals(node, root)))
                {
                    var kind = _hints.MatchesToken(HintGroup.Related, node) ? SegmentKind.RelatedLink : SegmentKind.Boilerplate;
                    _labels.Add((node, kind));
                    j = node.SubtreeEnd - 1;
                    continue;
                }

                if (_article.Excluded[j])
                    continue;
                if (node.Name is "figcaption" or "caption" || (node.HasAttributes && _hints.MatchesToken(HintGroup.Caption, node)))
                    _labels.Add((node, SegmentKind.Caption));
                else if (node.HasAttributes && _hints.MatchesToken(HintGroup.EditorNote, node))
                    _labels.Add((node, SegmentKind.EditorNote));
            }
        }

        private bool InComments(HtmlNode node) => _comments.Sections.Any(s => ReferenceEquals(s, node) || node.IsInside(s));

        public HtmlNode? AddTitle(string? title, string text)
        {
            var heading = _article.TitleHeading;
            if (heading is null && title is not null)
            {
                foreach (var node in _document.Nodes)
                {
                    if (node.Name is "h1" or "h2" && node.Rendered && node.End > node.Start && !InComments(node)
                        && ContentScorer.Similarity(title, text[node.Start..node.End]) > 0.75)
                    {
                        heading = node;
                        break;
                    }
                }
            }

            heading ??= _document.Elements("h1").FirstOrDefault(h => h.Rendered && h.End > h.Start && !InComments(h) && !_inArticle[h.Index]);
            if (heading is not null)
                _labels.Add((heading, SegmentKind.Title));
            return heading;
        }

        public HtmlNode? AddByline()
        {
            var byline = _article.Byline;
            if (byline is null)
            {
                foreach (var node in _document.Nodes)
                {
                    if (!node.IsElement || !node.Rendered || !node.HasAttributes || node.End - node.Start is 0 or >= 100)
                        continue;
                    var match = node.ClassAndId;
                    var cued = node.AttributeIs("rel", "author")
                        || node.AttributeContains("itemprop", "author")
                        || _hints.Matches(HintGroup.Byline, match);
                    // Readability keeps a byline in the article when the metadata already names the author;
                    // here it is labelled a byline wherever it stands, as the reader sees it.
                    if (cued && !InComments(node))
                    {
                        byline = node;
                        break;
                    }
                }
            }

            if (byline is not null && byline.Rendered && byline.End > byline.Start)
                _labels.Add((byline, SegmentKind.Byline));
            return byline;
        }

        public void AddDateline()
        {
            foreach (var node in _document.Nodes)
            {
                if (!node.IsElement || !node.Rendered || node.End - node.Start is 0 or > 60)
                    continue;
                var cued = node.Name == "time"
                    || node.AttributeContains("itemprop", "datePublished")
                    || (node.HasAttributes && _hints.MatchesToken(HintGroup.Dateline, node));
                if (cued && !InComments(node) && !(_inArticle[node.Index] && !_article.Excluded[node.Index]))
                {
                    _labels.Add((node, SegmentKind.Dateline));
                    return;
                }
            }
        }

        public SegmentKind[] Apply(string text, List<int> lineStarts)
        {
            var kinds = new SegmentKind[lineStarts.Count];
            Array.Fill(kinds, SegmentKind.Boilerplate);
            int LineEnd(int line) => line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : text.Length;
            foreach (var (node, kind) in _labels.OrderBy(l => l.Node.Index))
            {
                if (node.End <= node.Start)
                    continue;
                var first = HtmlCommentReader.LineOf(lineStarts, node.Start) - 1;
                var last = HtmlCommentReader.LineOf(lineStarts, node.End - 1) - 1;
                for (var line = first; line <= last; line++)
                {
                    if (lineStarts[line] >= node.Start && LineEnd(line) <= node.End)
                        kinds[line] = kind;
                }
            }

            return kinds;
        }
    }
}
