using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// <c>/claims/{id}</c>: the dossier of one claim. Its timeline chart (the claim among the other figures of its kind
/// and place, disputed points ringed, every point with its speaker, value, date and outlets on hover), every report
/// with its outlet, its date and how that date was found, and the sentence quoted with the figure marked; the
/// disputes, contradictions and revisions with their evidence; and who copied whom among the pages that report it.
/// Built on <see cref="Dossier"/>, the same selection the CLI's dossier makes.
/// </summary>
public static class ClaimPage
{
    /// <summary>
    /// Points drawn per timeline at most: around the claim, since a family in a country can gather thousands of
    /// figures on a large crawl (see <see cref="TimelineWindow"/>). The API's dossier is cut the same way.
    /// </summary>
    public const int TimelinePoints = 60;

    public static HtmlPage Render(string id, LinkedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var index = ClaimIndex.Of(corpus);
        if (!index.Claims.TryGetValue(id, out var claim))
            return Layout.Problem(404, "Claim not found", $"No claim has the id \u201c{id}\u201d. The claims page lists them all.", Section.Claims);
        var d = Dossier.For(corpus, claim.Id, TimelinePoints);
        var words = ClaimWords.Default;
        var sentence = words.Sentence(claim);
        var h = new StringBuilder(32_768);
        Head(h, claim, d, words);
        Chart(h, claim, d);
        Reports(h, claim, d, words);
        Conflicts(h, claim, d, index, words);
        Crossposts(h, claim, d);
        SameEvents(h, d);
        return new HtmlPage(Layout.Render(sentence, Section.Claims, h.ToString()));
    }

    private static void Head(StringBuilder h, Claim claim, Dossier d, ClaimWords words)
    {
        var reports = claim.Reports.Where(r => !r.IsEcho).ToList();
        var outlets = reports.Select(r => r.Outlet ?? SourceSummary.UnknownOutlet).Distinct(StringComparer.Ordinal).ToList();
        h.Append("<div class=\"claim-head\" data-claim=\"").Append(Html.E(claim.Id)).Append("\">\n<h1>").Append(Html.E(words.Sentence(claim)));
        foreach (var kind in d.Conflicts.Where(c => c.Claim == claim.Id).Select(c => c.Kind).Distinct().Order())
            h.Append(' ').Append(Html.Tag(kind));
        h.Append("</h1>\n<p class=\"why\">").Append(Html.E($"Reported {Html.Count(reports.Count, "time")} in {Html.Count(outlets.Count, "outlet")} ({string.Join(", ", outlets)}). Speaker: {claim.Side.Why}."))
            .Append("</p>\n<p class=\"why\">Measure <code>").Append(Html.E(claim.Measure)).Append("</code>")
            .Append(Html.E($" \u00b7 place {claim.Scope ?? "not named"} \u00b7 value {ClaimWords.Figure(claim.Qualifier, claim.Value, claim.ValueMax, claim.Unit)} \u00b7 {Html.Date(claim.Date, "date unknown")} \u00b7 id {claim.Id}"))
            .Append("</p>\n");
        if (claim.Why.Count > 0)
        {
            h.Append("<details><summary class=\"why\">Why these reports are one claim</summary><ul class=\"why\">");
            foreach (var why in claim.Why)
                h.Append("<li>").Append(Html.E(why)).Append("</li>");
            h.Append("</ul></details>\n");
        }

        h.Append("</div>\n");
    }

