using System.Globalization;
using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// <c>/documents/{id}</c>: one stored page as the tool read it. The text is shown in its segments (article, editor's
/// notes, boilerplate dimmed, reader comments greyed and nested by reply), with every statement underlined (its
/// speaker and cue in the hover), every figure and date marked, and every fact given an anchor <c>s{start}</c>, so a
/// link from a search hit, a report or the side panel lands on the words it is about.
/// </summary>
public static class DocumentPage
{
    private const int PanelText = 90;

    /// <param name="stored">the page, null when no document has the id</param>
    /// <param name="links">copy links of this page (as copy or origin)</param>
    public static HtmlPage Render(string id, StoredPage? stored, LinkedCorpus corpus, IReadOnlyList<CopyLink> links, Func<string, string?>? nameOf = null)
    {
        if (stored is null)
            return Layout.Problem(404, "Document not found", $"No stored document has the id \u201c{id}\u201d.", Section.Documents);
        var page = stored.Page;
        var index = ClaimIndex.Of(corpus);
        var meta = page.Metadata;
        var title = Html.PageTitle(meta.Title?.Value, page.Key);
        var h = new StringBuilder(page.Text.Length * 2);
        h.Append("<article class=\"document\" data-id=\"").Append(Html.E(page.Id)).Append("\">\n<h1>").Append(Html.E(title)).Append("</h1>\n");
        Metadata(h, stored);

        h.Append("<div class=\"doc-layout\">\n<div class=\"doc-text\">\n");
        h.Append("<p class=\"legend\"><span class=\"statement\">underlined</span>: an attributed statement (hover for speaker and cue) \u00b7 ")
            .Append("<mark class=\"number\">figure</mark> \u00b7 <span class=\"date\">date</span> \u00b7 <span class=\"stance\">stance cue</span> \u00b7 ")
            .Append("boilerplate is dimmed, reader comments are grey.</p>\n");
        new TextView(page, index).Write(h);
        h.Append("</div>\n<aside class=\"facts\" aria-label=\"Extracted facts\">\n");
        Facts(h, page, index, links, nameOf);
        h.Append("</aside>\n</div>\n</article>\n");
        return new HtmlPage(Layout.Render(title, Section.Documents, h.ToString()));
    }

    private static void Metadata(StringBuilder h, StoredPage stored)
    {
        var page = stored.Page;
        var meta = page.Metadata;
        h.Append("<dl class=\"meta\">\n");
        Row(h, "Outlet", meta.Outlet, v => $"<a class=\"outlet\" href=\"{Html.E(Html.Url("/", ("outlet", v)))}\">{Html.E(v)}</a>");
        Row(h, "Published", meta.Published, v => Html.E(Html.Date(v)));
        Row(h, "Author", meta.Author, Html.E);
        Row(h, "URL", meta.Url, v => Html.SafeHref(v) is { } href ? $"<a href=\"{Html.E(href)}\" rel=\"noopener noreferrer nofollow\">{Html.E(v)}</a>" : Html.E(v));
        Row(h, "Credits", meta.OriginalSource, Html.E);
        h.Append("<dt>Stored</dt><dd>").Append(Html.E($"version {stored.Version}, {stored.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {page.Format.ToString().ToLowerInvariant()} read as {page.Encoding}"))
            .Append("</dd>\n<dt>Source</dt><dd><code>").Append(Html.E(page.Source)).Append("</code></dd>\n");
        foreach (var warning in page.Warnings)
            h.Append("<dt>Warning</dt><dd>").Append(Html.E(warning)).Append("</dd>\n");
        h.Append("</dl>\n");
    }

    private static void Row(StringBuilder h, string label, MetaValue? value, Func<string, string> show)
    {
        if (value is null)
            return;
        h.Append("<dt>").Append(label).Append("</dt><dd>").Append(show(value.Value))
            .Append(" <span class=\"origin\" title=\"where this was read from\">").Append(Html.E(value.Origin)).Append("</span></dd>\n");
    }

