using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>The heuristics a scoring attempt applies; a page whose article comes out short is tried again with fewer.</summary>
[Flags]
internal enum ScoringPasses
{
    None = 0,
    StripUnlikely = 1,
    WeightClasses = 2,
    CleanConditionally = 4,
    All = StripUnlikely | WeightClasses | CleanConditionally,
}

/// <summary>
/// The main content of a page: the nodes that make up the article (the best candidate and the siblings that
/// belong with it, in document order) and, inside them, the nodes dropped as clutter.
/// </summary>
internal sealed class ArticleSelection(IReadOnlyList<HtmlNode> nodes, bool[] excluded, int textLength)
{
    public IReadOnlyList<HtmlNode> Nodes { get; } = nodes;

    /// <summary>Per node index: true for nodes inside the article that are not part of it (share bars, ads, forms).</summary>
    public bool[] Excluded { get; } = excluded;

    public int TextLength { get; private set; } = textLength;

    /// <summary>The element the page's byline was read from, when one was found while scoring.</summary>
    public HtmlNode? Byline { get; init; }

    /// <summary>The heading that repeats the page's title, left out of the article.</summary>
    public HtmlNode? TitleHeading { get; init; }
}

/// <summary>
/// Finds a page's main content with a Readability-style DOM scoring. The ideas, and the thresholds, follow
/// Mozilla Readability (Apache-2.0, readability.js 0.6): every paragraph-like block of 25 characters or more
/// scores 1 + its commas + one per 100 characters (at most 3), given in full to its parent, half to its
/// grandparent and a third per level further up (five levels); candidates start from a score by tag and
/// class/id hints and are discounted by their link density. The best candidate is widened to a common
/// ancestor when other strong candidates share it, or to a better-scoring parent, then joined by siblings
/// that score well or read like prose. Clutter inside (forms, share bars, link lists, low-content blocks)
/// is then dropped conditionally. When the result has under 500 characters the attempt is repeated with
/// fewer heuristics and the longest result wins. Text lengths come from the rendered page text, so the
/// scoring never has to rebuild strings; nodes are visited by index, never recursively.
/// </summary>
internal sealed partial class ContentScorer(HtmlHints hints)
{
    private const int MinimumParagraph = 25;
    private const int CharThreshold = 500;
    private const int TopCandidates = 5;
    private const int MinimumTopCandidates = 3;
    private const int AncestorLevels = 5;

    private static readonly HashSet<string> TagsToScore = new(["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"], StringComparer.Ordinal);
    private static readonly HashSet<string> DivToParagraph = new(["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"], StringComparer.Ordinal);
    private static readonly HashSet<string> UnlikelyRoles = new(["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"], StringComparer.Ordinal);
    private static readonly HashSet<string> Textish = new(["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"], StringComparer.Ordinal);

    [GeneratedRegex(@"\.( |$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\W_]+")]
    private static partial Regex Tokenize();

    public ArticleSelection Select(HtmlDocument document, string text, string? title, bool lookForByline)
    {
        ArticleSelection? longest = null;
        ScoringPasses[] attempts =
        [
            ScoringPasses.All,
            ScoringPasses.WeightClasses | ScoringPasses.CleanConditionally,
            ScoringPasses.CleanConditionally,
            ScoringPasses.None,
        ];
        foreach (var passes in attempts)
        {
            var selection = new Attempt(this, document, text, title, lookForByline, passes).Run();
            if (selection.TextLength >= CharThreshold)
                return selection;
            if (longest is null || selection.TextLength > longest.TextLength)
                longest = selection;
        }

        return longest!;
    }