    private static void Chart(StringBuilder h, Claim claim, Dossier d)
    {
        h.Append("<h2 id=\"timeline\">Over time</h2>\n");
        if (d.Timelines.Count == 0)
        {
            h.Append("<p>This claim is on no timeline: no other figure of its kind for its place is known.</p>\n");
            return;
        }

        h.Append("<p class=\"note\">The claim among the other figures of its kind for the same place. Each speaker has its own colour and marker; ")
            .Append("a red ring marks a disputed figure, a dashed red line two figures that cannot both hold. Hover over a point for who said it, when, and where it was reported.</p>\n");
        var svg = SvgTimeline.Render(d.Timelines);
        // The chart is the core's; the page only adds the selector the browser tests and the stylesheet look for.
        const string Root = "<svg ";
        var at = svg.IndexOf(Root, StringComparison.Ordinal);
        if (at >= 0)
            svg = svg[..at] + "<svg data-testid=\"timeline-chart\" " + svg[(at + Root.Length)..];
        h.Append("<div class=\"chart-box\">\n").Append(svg).Append("</div>\n");
        foreach (var t in d.Timelines.Where(t => t.Omitted > 0))
        {
            h.Append("<p class=\"note\">").Append(Html.E($"{t.Family.Replace('_', ' ')} in {t.Scope}: {t.Points.Count} of {Html.N(t.Points.Count + t.Omitted)} figures drawn (this claim, those in conflict with it, its speaker\u2019s, then the nearest in time). The whole timeline: "))
                .Append("<code>").Append(Html.E($"claimtrace timeline {t.Family}" + (t.Scope.StartsWith('(') ? "" : $" --scope \"{t.Scope}\""))).Append("</code></p>\n");
        }

        // The chart shows the claim among others: outline its own point. Ids are letters and digits; anything else
        // is not put into a selector.
        if (claim.Id.All(char.IsAsciiLetterOrDigit))
        {
            h.Append("<style>.chart-box g.point[data-claim=\"").Append(claim.Id).Append("\"] > :not(title):not(text){stroke:#111;stroke-width:2.5px}</style>\n")
                .Append("<p class=\"note\">This claim\u2019s point is outlined in black.</p>\n");
        }
    }

    private static void Reports(StringBuilder h, Claim claim, Dossier d, ClaimWords words)
    {
        h.Append("<h2 id=\"reports\">Every report</h2>\n<p class=\"note\">Each report is one page giving the figure, quoted as the page wrote it with the figure marked. ")
            .Append("\u201cRepeats the figure\u201d marks an outlet restating in its own words a figure someone else gave.</p>\n");
        foreach (var r in claim.Reports)
        {
            h.Append("<div class=\"report").Append(r.IsEcho ? " echo" : "").Append("\" data-testid=\"report\" data-page=\"").Append(Html.E(r.PageId)).Append("\">\n<div class=\"report-meta\">")
                .Append("<span class=\"outlet\">").Append(Html.E(r.Outlet ?? SourceSummary.UnknownOutlet)).Append("</span>")
                .Append("<span><strong>").Append(Html.E(Html.Date(r.Date))).Append("</strong> \u2014 ").Append(Html.E(words.DateHow(r.DateHow))).Append("</span>")
                .Append("<span>").Append(Html.E(r.SpeakerWritten ?? r.Side.Display));
            if (r.SpeakerWritten is not null && r.SpeakerWritten != r.Side.Display)
                h.Append(Html.E(" (for " + r.Side.Display + ")"));
            h.Append("</span>");
            if (r.IsEcho)
                h.Append("<span class=\"tag echo\">repeats the figure</span>");
            h.Append("</div>\n<q>").Append(Quote(d, r.PageId, r.Sentence, r.Evidence, "number")).Append("</q>\n<div class=\"note\"><a href=\"")
                .Append(Html.E(Html.DocumentHref(r.PageId, r.Evidence.Start))).Append("\">").Append(Html.E(d.PageName(r.PageId))).Append("</a> \u2014 see it in the page</div>\n</div>\n");
        }
    }