    /// <summary>The side panel: claims, statements, figures and dates of the page, each a link to its place in the text.</summary>
    private static void Facts(StringBuilder h, Page page, ClaimIndex index, IReadOnlyList<CopyLink> links, Func<string, string?>? nameOf)
    {
        var a = page.Analysis;
        var text = page.Text;
        var claims = index.ForPage(page.Id);
        if (claims.Count > 0)
        {
            h.Append("<h2>Claims reported here</h2>\n<ul class=\"fact-list\">\n");
            foreach (var claim in claims)
            {
                h.Append("<li><a href=\"").Append(Html.E(Html.ClaimHref(claim.Id))).Append("\">").Append(Html.E(ClaimWords.Default.Sentence(claim))).Append("</a>");
                foreach (var kind in index.ConflictsOf(claim.Id).Select(c => c.Kind).Distinct().Order())
                    h.Append(' ').Append(Html.Tag(kind));
                h.Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        if (links.Count > 0)
        {
            h.Append("<h2>Copies</h2>\n<ul class=\"fact-list\">\n");
            foreach (var link in links)
            {
                h.Append("<li>").Append(CopyLine(link, page.Id, nameOf)).Append("<br><span class=\"note\">").Append(Html.E(link.Explain())).Append("</span></li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("<h2>Statements (").Append(Html.N(a.Statements.Count)).Append(")</h2>\n");
        if (a.Statements.Count == 0)
            h.Append("<p class=\"note\">No attributed statements found.</p>\n");
        else
        {
            h.Append("<ol class=\"fact-list\">\n");
            foreach (var s in a.Statements)
            {
                h.Append("<li><a href=\"#").Append(Html.Anchor(s.Content.Start)).Append("\"><strong>")
                    .Append(Html.E(s.Speaker?.Name ?? (s.InComments ? "a reader" : "unattributed"))).Append("</strong>");
                if (s.CueLemma is { } cue)
                    h.Append(" <span class=\"cue\">").Append(Html.E(cue)).Append("</span>");
                h.Append(": ").Append(Html.E(Short(Html.Slice(text, s.Content.Start, s.Content.End)))).Append("</a></li>\n");
            }

            h.Append("</ol>\n");
        }

        h.Append("<h2>Figures (").Append(Html.N(a.Quantities.Count)).Append(")</h2>\n");
        if (a.Quantities.Count > 0)
        {
            h.Append("<ul class=\"fact-list\">\n");
            foreach (var q in a.Quantities)
            {
                h.Append("<li><a href=\"#").Append(Html.Anchor(q.Start)).Append("\"><mark class=\"number\">")
                    .Append(Html.E(ClaimWords.Figure(q.Qualifier, q.Value, q.ValueMax, q.Unit))).Append("</mark> ")
                    .Append(Html.E(Short(Html.Slice(text, q.Start, q.End)))).Append("</a>");
                if (q.Measure is not null || q.Scope is not null)
                    h.Append("<br><span class=\"note\">").Append(Html.E(string.Join(" \u00b7 ", new[] { q.Measure, q.Scope }.OfType<string>()))).Append("</span>");
                h.Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("<h2>Dates (").Append(Html.N(a.Dates.Count)).Append(")</h2>\n");
        if (a.Dates.Count > 0)
        {
            h.Append("<ul class=\"fact-list\">\n");
            foreach (var d in a.Dates)
            {
                h.Append("<li><a href=\"#").Append(Html.Anchor(d.Start)).Append("\">").Append(Html.E(Short(Html.Slice(text, d.Start, d.End))))
                    .Append("</a> \u2192 ").Append(Html.E(ClaimWords.Date(d.Value))).Append(" <span class=\"note\">").Append(Html.E(d.Resolution)).Append("</span></li>\n");
            }

            h.Append("</ul>\n");
        }
    }

    private static string CopyLine(CopyLink link, string self, Func<string, string?>? nameOf)
    {
        string Page(string id) => id == self
            ? "this page"
            : $"<a href=\"{Html.E(Html.DocumentHref(id))}\">{Html.E(nameOf?.Invoke(id) ?? id)}</a>";
        var origin = link.OriginId is { } o ? Page(o) : Html.E("the outlet " + (link.OriginOutlet ?? "named in its credit"));
        return link.Direction == LinkDirection.Undirected
            ? $"{Page(link.CopyId)} and {origin} share most of their text (which came first is unknown)"
            : $"{Page(link.CopyId)} copied {origin}";
    }

    private static string Short(string s)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= PanelText ? s : s[..PanelText].TrimEnd() + "\u2026";
    }

    /// <summary>
    /// Writes a page's text: segments as nested sections, comments as a thread, facts as inline marks. Facts that
    /// start at the same offset share one anchor (the first of them holds the id), so every <c>#s{start}</c> a link
    /// can carry exists exactly once.
    /// </summary>
    private sealed class TextView
    {
        private readonly Page _page;
        private readonly string _text;
        private readonly List<Mark> _marks = [];
        private readonly Dictionary<int, object> _anchorOwner = [];
        private readonly HashSet<int> _anchorsWritten = [];
        private readonly TextMarkup _markup = new();

        public TextView(Page page, ClaimIndex index)
        {
            _page = page;
            _text = page.Text;
            var a = page.Analysis;
            foreach (var s in a.Statements)
            {
                var who = s.Speaker is { } sp ? $"said by {sp.Name}" + (sp.Written != sp.Name ? $" (\u201c{sp.Written}\u201d)" : "") : s.InComments ? "a reader's words" : "no speaker named";
                var tip = $"{who}; cue: {s.CueLemma ?? "none"}; {s.Kind.ToString().ToLowerInvariant()} statement";
                var claims = index.ForStatement(page.Id, s.Index);
                if (claims.Count > 0)
                    tip += "; reports " + Html.Count(claims.Count, "claim");
                var open = $"<span class=\"statement\" data-testid=\"statement\" data-statement=\"{s.Index}\" title=\"{Html.E(tip)}\"";
                AddMark(s, s.Content.Start, s.Content.End, 1, open, "</span>");
                if (s.Speaker is { } speaker)
                    _marks.Add(new Mark(speaker.Start, speaker.End, 1, $"<span class=\"speaker-mention\" title=\"{Html.E("speaker: " + speaker.Name)}\">", "</span>"));
                if (s.Cue is { } cue)
                    _marks.Add(new Mark(cue.Start, cue.End, 1, $"<span class=\"cue\" title=\"{Html.E("cue: " + (s.CueLemma ?? ""))}\">", "</span>"));
            }

            foreach (var q in a.Quantities)
            {
                var tip = string.Join("; ", new[]
                {
                    ClaimWords.Figure(q.Qualifier, q.Value, q.ValueMax, q.Unit), q.Measure is null ? null : "measure " + q.Measure,
                    q.Scope is null ? null : "place " + q.Scope, q.Implicit ? "implied by the words" : null,
                }.OfType<string>());
                var open = $"<mark class=\"number\" data-testid=\"quantity\" data-value=\"{q.Value.ToString("R", CultureInfo.InvariantCulture)}\" title=\"{Html.E(tip)}\"";
                AddMark(q, q.Start, q.End, 2, open, "</mark>");
            }

            foreach (var d in a.Dates)
                AddMark(d, d.Start, d.End, 2, $"<span class=\"date\" data-value=\"{Html.E(d.Value)}\" title=\"{Html.E($"{ClaimWords.Date(d.Value)} ({d.Resolution})")}\"", "</span>");
            foreach (var c in a.Stances)
                _marks.Add(new Mark(c.Start, c.End, 1, $"<span class=\"stance\" title=\"{Html.E($"{c.Kind.ToString().ToLowerInvariant()} by {c.By}, toward statement {c.TargetStatement + 1}")}\">", "</span>"));

            // Comments and segments come after the facts: a link to a comment or an article lands on them only
            // when no fact starts at the same place.
            foreach (var c in page.Comments)
                _anchorOwner.TryAdd(c.Start, c);
            foreach (var s in page.Segments)
                _anchorOwner.TryAdd(s.Start, s);
        }

        public void Write(StringBuilder h)
        {
            var root = Tree();
            WriteChildren(h, root);
        }

        private void AddMark(object fact, int start, int end, int rank, string openWithoutEnd, string close)
        {
            _anchorOwner.TryAdd(start, fact);
            var first = ReferenceEquals(_anchorOwner[start], fact) ? openWithoutEnd + $" id=\"{Html.Anchor(start)}\">" : null;
            _marks.Add(new Mark(start, end, rank, openWithoutEnd + ">", close, first));
        }

        /// <summary>An id attribute for an element starting at <paramref name="start"/> when it owns that anchor.</summary>
        private string IdFor(object owner, int start) =>
            _anchorOwner.TryGetValue(start, out var o) && ReferenceEquals(o, owner) && _anchorsWritten.Add(start) ? $" id=\"{Html.Anchor(start)}\"" : "";

        private sealed record Node(Segment? Segment, int Start, int End, List<Node> Children);

        /// <summary>Segments nested by containment; one that only overlaps its predecessor is cut at the predecessor's end.</summary>
        private Node Tree()
        {
            var root = new Node(null, 0, _text.Length, []);
            var stack = new Stack<Node>();
            stack.Push(root);
            foreach (var s in _page.Segments.OrderBy(s => s.Start).ThenByDescending(s => s.End))
            {
                var start = Math.Clamp(s.Start, 0, _text.Length);
                while (stack.Peek() != root && stack.Peek().End <= start)
                    stack.Pop();
                var parent = stack.Peek();
                var end = Math.Clamp(s.End, start, parent.End);
                if (end <= start)
                    continue;
                var node = new Node(s, start, end, []);
                parent.Children.Add(node);
                stack.Push(node);
            }

            return root;
        }

        private void WriteChildren(StringBuilder h, Node node)
        {
            if (node.Segment?.Kind == SegmentKind.Comments)
            {
                WriteComments(h, node);
                return;
            }

            var at = node.Start;
            foreach (var child in node.Children)
            {
                Run(h, at, child.Start);
                WriteSegment(h, child);
                at = child.End;
            }

            Run(h, at, node.End);
        }

        private void WriteSegment(StringBuilder h, Node node)
        {
            var kind = node.Segment!.Kind;
            var wire = kind.ToWire();
            h.Append("<section class=\"seg seg-").Append(wire.Replace('_', '-')).Append("\" data-testid=\"segment\" data-kind=\"").Append(wire).Append('"')
                .Append(IdFor(node.Segment, node.Segment.Start)).Append(">\n<div class=\"seg-label\">").Append(Label(kind))
                .Append(Html.E($" \u00b7 lines {node.Segment.FirstLine}\u2013{node.Segment.LastLine}")).Append("</div>\n");
            WriteChildren(h, node);
            h.Append("</section>\n");
        }

        private static string Label(SegmentKind kind) => kind switch
        {
            SegmentKind.EditorNote => "editor\u2019s note",
            SegmentKind.RelatedLink => "related links",
            SegmentKind.Comments => "reader comments",
            _ => kind.ToWire(),
        };

        /// <summary>
        /// The comments of a comments segment as a thread: a reply is written inside the comment it answers, so the
        /// nesting is the page's reply structure, not just indentation.
        /// </summary>
        private void WriteComments(StringBuilder h, Node node)
        {
            var inside = _page.Comments.Where(c => c.Start >= node.Start && c.End <= node.End && c.Start < c.End).OrderBy(c => c.Start).ToList();
            var ids = inside.Select(c => c.Index).ToHashSet();
            var replies = inside.Where(c => c.ReplyTo is { } p && ids.Contains(p)).ToLookup(c => c.ReplyTo!.Value);
            var at = node.Start;
            foreach (var top in inside.Where(c => c.ReplyTo is not { } p || !ids.Contains(p)))
            {
                Run(h, at, top.Start);
                at = WriteComment(h, top, replies, node.End);
            }

            Run(h, at, node.End);
        }

        /// <returns>where the comment and its replies end in the text</returns>
        private int WriteComment(StringBuilder h, Comment c, ILookup<int, Comment> replies, int limit)
        {
            h.Append("<div class=\"comment").Append(c.LikelySpam ? " spam" : "").Append("\" data-testid=\"comment\" data-depth=\"")
                .Append(c.Depth.ToString(CultureInfo.InvariantCulture)).Append('"').Append(IdFor(c, c.Start)).Append('>');
            if (c.LikelySpam)
                h.Append("<span class=\"tag spam\">likely spam</span>");
            h.Append("<div class=\"comment-body\">");
            Run(h, c.Start, c.End, trim: true);
            h.Append("</div>");
            var at = c.End;
            foreach (var reply in replies[c.Index].OrderBy(r => r.Start))
            {
                if (reply.Start < at)
                    continue;
                Run(h, at, reply.Start);
                at = WriteComment(h, reply, replies, limit);
            }

            h.Append("</div>\n");
            return Math.Min(at, limit);
        }

        /// <summary>Plain text between elements, with its facts marked; blank stretches between blocks are dropped.</summary>
        private void Run(StringBuilder h, int from, int to, bool trim = false)
        {
            if (to <= from)
                return;
            var slice = _text.AsSpan(from, to - from);
            if (slice.IsWhiteSpace())
                return;
            // Line breaks at the edges of a block are the block's edges; inside they are the text's.
            while (from < to && (_text[from] is '\n' or '\r' || (trim && char.IsWhiteSpace(_text[from]))))
                from++;
            while (to > from && char.IsWhiteSpace(_text[to - 1]))
                to--;
            h.Append("<div class=\"text\">");
            _markup.Write(h, _text, from, to, _marks.Where(m => m.Start < to && m.End > from));
            h.Append("</div>\n");
        }
    }
}
