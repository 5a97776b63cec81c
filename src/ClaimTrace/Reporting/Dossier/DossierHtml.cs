using System.Text;

namespace ClaimTrace;

/// <summary>
/// A dossier as one self-contained HTML5 page: inline CSS and inline SVG charts, no scripts, nothing fetched, so it
/// can be mailed or archived and read offline. Written for someone who has never seen the tool: each section says
/// in a line what it shows, claims are sentences ("Russian Defense Ministry said 100% of Syria is free of the armed
/// group (6 Dec 2017)"), not keys. Everything that comes from a page — sentences, outlets, titles, URLs, names —
/// is escaped, and only http(s) links are made clickable, since a page can carry markup or a javascript: URL.
/// </summary>
public static class DossierHtml
{
    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        .lead{color:#555;margin-top:0}.note{color:#555;font-size:.92em}
        table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
        th{background:#f4f4f4}mark{background:#ffe58a;padding:0 .1em}
        .tag{display:inline-block;font-size:.78em;padding:0 .45em;border-radius:.6em;margin-left:.4em;color:#fff;vertical-align:middle}
        .dispute{background:#d7191c}.contradiction{background:#a6611a}.revision{background:#2c7bb6}.echo{background:#888}
        .claim{margin:.6em 0;padding:.5em .8em;border-left:4px solid #2c7bb6;background:#f7f9fc}
        .claim .why{color:#555;font-size:.88em}blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#333}
        svg{max-width:100%;height:auto}code{font-size:.85em;color:#555}
        """;

    public static string Render(Dossier d, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        words ??= ClaimWords.Default;
        var h = new StringBuilder();
        var title = d.Query.Length == 0 ? "All claims" : $"Claims matching \u201c{d.Query}\u201d";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E("ClaimTrace dossier: " + title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n");
        var outlets = d.Claims.SelectMany(c => c.Reports).Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var pages = d.Claims.SelectMany(c => c.Pages).Distinct(StringComparer.Ordinal).Count();
        h.Append("<p class=\"lead\">").Append(E(
            $"{Count(d.Claims.Count, "claim")} found in {Count(pages, "page")} from {Count(outlets, "outlet")}. " +
            "A claim is one figure given by one speaker (a person, or the institution they speak for); each page that repeats it is a report of it. " +
            $"{Count(d.Conflicts.Count, "problem")} flagged: disputes, contradictions and revised figures.")).Append("</p>\n");

        if (d.Claims.Count == 0)
        {
            h.Append("<p>Nothing in the database matches this query. Try a measure (\u201cterritory\u201d), a speaker\u2019s name or a figure (\u201c96.5\u201d).</p>\n");
            return h.Append("</body>\n</html>\n").ToString();
        }

        Claims(h, d, words);
        Charts(h, d, words);
        Reports(h, d, words);
        Conflicts(h, d, words);
        Copies(h, d);
        SameEvents(h, d);
        h.Append("<p class=\"note\">Made by ClaimTrace from the pages in its database. Figures and dates are as the pages give them; ")
            .Append("where a page gave no date, the date and the reason for it are shown. Nothing here says which figure is true.</p>\n");
        return h.Append("</body>\n</html>\n").ToString();
    }

    private static void Claims(StringBuilder h, Dossier d, ClaimWords words)
    {
        h.Append("<h2 id=\"claims\">What is claimed</h2>\n");
        foreach (var claim in d.Claims)
        {
            var reports = claim.Reports.Where(r => !r.IsEcho).ToList();
            var outlets = reports.Select(r => r.Outlet ?? "an unnamed outlet").Distinct(StringComparer.Ordinal).ToList();
            h.Append("<div class=\"claim\" id=\"").Append(E(claim.Id)).Append("\"><strong>").Append(E(words.Sentence(claim))).Append("</strong>");
            foreach (var kind in d.Conflicts.Where(c => c.Claim == claim.Id).Select(c => c.Kind).Distinct().Order())
                h.Append(Tag(kind));
            h.Append("<div class=\"why\">").Append(E($"Reported {Count(reports.Count, "time")} by {string.Join(", ", outlets)}. Speaker: {claim.Side.Why}.")).Append("</div></div>\n");
        }
    }

    private static void Charts(StringBuilder h, Dossier d, ClaimWords words)
    {
        if (d.Timelines.Count == 0)
            return;
        h.Append("<h2 id=\"timeline\">Over time</h2>\n<p class=\"note\">Each chart shows one kind of figure for one country, in one unit, with the other claims of the same kind ")
            .Append("for context. Each speaker has its own colour and marker; a bar across a point means the date is only known to that span. ")
            .Append("Figures stated the other way round (\u201c100% free\u201d) are converted so they can be compared (\u201c0% held\u201d). Hover over a point for details.</p>\n");
        foreach (var timeline in d.Timelines)
            h.Append("<figure>\n").Append(SvgTimeline.Render(timeline, words)).Append("</figure>\n");
    }

    private static void Reports(StringBuilder h, Dossier d, ClaimWords words)
    {
        h.Append("<h2 id=\"reports\">Every report</h2>\n<p class=\"note\">Each row is one page giving the figure, with the sentence as the page wrote it; the figure is highlighted. ")
            .Append("\u201cRepeats the figure\u201d marks an outlet restating, in its own words, a figure someone else gave.</p>\n");
        foreach (var claim in d.Claims)
        {
            h.Append("<h3>").Append(E(words.Sentence(claim))).Append("</h3>\n<table>\n<tr><th>Outlet</th><th>Page</th><th>Date, and how it was found</th><th>Speaker</th><th>What the page says</th></tr>\n");
            foreach (var r in claim.Reports)
            {
                h.Append("<tr><td>").Append(E(r.Outlet ?? "unknown")).Append("</td><td>").Append(PageLink(d, r.PageId)).Append("</td><td>");
                h.Append(r.Date is null ? "no date" : "<strong>" + E(ClaimWords.Date(r.Date)) + "</strong>").Append("<br><span class=\"note\">").Append(E(words.DateHow(r.DateHow))).Append("</span></td><td>");
                h.Append(E(r.SpeakerWritten ?? r.Side.Display));
                if (r.SpeakerWritten is not null && r.SpeakerWritten != r.Side.Display)
                    h.Append("<br><span class=\"note\">").Append(E("for " + r.Side.Display)).Append("</span>");
                if (r.IsEcho)
                    h.Append("<span class=\"tag echo\">repeats the figure</span>");
                h.Append("</td><td>").Append(Highlighted(d, r.PageId, r.Sentence, r.Evidence)).Append("</td></tr>\n");
            }

            h.Append("</table>\n");
        }
    }

    private static void Conflicts(StringBuilder h, Dossier d, ClaimWords words)
    {
        h.Append("<h2 id=\"problems\">Disputes, contradictions and revisions</h2>\n<p class=\"note\">")
            .Append("<span class=\"tag dispute\">disputed</span> a page questions the figure or says otherwise; ")
            .Append("<span class=\"tag contradiction\">contradicted</span> another figure cannot be true at the same time; ")
            .Append("<span class=\"tag revision\">revised</span> the same speaker later gave a different figure.</p>\n");
        if (d.Conflicts.Count == 0)
        {
            h.Append("<p>None found: no page questions these figures, and no other figure in the database conflicts with them.</p>\n");
            return;
        }

        var claims = d.Corpus.Result.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        h.Append("<ul>\n");
        foreach (var c in d.Conflicts)
        {
            h.Append("<li>").Append(Tag(c.Kind)).Append(' ');
            var flagged = claims.TryGetValue(c.Claim, out var a) ? words.Sentence(a) : c.Claim;
            var other = c.Other is { } o && claims.TryGetValue(o, out var b) ? words.Sentence(b) : null;
            var line = c.Kind switch
            {
                ConflictKind.Dispute => $"{c.Evidence.By} questions: {flagged}.",
                ConflictKind.Contradiction => $"{flagged} \u2014 cannot both hold with: {other ?? c.Other}.",
                _ => $"{flagged} \u2014 earlier: {other ?? c.Other}.",
            };
            h.Append(E(line)).Append("<br><span class=\"note\">").Append(E("Why: " + c.Why)).Append("</span>");
            h.Append("<blockquote>").Append(Highlighted(d, c.Evidence.PageId, SentenceAround(d, c.Evidence.PageId, c.Evidence.Span), c.Evidence.Span))
                .Append("<br><span class=\"note\">\u2014 ").Append(PageLink(d, c.Evidence.PageId)).Append("</span></blockquote></li>\n");
        }

        h.Append("</ul>\n");
    }

    private static void Copies(StringBuilder h, Dossier d)
    {
        h.Append("<h2 id=\"copies\">Who copied whom</h2>\n");
        if (d.CopyLinks.Count == 0)
        {
            h.Append("<p>No page here is a copy of another stored page or credits another outlet.</p>\n");
            return;
        }

        h.Append("<p class=\"note\">A copy repeats another page\u2019s text, often with a credit line; a copy is not an independent confirmation.</p>\n<ul>\n");
        foreach (var link in d.CopyLinks)
        {
            var origin = link.OriginId is { } o ? PageLink(d, o) : E("the outlet " + (link.OriginOutlet ?? "named in the credit"));
            var verb = link.Direction == LinkDirection.Undirected ? " and " : " copied ";
            h.Append("<li>").Append(PageLink(d, link.CopyId)).Append(verb).Append(origin);
            if (link.Direction == LinkDirection.Undirected)
                h.Append(" share most of their text (which came first is unknown)");
            h.Append("<br><span class=\"note\">").Append(E(link.Explain())).Append("</span></li>\n");
        }

        h.Append("</ul>\n");
    }

    private static void SameEvents(StringBuilder h, Dossier d)
    {
        if (d.SameEvents.Count == 0)
            return;
        h.Append("<h2 id=\"events\">Pages about the same event</h2>\n<p class=\"note\">These pages report the same event, in their own words or as copies.</p>\n<ul>\n");
        foreach (var e in d.SameEvents)
        {
            h.Append("<li>").AppendJoin("; ", e.Pages.Select(p => PageLink(d, p)));
            h.Append("<br><span class=\"note\">").Append(E("Why: " + string.Join("; ", e.Why))).Append("</span></li>\n");
        }

        h.Append("</ul>\n");
    }

    /// <summary>A page's sentence with the span inside it marked; the span alone when it is not inside the sentence.</summary>
    private static string Highlighted(Dossier d, string pageId, TextSpan sentence, TextSpan figure)
    {
        if (!d.Corpus.Pages.TryGetValue(pageId, out var page))
            return "";
        var text = page.Page.Text;
        if (sentence.Start < 0 || sentence.End > text.Length || sentence.Start >= sentence.End)
            sentence = figure;
        if (figure.Start < sentence.Start || figure.End > sentence.End || figure.Start >= figure.End)
            return E(Slice(text, sentence));
        return E(text[sentence.Start..figure.Start]) + "<mark>" + E(text[figure.Start..figure.End]) + "</mark>" + E(text[figure.End..sentence.End]);
    }

    internal static TextSpan SentenceAround(Dossier d, string pageId, TextSpan span)
    {
        if (!d.Corpus.Pages.TryGetValue(pageId, out var page))
            return span;
        var sentence = page.Analysis.Sentences.FirstOrDefault(s => s.Start <= span.Start && span.Start < s.End);
        return sentence is null ? span : new TextSpan(sentence.Start, Math.Max(sentence.End, Math.Min(span.End, page.Page.Text.Length)));
    }

    private static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start < span.End ? text[span.Start..span.End] : "";

    private static string PageLink(Dossier d, string pageId)
    {
        var name = E(d.PageName(pageId));
        var url = d.Corpus.Pages.TryGetValue(pageId, out var page) ? page.Page.Metadata.Url?.Value : null;
        return SafeUrl(url) is { } href ? $"<a href=\"{E(href)}\">{name}</a>" : name;
    }

    /// <summary>Only absolute http(s) URLs become links: "javascript:" or "data:" from a page must not.</summary>
    internal static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static string Tag(ConflictKind kind) => kind switch
    {
        ConflictKind.Dispute => "<span class=\"tag dispute\">disputed</span>",
        ConflictKind.Contradiction => "<span class=\"tag contradiction\">contradicted</span>",
        _ => "<span class=\"tag revision\">revised</span>",
    };

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string E(string? text) => HtmlText.Escape(text);
}
