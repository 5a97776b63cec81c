using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// <c>/</c>: full-text search over statements, articles and comments with filters and facets. Each hit shows its
/// sentence with the speaker, the figures and the words searched for marked, who said it and in which outlet, and
/// links to the document at the hit's place and to the claim the statement is a report of, when it is one.
/// </summary>
public static class SearchPage
{
    private static readonly (string Field, string Label, string Placeholder)[] Fields =
    [
        ("speaker", "Speaker", "Mizintsev"),
        ("outlet", "Outlet", "South Front"),
        ("measure", "Measure", "territory.is_held.share"),
        ("place", "Place", "Syria"),
        ("from", "From", "2017 or 2017-12"),
        ("to", "To", "2018-12-31"),
    ];

    public static HtmlPage Render(SearchForm form, IPageStore store, LinkedCorpus corpus, Func<SearchQuery, SearchResults>? search = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(store);
        var h = new StringBuilder(16_384);
        var title = form.Q is null ? "Search" : $"Search: {form.Q}";
        h.Append("<h1>Search statements, articles and comments</h1>\n");
        Form(h, form);
        if (form.Q is null && !form.HasFilters && form.Page == 1)
        {
            // An empty search would list every statement, article and comment with facets over all of them: costly
            // on a large database and no help to anyone. Say what is here and where to start instead.
            Start(h, store, corpus);
            return new HtmlPage(Layout.Render(title, Section.Search, h.ToString()));
        }

        var problems = form.Problems().ToList();
        SearchResults? results = null;
        if (problems.Count == 0)
        {
            try
            {
                results = (search ?? store.Search)(form.ToQuery());
            }
            catch (SearchQueryException e)
            {
                problems.Add(e.Message);
            }
        }

        if (results is null)
        {
            foreach (var problem in problems)
                h.Append("<p class=\"problem\">").Append(Html.E(problem)).Append("</p>\n");
            return new HtmlPage(Layout.Render(title, Section.Search, h.ToString()), 400);
        }

        ActiveFilters(h, form);
        h.Append("<div class=\"search-layout\">\n<aside class=\"facets\" aria-label=\"Narrow the search\">\n");
        Facet(h, form, "Outlets", "outlet", form.Outlet, results.Facets.Outlets, (f, v) => f with { Outlet = v, Page = 1 });
        Facet(h, form, "Speakers", "speaker", form.Speaker, results.Facets.Speakers, (f, v) => f with { Speaker = v, Page = 1 });
        Facet(h, form, "Measures", "measure", form.Measure, results.Facets.Measures, (f, v) => f with { Measure = v, Page = 1 });
        Facet(h, form, "Stance of the page", "stance", form.Stance, results.Facets.Stances, (f, v) => f with { Stance = v, Page = 1 });
        h.Append("</aside>\n<section class=\"results\" aria-label=\"Results\">\n");
        Results(h, form, results, ClaimIndex.Of(corpus));
        h.Append("</section>\n</div>\n");
        return new HtmlPage(Layout.Render(title, Section.Search, h.ToString()));
    }

    private const int StartClaims = 8;

    private static void Start(StringBuilder h, IPageStore store, LinkedCorpus corpus)
    {
        var counts = store.Counts();
        var claims = corpus.Result.Claims;
        h.Append("<p class=\"lead\">").Append(Html.E($"The database holds {Html.Count(counts.Documents, "document")} with {Html.Count(counts.Comments, "reader comment")}, and {Html.Count(claims.Count, "claim")} linked across them. "))
            .Append("Search for words, a <q>quoted phrase</q>, a figure such as <a href=\"").Append(Html.E(Html.Url("/", ("q", "96.5")))).Append("\">96.5</a>, or narrow by speaker, outlet, measure, place, dates and stance.</p>\n");
        if (claims.Count == 0)
        {
            h.Append("<p>No claims yet: <a href=\"/ingest\">add pages</a> to start.</p>\n");
            return;
        }

        var index = ClaimIndex.Of(corpus);
        h.Append("<h2>Most reported claims</h2>\n<ul class=\"start-claims\">\n");
        foreach (var claim in claims.OrderByDescending(c => c.Reports.Count(r => !r.IsEcho)).ThenBy(c => c.Id, StringComparer.Ordinal).Take(StartClaims))
        {
            h.Append("<li><a href=\"").Append(Html.E(Html.ClaimHref(claim.Id))).Append("\">").Append(Html.E(ClaimWords.Default.Sentence(claim))).Append("</a> ")
                .Append("<span class=\"note\">").Append(Html.E(Html.Count(claim.Reports.Count(r => !r.IsEcho), "report"))).Append("</span>");
            foreach (var kind in index.ConflictsOf(claim.Id).Select(c => c.Kind).Distinct().Order())
                h.Append(' ').Append(Html.Tag(kind));
            h.Append("</li>\n");
        }

        h.Append("</ul>\n<p><a href=\"/claims\">All claims</a> \u00b7 <a href=\"/claims?disputed=1\">disputed or contradicted claims</a> \u00b7 <a href=\"/sources\">who copies whom</a></p>\n");
    }