    /// <summary>Readability's text similarity: the share of the second text's token characters also in the first.</summary>
    public static double Similarity(string a, string b)
    {
        var tokensA = Tokenize().Split(a.ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var tokensB = Tokenize().Split(b.ToLowerInvariant()).Where(t => t.Length > 0).ToList();
        if (tokensA.Count == 0 || tokensB.Count == 0)
            return 0;
        var unique = string.Join(' ', tokensB.Where(t => !tokensA.Contains(t)));
        return 1 - ((double)unique.Length / string.Join(' ', tokensB).Length);
    }

    private HtmlHints Hints => hints;

    private static bool IsCommaChar(char c) => c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C';

    /// <summary>One scoring attempt over the page with a given set of heuristics.</summary>
    private sealed class Attempt
    {
        private readonly HtmlHints _hints;
        private readonly HtmlDocument _document;
        private readonly IReadOnlyList<HtmlNode> _nodes;
        private readonly string _text;
        private readonly string? _title;
        private readonly bool _lookForByline;
        private readonly ScoringPasses _passes;
        private readonly bool[] _removed;
        private readonly bool[] _replaced;
        private readonly int[] _textLength;
        private readonly double[] _linkLength;
        private readonly bool[] _hasBlock;
        private readonly double[] _score;
        private readonly bool[] _candidate;
        private readonly Dictionary<string, double> _classWeights = new(StringComparer.Ordinal);
        private HtmlNode? _byline;
        private HtmlNode? _titleHeading;

        public Attempt(ContentScorer owner, HtmlDocument document, string text, string? title, bool lookForByline, ScoringPasses passes)
        {
            _hints = owner.Hints;
            _document = document;
            _nodes = document.Nodes;
            _text = text;
            _title = title;
            _lookForByline = lookForByline;
            _passes = passes;
            var n = _nodes.Count;
            _removed = new bool[n];
            _replaced = new bool[n];
            _textLength = new int[n];
            _linkLength = new double[n];
            _hasBlock = new bool[n];
            _score = new double[n];
            _candidate = new bool[n];
        }

        private bool Has(ScoringPasses pass) => (_passes & pass) != 0;

        public ArticleSelection Run()
        {
            MarkRemoved();
            Measure();
            ScoreParagraphs();
            var top = PickTop();
            var included = top is null ? [] : CollectSiblings(top);
            var excluded = Clean(included);
            var length = 0;
            foreach (var node in included)
                length += TextLengthWithout(node, excluded);
            return new ArticleSelection(included, excluded, length) { Byline = _byline, TitleHeading = _titleHeading };
        }

        private void RemoveSubtree(HtmlNode node)
        {
            for (var j = node.Index; j < node.SubtreeEnd; j++)
                _removed[j] = true;
        }

        /// <summary>Readability's first walk: hidden nodes, the byline, the heading that repeats the title, unlikely blocks.</summary>
        private void MarkRemoved()
        {
            var titleHeadingFound = false;
            for (var i = 0; i < _nodes.Count; i++)
            {
                var node = _nodes[i];
                if (!node.IsElement)
                    continue;
                if (!node.Rendered && node.Name is "head" or "script" or "style" or "noscript" or "template" or "svg")
                {
                    RemoveSubtree(node);
                    i = node.SubtreeEnd - 1;
                    continue;
                }

                if (IsRemovedUpFront(node, ref titleHeadingFound))
                {
                    RemoveSubtree(node);
                    i = node.SubtreeEnd - 1;
                }
            }
        }

        private bool IsRemovedUpFront(HtmlNode node, ref bool titleHeadingFound)
        {
            if (!node.Rendered && node.Name is not ("img" or "input" or "iframe" or "object" or "embed" or "video" or "audio" or "picture" or "source" or "button" or "select" or "textarea"))
                return true;
            if (!node.HasAttributes)
                return TitleHeadingCheck(node, ref titleHeadingFound);
            if (node.AttributeIs("aria-hidden", "true") && node.ClassName?.Contains("fallback-image", StringComparison.Ordinal) != true)
                return true;
            if (node.AttributeIs("aria-modal", "true") && node.AttributeIs("role", "dialog"))
                return true;
            var match = node.ClassAndId;
            if (_lookForByline && _byline is null && IsByline(node, match))
            {
                _byline = node;
                return true;
            }

            if (TitleHeadingCheck(node, ref titleHeadingFound))
                return true;
            if (!Has(ScoringPasses.StripUnlikely))
                return false;
            if (_hints.Matches(HintGroup.Unlikely, match) && node.Name is not ("body" or "a")
                && !HasAncestor(node, "table", 3) && !HasAncestor(node, "code", 3))
            {
                return true;
            }

            return node.Attribute("role") is { } role && UnlikelyRoles.Contains(role);
        }

        private bool IsByline(HtmlNode node, string match)
        {
            var length = node.End - node.Start;
            if (length is 0 or >= 100)
                return false;
            return node.AttributeIs("rel", "author")
                || node.AttributeContains("itemprop", "author")
                || _hints.Matches(HintGroup.Byline, match);
        }

        private bool TitleHeadingCheck(HtmlNode node, ref bool found)
        {
            if (found || _title is null || node.Name is not ("h1" or "h2"))
                return false;
            var heading = _text[node.Start..node.End];
            if (Similarity(_title, heading) <= 0.75)
                return false;
            found = true;
            _titleHeading = node;
            return true;
        }

        private static bool HasAncestor(HtmlNode node, string name, int maxDepth)
        {
            var depth = 0;
            for (var p = node.Parent; p is not null; p = p.Parent)
            {
                if (maxDepth > 0 && depth > maxDepth)
                    return false;
                if (p.Name == name)
                    return true;
                depth++;
            }

            return false;
        }

        /// <summary>Text and link lengths and block content of every node, children before parents.</summary>
        private void Measure()
        {
            for (var i = _nodes.Count - 1; i >= 0; i--)
            {
                var node = _nodes[i];
                if (_removed[i])
                    continue;
                if (node.IsText)
                {
                    if (node.Rendered)
                        _textLength[i] = node.End - node.Start;
                }
                else if (node.Name == "a")
                {
                    var isHashLink = node.TryRaw("href", out var href) && href.TrimStart().StartsWith('#');
                    _linkLength[i] = _textLength[i] * (isHashLink ? 0.3 : 1);
                }

                if (node.Parent is { } parent)
                {
                    var p = parent.Index;
                    _textLength[p] += _textLength[i];
                    _linkLength[p] += _linkLength[i];
                    if (_hasBlock[i] || DivToParagraph.Contains(node.Name))
                        _hasBlock[p] = true;
                }
            }
        }

        private double LinkDensity(int index) => _textLength[index] == 0 ? 0 : _linkLength[index] / _textLength[index];

        private void ScoreParagraphs()
        {
            for (var i = 0; i < _nodes.Count; i++)
            {
                var node = _nodes[i];
                if (_removed[i])
                {
                    i = node.SubtreeEnd - 1;
                    continue;
                }

                if (!node.IsElement)
                    continue;
                if (TagsToScore.Contains(node.Name))
                {
                    ScoreUnit(node.Parent, _textLength[i], node.Start, node.End);
                }
                else if (node.Name == "div")
                {
                    ScoreDiv(node);
                }
            }
        }

        /// <summary>
        /// Readability turns a div holding only inline content into a paragraph, wraps runs of inline content
        /// between blocks into paragraphs, and replaces a div around a single paragraph by that paragraph.
        /// The same is done here without changing the tree: runs are scored in place, and a replaced div is
        /// skipped when scores climb to ancestors.
        /// </summary>
        private void ScoreDiv(HtmlNode div)
        {
            var i = div.Index;
            if (!_hasBlock[i])
            {
                // A linky inline-only div stays a div holding one paragraph; otherwise it is the paragraph.
                ScoreUnit(LinkDensity(i) < 0.25 ? div.Parent : div, _textLength[i], div.Start, div.End);
                return;
            }

            if (SingleParagraphChild(div) is not null && LinkDensity(i) < 0.25)
            {
                _replaced[i] = true;
                return;
            }

            var runLength = 0;
            var runStart = -1;
            var runEnd = -1;
            foreach (var child in div.Children)
            {
                if (_removed[child.Index])
                    continue;
                if (IsPhrasing(child))
                {
                    if (_textLength[child.Index] == 0)
                        continue;
                    if (runStart < 0)
                        runStart = child.Start;
                    runEnd = child.End;
                    runLength += _textLength[child.Index];
                }
                else
                {
                    if (runStart >= 0)
                        ScoreUnit(div, runLength, runStart, runEnd);
                    runLength = 0;
                    runStart = -1;
                }
            }

            if (runStart >= 0)
                ScoreUnit(div, runLength, runStart, runEnd);
        }

        private HtmlNode? SingleParagraphChild(HtmlNode div)
        {
            HtmlNode? only = null;
            foreach (var child in div.Children)
            {
                if (_removed[child.Index])
                    continue;
                if (child.IsText)
                {
                    if (_textLength[child.Index] > 0)
                        return null;
                    continue;
                }

                if (only is not null || child.Name != "p")
                    return null;
                only = child;
            }

            return only;
        }

        private bool IsPhrasing(HtmlNode node) =>
            node.IsText || (!HtmlElements.Block.Contains(node.Name) && !_hasBlock[node.Index] && !DivToParagraph.Contains(node.Name));

        private void ScoreUnit(HtmlNode? parent, int length, int start, int end)
        {
            if (length < MinimumParagraph || parent is null || !parent.IsElement)
                return;
            var commas = 0;
            foreach (var c in _text.AsSpan(start, end - start))
            {
                if (IsCommaChar(c))
                    commas++;
            }

            var score = 1.0 + commas + Math.Min(length / 100, 3);
            var level = 0;
            for (var a = parent; a is not null && a.IsElement && level < AncestorLevels; a = a.Parent)
            {
                if (_replaced[a.Index])
                    continue;
                Initialise(a);
                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                _score[a.Index] += score / divider;
                level++;
            }
        }

        private void Initialise(HtmlNode node)
        {
            if (_candidate[node.Index])
                return;
            _candidate[node.Index] = true;
            _score[node.Index] = BaseScore(node.Name) + ClassWeight(node);
        }

        private static double BaseScore(string name) => name switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };

        private double ClassWeight(HtmlNode node)
        {
            if (!Has(ScoringPasses.WeightClasses) || !node.HasAttributes)
                return 0;
            return Weight(node.ClassName) + Weight(node.Id);
        }

        private double Weight(string? value)
        {
            if (string.IsNullOrEmpty(value))
                return 0;
            if (!_classWeights.TryGetValue(value, out var weight))
            {
                weight = _hints.Score(HintGroup.ClassWeight, value);
                _classWeights[value] = weight;
            }

            return weight;
        }

        private HtmlNode? PickTop()
        {
            var ranked = new List<(HtmlNode Node, double Score)>();
            for (var i = 0; i < _nodes.Count; i++)
            {
                if (!_candidate[i])
                    continue;
                _score[i] *= 1 - LinkDensity(i);
                ranked.Add((_nodes[i], _score[i]));
            }

            ranked.Sort((a, b) => b.Score.CompareTo(a.Score) != 0 ? b.Score.CompareTo(a.Score) : a.Node.Index.CompareTo(b.Node.Index));
            if (ranked.Count > TopCandidates)
                ranked.RemoveRange(TopCandidates, ranked.Count - TopCandidates);

            var body = _document.Elements("body").FirstOrDefault();
            if (ranked.Count == 0 || ranked[0].Node.Name == "body")
                return body ?? _document.Elements("html").FirstOrDefault();

            var top = ranked[0].Node;
            var alternatives = ranked.Skip(1).Where(r => r.Score / ranked[0].Score >= 0.75).Select(r => r.Node).ToList();
            if (alternatives.Count >= MinimumTopCandidates)
            {
                for (var p = top.Parent; p is not null && p.IsElement && p.Name != "body"; p = p.Parent)
                {
                    if (alternatives.Count(a => a.IsInside(p)) >= MinimumTopCandidates)
                    {
                        top = p;
                        break;
                    }
                }
            }

            Initialise(top);
            var last = _score[top.Index];
            var threshold = last / 3;
            for (var p = top.Parent; p is not null && p.IsElement && p.Name != "body"; p = p.Parent)
            {
                if (!_candidate[p.Index])
                    continue;
                var parentScore = _score[p.Index];
                if (parentScore < threshold)
                    break;
                if (parentScore > last)
                {
                    top = p;
                    break;
                }

                last = parentScore;
            }

            while (top.Parent is { } parent && parent.IsElement && parent.Name != "body" && ElementChildren(parent).Take(2).Count() == 1)
                top = parent;
            Initialise(top);
            return top;
        }

        private IEnumerable<HtmlNode> ElementChildren(HtmlNode node)
        {
            foreach (var child in node.Children)
            {
                if (child.IsElement && !_removed[child.Index])
                    yield return child;
            }
        }

        private List<HtmlNode> CollectSiblings(HtmlNode top)
        {
            if (top.Name is "body" or "html" || top.Parent is not { } parent || !parent.IsElement)
                return [top];
            var topScore = _score[top.Index];
            var threshold = Math.Max(10, topScore * 0.2);
            var topClass = top.Attribute("class") ?? string.Empty;
            var included = new List<HtmlNode>();
            foreach (var sibling in ElementChildren(parent))
            {
                if (ReferenceEquals(sibling, top) || IncludesSibling(sibling, topScore, threshold, topClass))
                    included.Add(sibling);
            }

            return included;
        }

        private bool IncludesSibling(HtmlNode sibling, double topScore, double threshold, string topClass)
        {
            var i = sibling.Index;
            var bonus = topClass.Length > 0 && sibling.Attribute("class") == topClass ? topScore * 0.2 : 0;
            if (_candidate[i] && _score[i] + bonus >= threshold)
                return true;
            var isParagraph = sibling.Name == "p"
                || (sibling.Name == "div" && ((!_hasBlock[i] && LinkDensity(i) < 0.25) || _replaced[i]));
            if (!isParagraph)
                return false;
            var length = _textLength[i];
            var density = LinkDensity(i);
            if (length > 80 && density < 0.25)
                return true;
            return length is > 0 and < 80 && density == 0 && SentenceEnd().IsMatch(_text.AsSpan(sibling.Start, sibling.End - sibling.Start));
        }

        /// <summary>Readability's article preparation, as marks: what inside the article is clutter.</summary>
        private bool[] Clean(List<HtmlNode> included)
        {
            var excluded = new bool[_nodes.Count];
            var inArticle = new bool[_nodes.Count];
            foreach (var root in included)
            {
                for (var j = root.Index; j < root.SubtreeEnd; j++)
                {
                    inArticle[j] = true;
                    excluded[j] = _removed[j];
                }
            }

            var tables = new DataTables(_document);
            CleanConditionally(included, excluded, tables, "form");
            CleanConditionally(included, excluded, tables, "fieldset");
            foreach (var root in included)
            {
                foreach (var node in _document.Descendants(root))
                {
                    if (excluded[node.Index] || !node.IsElement)
                        continue;
                    if (node.Name is "object" or "embed" or "footer" or "link" or "aside")
                        Exclude(excluded, node);
                    else if (_hints.Matches(HintGroup.Share, node.ClassAndId)
                        && _document.TextContent(node, renderedOnly: false).Length < CharThreshold)
                        Exclude(excluded, node);
                }
            }

            foreach (var root in included)
            {
                foreach (var node in _document.Subtree(root))
                {
                    if (!excluded[node.Index] && node.Name is "h1" or "h2" && ClassWeight(node) < 0)
                        Exclude(excluded, node);
                }
            }

            CleanConditionally(included, excluded, tables, "table");
            CleanConditionally(included, excluded, tables, "ul");
            CleanConditionally(included, excluded, tables, "div");
            return excluded;
        }

        private static void Exclude(bool[] excluded, HtmlNode node)
        {
            for (var j = node.Index; j < node.SubtreeEnd; j++)
                excluded[j] = true;
        }

        private void CleanConditionally(List<HtmlNode> included, bool[] excluded, DataTables tables, string tag)
        {
            if (!Has(ScoringPasses.CleanConditionally))
                return;
            var matches = new List<HtmlNode>();
            foreach (var root in included)
            {
                foreach (var node in _document.Subtree(root))
                {
                    if (node.Name == tag && !excluded[node.Index] && (tag != "div" || !IsParagraphDiv(node)))
                        matches.Add(node);
                }
            }

            for (var k = matches.Count - 1; k >= 0; k--)
            {
                var node = matches[k];
                if (!excluded[node.Index] && ShouldRemove(node, tag, excluded, tables))
                    Exclude(excluded, node);
            }
        }

        /// <summary>A div Readability would have renamed p (inline content only) or replaced by its single p.</summary>
        private bool IsParagraphDiv(HtmlNode div) =>
            _replaced[div.Index] || (!_hasBlock[div.Index] && LinkDensity(div.Index) < 0.25);

        private bool ShouldRemove(HtmlNode node, string tag, bool[] excluded, DataTables tables)
        {
            var m = new SubtreeCounts(this, node, excluded);
            var isList = tag is "ul" or "ol" || (m.TextLength > 0 && (double)m.ListTextLength / m.TextLength > 0.9);
            if (tag == "table" && tables.IsData(node))
                return false;
            for (var p = node.Parent; p is not null; p = p.Parent)
            {
                if (p.Name == "table" && tables.IsData(p))
                    return false;
            }

            if (HasAncestor(node, "code", 3) || m.HasDataTable(tables))
                return false;
            var weight = ClassWeight(node);
            if (weight < 0)
                return true;
            if (m.Commas >= 10)
                return false;

            var li = m.ListItems - 100;
            var isFigureChild = HasAncestor(node, "figure", 3);
            var headingDensity = m.TextLength == 0 ? 0 : (double)m.HeadingTextLength / m.TextLength;
            var textDensity = m.TextLength == 0 ? 0 : (double)m.TextishLength / m.TextLength;
            if (m.AllowedVideo)
                return false;
            if (m.TextLength is > 0 and < 40 && _hints.Matches(HintGroup.Placeholder, _text[node.Start..node.End].Trim()))
                return true;
            var remove =
                (!isFigureChild && m.Images > 1 && (double)m.Paragraphs / m.Images < 0.5)
                || (!isList && li > m.Paragraphs)
                || (m.Inputs > m.Paragraphs / 3)
                || (!isList && !isFigureChild && headingDensity < 0.9 && m.TextLength < 25 && (m.Images == 0 || m.Images > 2) && m.LinkDensity > 0)
                || (!isList && weight < 25 && m.LinkDensity > 0.2)
                || (weight >= 25 && m.LinkDensity > 0.5)
                || ((m.Embeds == 1 && m.TextLength < 75) || m.Embeds > 1)
                || (m.Images == 0 && textDensity == 0);
            if (isList && remove)
            {
                foreach (var child in node.Children)
                {
                    if (child.IsElement && child.Children.Count(c => c.IsElement) > 1)
                        return true;
                }

                if (m.Images == m.ListItems)
                    return false;
            }

            return remove;
        }

        private int TextLengthWithout(HtmlNode root, bool[] excluded)
        {
            var length = 0;
            for (var j = root.Index; j < root.SubtreeEnd; j++)
            {
                var n = _nodes[j];
                if (excluded[j])
                {
                    j = n.SubtreeEnd - 1;
                    continue;
                }

                if (n.IsText && n.Rendered)
                    length += n.End - n.Start;
            }

            return length;
        }

        /// <summary>What Readability counts inside a block before deciding it is clutter, skipping what is already dropped.</summary>
        private sealed class SubtreeCounts
        {
            public SubtreeCounts(Attempt owner, HtmlNode root, bool[] excluded)
            {
                var nodes = owner._nodes;
                double linkLength = 0;
                var listDepth = 0;
                var headingDepth = 0;
                var textishDepth = 0;
                var linkDepth = 0;
                double linkFactor = 1;
                var open = new Stack<(int End, HtmlNode Node)>();
                for (var j = root.Index; j < root.SubtreeEnd; j++)
                {
                    var n = nodes[j];
                    while (open.Count > 0 && j >= open.Peek().End)
                    {
                        var closed = open.Pop().Node;
                        Leave(closed.Name, ref listDepth, ref headingDepth, ref textishDepth, ref linkDepth);
                    }

                    if (excluded[j] && j != root.Index)
                    {
                        j = n.SubtreeEnd - 1;
                        continue;
                    }

                    if (n.IsText)
                    {
                        if (!n.Rendered)
                            continue;
                        var length = n.End - n.Start;
                        TextLength += length;
                        if (listDepth > 0)
                            ListTextLength += length;
                        if (headingDepth > 0)
                            HeadingTextLength += length * headingDepth;
                        if (textishDepth > 0)
                            TextishLength += length * textishDepth;
                        if (linkDepth > 0)
                            linkLength += length * linkFactor;
                        foreach (var c in n.RawText)
                        {
                            if (c == ',')
                                Commas++;
                        }

                        continue;
                    }

                    if (!n.IsElement)
                        continue;
                    var name = n.Name;
                    switch (name)
                    {
                        case "p":
                            Paragraphs++;
                            break;
                        case "img":
                            Images++;
                            break;
                        case "li":
                            ListItems++;
                            break;
                        case "input":
                            Inputs++;
                            break;
                        case "table":
                            Tables ??= [];
                            Tables.Add(n);
                            break;
                        case "object" or "embed" or "iframe":
                            if (n.AttributeValues().Any(v => owner._hints.Matches(HintGroup.VideoHost, v)))
                                AllowedVideo = true;
                            else
                                Embeds++;
                            break;
                    }

                    if (j == root.Index)
                        continue;
                    if (name is "ul" or "ol")
                        listDepth++;
                    if (HtmlElements.Headings.Contains(name))
                        headingDepth++;
                    if (Textish.Contains(name))
                        textishDepth++;
                    if (name == "a")
                    {
                        linkDepth++;
                        linkFactor = n.TryRaw("href", out var href) && href.TrimStart().StartsWith('#') ? 0.3 : 1;
                    }

                    open.Push((n.SubtreeEnd, n));
                }

                LinkDensity = TextLength == 0 ? 0 : linkLength / TextLength;
            }

            public int TextLength { get; private set; }
            public int ListTextLength { get; private set; }
            public int HeadingTextLength { get; private set; }
            public int TextishLength { get; private set; }
            public int Commas { get; private set; }
            public int Paragraphs { get; private set; }
            public int Images { get; private set; }
            public int ListItems { get; private set; }
            public int Inputs { get; private set; }
            public int Embeds { get; private set; }
            public bool AllowedVideo { get; private set; }
            public double LinkDensity { get; }
            private List<HtmlNode>? Tables { get; set; }

            public bool HasDataTable(DataTables tables) => Tables?.Any(tables.IsData) == true;

            private static void Leave(string name, ref int listDepth, ref int headingDepth, ref int textishDepth, ref int linkDepth)
            {
                if (name is "ul" or "ol")
                    listDepth--;
                if (HtmlElements.Headings.Contains(name))
                    headingDepth--;
                if (Textish.Contains(name))
                    textishDepth--;
                if (name == "a")
                    linkDepth--;
            }
        }
    }
}
