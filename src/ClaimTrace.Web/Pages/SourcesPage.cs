using System.Runtime.CompilerServices;
using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// <c>/sources</c>: the outlets as a fact-checker weighs them (<see cref="SourceSummary"/>, as <c>claimtrace sources</c>
/// prints them): their pages, the claims they carry, how often they carry a questioned claim without flagging it or
/// with flagging it, whom they copy and who copies them, and the syndication graph drawn.
/// </summary>
public static class SourcesPage
{
    private const int PagesListed = 12;

    private static readonly ConditionalWeakTable<LinkedCorpus, Summary> Cache = [];

    private sealed record Summary(IReadOnlyList<SourceRow> Rows, IReadOnlyDictionary<(string A, string B), int> Undirected);

    public static HtmlPage Render(IPageStore store, LinkedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        // The summary reads every copy link; the corpus is replaced whenever the database changes, so it can key the cache.
        var summary = Cache.GetValue(corpus, c => Summarise(store, c));
        var rows = summary.Rows;
        var h = new StringBuilder(32_768);
        h.Append("<h1>Sources</h1>\n<p class=\"lead\">").Append(Html.E($"{Html.Count(rows.Count, "outlet")} carry figures of known measures. "))
            .Append("A copy repeats another outlet\u2019s text: it is not an independent confirmation. \u201cNot flagged\u201d counts claims an outlet carries that are ")
            .Append("disputed or contradicted somewhere while its own page raises no doubt about them.</p>\n");
        h.Append("<h2>Who copies whom</h2>\n<p class=\"note\">An arrow goes from an outlet to an outlet that copied its pages, with the number of copies; ")
            .Append("a dashed line joins outlets whose pages share text when which came first is unknown. Circles grow with the pages and reports an outlet has. Hover for counts.</p>\n")
            .Append("<div class=\"graph-box\">\n").Append(SourcesGraph.Render(rows, summary.Undirected)).Append("</div>\n");

        h.Append("<h2>Outlets</h2>\n<table class=\"sources\" data-testid=\"sources-table\">\n<thead><tr><th>Outlet</th><th class=\"num\">Pages with figures</th><th class=\"num\">Reports of claims</th>")
            .Append("<th class=\"num\">Questioned claims carried</th><th class=\"num\">of them not flagged</th><th class=\"num\">flagged</th><th class=\"num\">Disputes raised</th>")
            .Append("<th>Copies</th><th>Copied by</th></tr></thead>\n<tbody>\n");
        var pagesByOutlet = corpus.Pages.Values.ToLookup(p => p.Outlet ?? SourceSummary.UnknownOutlet, StringComparer.Ordinal);
        foreach (var r in rows)
        {
            h.Append("<tr data-testid=\"source-row\" data-outlet=\"").Append(Html.E(r.Outlet)).Append("\"><td><strong>").Append(Html.E(r.Outlet)).Append("</strong>");
            var pages = pagesByOutlet[r.Outlet].OrderBy(p => p.Published ?? "~", StringComparer.Ordinal).ThenBy(p => p.Page.Key, StringComparer.Ordinal).ToList();
            if (pages.Count > 0)
            {
                h.Append("<ul class=\"pages-list\">");
                foreach (var p in pages.Take(PagesListed))
                {
                    h.Append("<li><a href=\"").Append(Html.E(Html.DocumentHref(p.Id))).Append("\">").Append(Html.E(Html.PageTitle(p.Page.Metadata.Title?.Value, p.Page.Key))).Append("</a> ")
                        .Append("<span class=\"note\">").Append(Html.E(Html.Date(p.Published))).Append("</span></li>");
                }

                if (pages.Count > PagesListed)
                    h.Append("<li class=\"note\">").Append(Html.E($"and {pages.Count - PagesListed} more")).Append("</li>");
                h.Append("</ul>");
            }

            if (r.Outlet != SourceSummary.UnknownOutlet)
                h.Append("<a class=\"note more\" href=\"").Append(Html.E(Html.Url("/", ("outlet", r.Outlet)))).Append("\">search its pages</a>");
            h.Append("</td><td class=\"num\">").Append(Html.N(r.Pages)).Append("</td><td class=\"num\">").Append(Html.N(r.Reports))
                .Append("</td><td class=\"num\">").Append(Html.N(r.DisputedCarried)).Append("</td><td class=\"num\">").Append(Html.N(r.DisputedUnflagged))
                .Append("</td><td class=\"num\">").Append(Html.N(r.DisputedCarried - r.DisputedUnflagged)).Append("</td><td class=\"num\">").Append(Html.N(r.FlagsRaised))
                .Append("</td><td>").Append(Counts(r.Copies));
            if (r.SharedUndirected > 0)
                h.Append("<div class=\"note\">").Append(Html.E($"+{r.SharedUndirected} shared, direction unknown")).Append("</div>");
            h.Append("</td><td>").Append(Counts(r.CopiedBy)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n<p class=\"note\">Pages and reports count pages that give a figure of a known measure.</p>\n");
        return new HtmlPage(Layout.Render("Sources", Section.Sources, h.ToString()));
    }

    private static Summary Summarise(IPageStore store, LinkedCorpus corpus)
    {
        var rows = SourceSummary.Of(corpus, store);
        // Shared text of unknown direction, by outlet pair, for the graph's dashed lines: the page pairs the corpus
        // holds (pairs among pages without figures only count in the table's column).
        var undirected = new Dictionary<(string, string), int>();
        foreach (var link in corpus.CopyLinks.Where(l => l.Direction == LinkDirection.Undirected && l.OriginId is not null))
        {
            var a = OutletOf(store, corpus, link.CopyId);
            var b = OutletOf(store, corpus, link.OriginId!);
            var key = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            undirected[key] = undirected.GetValueOrDefault(key) + 1;
        }

        return new Summary(rows, undirected);
    }

    private static string OutletOf(IPageStore store, LinkedCorpus corpus, string id) =>
        (corpus.Pages.TryGetValue(id, out var page) ? page.Outlet : store.Find(id)?.Page.Metadata.Outlet?.Value) ?? SourceSummary.UnknownOutlet;

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "<span class=\"note\">none</span>" : string.Join(", ", counts.Select(c => Html.E(c.Value == 1 ? c.Key : $"{c.Key} \u00d7{c.Value}")));
}