    private static void Form(StringBuilder h, SearchForm form)
    {
        h.Append("<form class=\"filters\" method=\"get\" action=\"/\" data-testid=\"search-form\" role=\"search\">\n<div class=\"wide\">")
            .Append("<input type=\"search\" name=\"q\" aria-label=\"Search text\" placeholder=\"words, &quot;a phrase&quot;, -exclude, prefix*\" value=\"")
            .Append(Html.E(form.Q)).Append("\"><button type=\"submit\">Search</button></div>\n");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["speaker"] = form.Speaker,
            ["outlet"] = form.Outlet,
            ["measure"] = form.Measure,
            ["place"] = form.Place,
            ["from"] = form.From,
            ["to"] = form.To,
        };
        foreach (var (field, label, placeholder) in Fields)
        {
            h.Append("<label>").Append(label).Append("<input type=\"text\" name=\"").Append(field).Append("\" placeholder=\"").Append(Html.E(placeholder))
                .Append("\" value=\"").Append(Html.E(values[field])).Append("\"></label>\n");
        }

        h.Append("<label>Stance<select name=\"stance\"><option value=\"\">any</option>");
        foreach (var stance in AnalysisWireNames.All<StanceKind>())
        {
            h.Append("<option value=\"").Append(Html.E(stance)).Append('"').Append(stance == form.Stance ? " selected" : "").Append('>')
                .Append(Html.E(stance)).Append("</option>");
        }