    private static void Conflicts(StringBuilder h, Claim claim, Dossier d, ClaimIndex index, ClaimWords words)
    {
        h.Append("<h2 id=\"conflicts\">Disputes, contradictions and revisions</h2>\n");
        if (d.Conflicts.Count == 0)
        {
            h.Append("<p>None found: no page questions this figure, and no other figure in the database conflicts with it.</p>\n");
            return;
        }

        h.Append("<p class=\"note\"><span class=\"tag dispute\">disputed</span> a page questions the figure \u00b7 ")
            .Append("<span class=\"tag contradiction\">contradicted</span> another figure cannot hold at the same time \u00b7 ")
            .Append("<span class=\"tag revision\">revised</span> the same speaker gave a different figure at another time.</p>\n");
        foreach (var c in d.Conflicts)
        {
            var other = OtherClaim(c, claim.Id, index);
            h.Append("<div class=\"conflict\" data-testid=\"conflict\" data-kind=\"").Append(Html.Wire(c.Kind)).Append("\">\n<div>").Append(Html.Tag(c.Kind)).Append(' ');
            var flagged = index.Claims.TryGetValue(c.Claim, out var a) ? a : null;
            switch (c.Kind)
            {
                case ConflictKind.Dispute:
                    h.Append(Html.E($"{c.Evidence.By} questions "));
                    h.Append(flagged is null || flagged.Id == claim.Id ? "this figure" : ClaimLink(flagged, words));
                    h.Append(c.Evidence.Stance is { } stance ? Html.E($" ({stance.ToWire()})") : "");
                    break;
                default:
                    h.Append(c.Kind == ConflictKind.Contradiction ? "Cannot both hold with " : "Also said by the same side: ");
                    h.Append(other is null ? Html.E(c.Other ?? "another claim") : ClaimLink(other, words));
                    break;
            }

            h.Append("</div>\n<div class=\"why\">").Append(Html.E("Why: " + c.Why)).Append("</div>\n<q>")
                .Append(Quote(d, c.Evidence.PageId, DossierHtml.SentenceAround(d, c.Evidence.PageId, c.Evidence.Span), c.Evidence.Span, c.Kind == ConflictKind.Dispute ? "evidence" : "number"))
                .Append("</q>\n<div class=\"note\"><a href=\"").Append(Html.E(Html.DocumentHref(c.Evidence.PageId, c.Evidence.Span.Start))).Append("\">")
                .Append(Html.E(d.PageName(c.Evidence.PageId))).Append("</a></div>\n</div>\n");
        }
    }

    /// <summary>The claim a conflict sets against this one (either side of it), when it is another claim.</summary>
    private static Claim? OtherClaim(Conflict c, string self, ClaimIndex index)
    {
        var otherId = c.Claim == self ? c.Other : c.Claim;
        return otherId is not null && otherId != self && index.Claims.TryGetValue(otherId, out var other) ? other : null;
    }

    private static string ClaimLink(Claim claim, ClaimWords words) =>
        $"<a href=\"{Html.E(Html.ClaimHref(claim.Id))}\">{Html.E(words.Sentence(claim))}</a>";

    /// <summary>
    /// Who copied whom among the pages that report the claim and the pages linked to them: each origin with the
    /// pages that copied it beneath it, and pairs whose direction is unknown apart. A copy is not a confirmation.
    /// </summary>
    private static void Crossposts(StringBuilder h, Claim claim, Dossier d)
    {
        h.Append("<h2 id=\"crossposts\">Who copied whom</h2>\n<div data-testid=\"crossposts\">\n");
        if (d.CopyLinks.Count == 0)
        {
            h.Append("<p>No page reporting this claim is a copy of another stored page, and none was copied.</p>\n</div>\n");
            return;
        }

        h.Append("<p class=\"note\">A copy repeats another page\u2019s text: it is not an independent confirmation. Pages marked \u2605 report this claim.</p>\n");
        var reporting = claim.Pages.ToHashSet(StringComparer.Ordinal);
        var directed = d.CopyLinks.Where(l => l.Direction != LinkDirection.Undirected && l.OriginId is not null).ToList();
        var copiesOf = directed.ToLookup(l => l.OriginId!, StringComparer.Ordinal);
        var copies = directed.Select(l => l.CopyId).ToHashSet(StringComparer.Ordinal);
        var roots = directed.Select(l => l.OriginId!).Where(o => !copies.Contains(o)).Distinct(StringComparer.Ordinal).ToList();
        // A cycle of copies (two pages each found to copy the other) has no root: start it at its first page.
        roots.AddRange(directed.Select(l => l.OriginId!).Distinct(StringComparer.Ordinal).Where(o => copies.Contains(o) && !Reachable(roots, copiesOf).Contains(o)).Take(1));
        if (roots.Count > 0)
        {
            h.Append("<ul class=\"tree\">\n");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in roots)
                Node(h, d, root, null, copiesOf, reporting, seen);
            h.Append("</ul>\n");
        }

        var undirected = d.CopyLinks.Where(l => l.Direction == LinkDirection.Undirected && l.OriginId is not null).ToList();
        if (undirected.Count > 0)
        {
            h.Append("<h3>Shared text, direction unknown</h3>\n<ul class=\"tree\">\n");
            foreach (var l in undirected)
            {
                h.Append("<li>").Append(PageRef(d, l.CopyId, reporting)).Append(" <span class=\"arrow\">\u2194</span> ").Append(PageRef(d, l.OriginId!, reporting))
                    .Append("<br><span class=\"note\">").Append(Html.E(l.Explain())).Append("</span></li>\n");
            }

            h.Append("</ul>\n");
        }

        foreach (var l in d.CopyLinks.Where(l => l.OriginId is null))
        {
            h.Append("<p>").Append(PageRef(d, l.CopyId, reporting)).Append(Html.E($" credits the outlet {l.OriginOutlet ?? "named in its credit"}, none of whose pages is stored."))
                .Append("</p>\n");
        }

        h.Append("</div>\n");
    }

    private static HashSet<string> Reachable(List<string> roots, ILookup<string, CopyLink> copiesOf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>(roots);
        while (todo.Count > 0)
        {
            var id = todo.Pop();
            if (!seen.Add(id))
                continue;
            foreach (var l in copiesOf[id])
                todo.Push(l.CopyId);
        }

        return seen;
    }

    private static void Node(StringBuilder h, Dossier d, string pageId, CopyLink? via, ILookup<string, CopyLink> copiesOf, HashSet<string> reporting, HashSet<string> seen)
    {
        h.Append("<li>");
        if (via is not null)
            h.Append("<span class=\"arrow\">\u21b3 copied by</span> ");
        h.Append(PageRef(d, pageId, reporting));
        if (via is not null)
            h.Append("<br><span class=\"note\">").Append(Html.E(via.Explain())).Append("</span>");
        if (seen.Add(pageId))
        {
            var children = copiesOf[pageId].ToList();
            if (children.Count > 0)
            {
                h.Append("\n<ul>\n");
                foreach (var child in children)
                    Node(h, d, child.CopyId, child, copiesOf, reporting, seen);
                h.Append("</ul>\n");
            }
        }

        h.Append("</li>\n");
    }

    private static string PageRef(Dossier d, string pageId, HashSet<string> reporting) =>
        $"<a href=\"{Html.E(Html.DocumentHref(pageId))}\">{Html.E(d.PageName(pageId))}</a>{(reporting.Contains(pageId) ? " <span title=\"reports this claim\">\u2605</span>" : "")}";

    private static void SameEvents(StringBuilder h, Dossier d)
    {
        if (d.SameEvents.Count == 0)
            return;
        h.Append("<h2 id=\"events\">Pages about the same event</h2>\n<ul>\n");
        foreach (var e in d.SameEvents)
        {
            h.Append("<li>").AppendJoin("; ", e.Pages.Select(p => $"<a href=\"{Html.E(Html.DocumentHref(p))}\">{Html.E(d.PageName(p))}</a>"))
                .Append("<br><span class=\"note\">").Append(Html.E("Why: " + string.Join("; ", e.Why))).Append("</span></li>\n");
        }

        h.Append("</ul>\n");
    }

    /// <summary>A sentence of a page with a span inside it marked (the figure, or a stance cue); the span alone when it is not inside.</summary>
    private static string Quote(Dossier d, string pageId, TextSpan sentence, TextSpan figure, string markClass)
    {
        if (!d.Corpus.Pages.TryGetValue(pageId, out var page))
            return "";
        var text = page.Page.Text;
        if (sentence.Start < 0 || sentence.End > text.Length || sentence.Start >= sentence.End)
            sentence = figure;
        var marks = figure.Start >= sentence.Start && figure.End <= sentence.End && figure.Start < figure.End
            ? new[] { new Mark(figure.Start - sentence.Start, figure.End - sentence.Start, 0, $"<mark class=\"{markClass}\">", "</mark>") }
            : [];
        return TextMarkup.Render(Html.Slice(text, sentence.Start, sentence.End), marks);
    }
}