        h.Append("</select></label>\n<div class=\"actions\"><a href=\"/\">clear all</a></div>\n</form>\n");
    }

    private static void ActiveFilters(StringBuilder h, SearchForm form)
    {
        if (!form.HasFilters)
            return;
        h.Append("<p class=\"active-filters\">Filters: ");
        void Chip(string label, string? value, SearchForm without)
        {
            if (value is null)
                return;
            h.Append("<a href=\"").Append(Html.E(without.Href())).Append("\" title=\"remove this filter\">").Append(Html.E($"{label}: {value}")).Append(" \u00d7</a>");
        }

        Chip("speaker", form.Speaker, form with { Speaker = null });
        Chip("outlet", form.Outlet, form with { Outlet = null });
        Chip("measure", form.Measure, form with { Measure = null });
        Chip("place", form.Place, form with { Place = null });
        Chip("from", form.From, form with { From = null });
        Chip("to", form.To, form with { To = null });
        Chip("stance", form.Stance, form with { Stance = null });
        h.Append("</p>\n");
    }

    private static void Facet(StringBuilder h, SearchForm form, string title, string field, string? current, IReadOnlyList<FacetCount> counts, Func<SearchForm, string?, SearchForm> with)
    {
        if (counts.Count == 0)
            return;
        h.Append("<h3>").Append(Html.E(title)).Append("</h3>\n<ul data-facet=\"").Append(field).Append("\">\n");
        foreach (var c in counts)
        {
            var on = current is not null && string.Equals(current, c.Value, StringComparison.OrdinalIgnoreCase);
            var href = with(form, on ? null : c.Value).Href();
            h.Append("<li").Append(on ? " class=\"on\"" : "").Append("><a href=\"").Append(Html.E(href)).Append('"')
                .Append(on ? " title=\"remove this filter\"" : "").Append('>').Append(Html.E(c.Value)).Append(on ? " \u00d7" : "")
                .Append("</a><span class=\"count\">").Append(Html.N(c.Count)).Append("</span></li>\n");
        }

        h.Append("</ul>\n");
    }

    private static void Results(StringBuilder h, SearchForm form, SearchResults results, ClaimIndex index)
    {
        var first = ((form.Page - 1) * SearchForm.PageSize) + 1;
        if (results.Total == 0)
        {
            h.Append("<p class=\"lead\">Nothing found. Try fewer words, a figure such as <a href=\"").Append(Html.E(Html.Url("/", ("q", "96.5"))))
                .Append("\">96.5</a>, or remove a filter.</p>\n");
            return;
        }

        var last = first + results.Hits.Count - 1;
        h.Append("<p class=\"lead\">").Append(results.Hits.Count == 0
            ? Html.E($"No results on this page: there are {Html.Count(results.Total, "result")}.")
            : Html.E($"Results {Html.N(first)}\u2013{Html.N(last)} of {Html.N(results.Total)}" + (results.Truncated ? " (the newest of more)" : ""))).Append("</p>\n");
        if (results.Truncated)
        {
            h.Append("<p class=\"note\" data-testid=\"truncated\">").Append(Html.E(
                $"More units match than the {Html.N(results.Window)} a search ranks in full: these results and the counts beside them cover the most recently stored of them. Add words or filters to narrow the search."))
                .Append("</p>\n");
        }

        foreach (var hit in results.Hits)
            Hit(h, hit, index);
        Pager(h, form, results.Total);
    }

    private static void Hit(StringBuilder h, SearchHit hit, ClaimIndex index)
    {
        var kind = hit.Kind switch { SearchHitKind.Statement => "statement", SearchHitKind.Comment => "reader comment", _ => "article" };
        h.Append("<article class=\"result\" data-testid=\"search-result\" data-kind=\"").Append(Html.E(kind)).Append("\">\n<div class=\"hit-meta\">")
            .Append("<span class=\"tag kind\">").Append(Html.E(kind)).Append("</span>");
        if (hit.Kind == SearchHitKind.Statement)
        {
            h.Append("<span>said by <span class=\"speaker\">").Append(Html.E(hit.Speaker ?? hit.SpeakerWritten ?? "no one named")).Append("</span></span>");
        }
        else if (hit.Kind == SearchHitKind.Comment)
        {
            h.Append("<span>by ").Append(Html.E(hit.CommentAuthor ?? "an unnamed reader")).Append("</span>");
        }

        h.Append("<span>in <span class=\"outlet\">").Append(Html.E(hit.Outlet ?? "unknown outlet")).Append("</span></span>")
            .Append("<span>").Append(Html.E(Html.Date(hit.Date ?? hit.Published))).Append("</span>");
        if (hit.InComments && hit.Kind == SearchHitKind.Statement)
            h.Append("<span>in the reader comments</span>");
        h.Append("</div>\n<div class=\"snippet\">").Append(Snippet(hit.Snippet)).Append("</div>\n<div class=\"links\"><a href=\"")
            .Append(Html.E(Html.DocumentHref(hit.DocumentId, hit.Start))).Append("\">")
            .Append(Html.E(Html.PageTitle(hit.Title, hit.Key))).Append("</a>");
        if (hit.Statement is { } statement)
        {
            foreach (var claim in index.ForStatement(hit.DocumentId, statement))
            {
                h.Append("<a class=\"claim-link\" href=\"").Append(Html.E(Html.ClaimHref(claim.Id))).Append("\">claim: ")
                    .Append(Html.E(ClaimWords.Default.Sentence(claim))).Append("</a>");
            }
        }

        h.Append("</div>\n</article>\n");
    }

    /// <summary>The snippet with the speaker as the page names them, the figures and the words searched for marked.</summary>
    internal static string Snippet(SearchSnippet snippet)
    {
        var marks = snippet.Highlights.Select(x => x.Kind switch
        {
            HighlightKind.Speaker => new Mark(x.Start, x.End, 0, "<span class=\"said-by\">", "</span>"),
            HighlightKind.Quantity => new Mark(x.Start, x.End, 1, "<mark class=\"number\">", "</mark>"),
            _ => new Mark(x.Start, x.End, 2, "<mark class=\"match\">", "</mark>"),
        });
        return (snippet.CutBefore ? "\u2026" : "") + TextMarkup.Render(snippet.Text, marks) + (snippet.CutAfter ? "\u2026" : "");
    }

    private static void Pager(StringBuilder h, SearchForm form, int total)
    {
        var pages = (int)Math.Ceiling(total / (double)SearchForm.PageSize);
        if (pages <= 1)
            return;
        h.Append("<nav class=\"pager\" aria-label=\"Pages of results\">");
        if (form.Page > 1)
            h.Append("<a rel=\"prev\" href=\"").Append(Html.E(form.Href(form.Page - 1))).Append("\">\u2190 previous</a>");
        else
            h.Append("<span class=\"disabled\">\u2190 previous</span>");
        h.Append("<span>page ").Append(Html.N(form.Page)).Append(" of ").Append(Html.N(pages)).Append("</span>");
        if (form.Page < pages)
            h.Append("<a rel=\"next\" href=\"").Append(Html.E(form.Href(form.Page + 1))).Append("\">next \u2192</a>");
        else
            h.Append("<span class=\"disabled\">next \u2192</span>");
        h.Append("</nav>\n");
    }
}
