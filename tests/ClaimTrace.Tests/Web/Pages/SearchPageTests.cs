using ClaimTrace.Web;

namespace ClaimTrace.Tests;

/// <summary>The search page (<c>/</c>) over the seeds' store.</summary>
public sealed class SearchPageTests(SeedSite site) : IClassFixture<SeedSite>
{
    private HtmlPage Search(SearchForm form) => SearchPage.Render(form, site.Store, site.Corpus);

    [Fact]
    public void A_search_for_96_5_finds_Mizintsevs_statement_in_both_outlets_with_the_speaker_the_number_and_the_outlet_marked()
    {
        var page = Search(new SearchForm(Q: "96.5"));

        Assert.Equal(200, page.Status);
        var doc = Dom.Parse(page);
        Assert.NotNull(doc.QuerySelector("form[data-testid=search-form] input[name=q][value='96.5']"));
        var hits = doc.QuerySelectorAll("[data-testid=search-result]")
            .Where(h => h.QuerySelector(".speaker")?.TextContent.Contains("Mizintsev", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(["Global Research", "South Front"], hits.Select(h => h.QuerySelector(".outlet")!.TextContent).Distinct().Order(StringComparer.Ordinal));
        foreach (var hit in hits)
        {
            Assert.Single(hit.QuerySelectorAll(".speaker"));
            Assert.Contains(hit.QuerySelectorAll("mark.number"), m => m.TextContent.Contains("96.5", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Each_hit_links_to_its_document_at_the_statements_offset_and_to_the_claim_it_reports()
    {
        var claim = site.Mizintsev;
        var doc = Dom.Parse(Search(new SearchForm(Q: "96.5", Speaker: "Mizintsev")));

        var hits = doc.QuerySelectorAll("[data-testid=search-result]");
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var href = hit.QuerySelector(".links a")!.GetAttribute("href")!;
            Assert.Matches(@"^/documents/[0-9a-f]{12}#s\d+$", href);
        }

        Assert.Contains(hits, h => h.QuerySelectorAll("a.claim-link").Any(a => a.GetAttribute("href") == "/claims/" + claim.Id));
    }

    [Fact]
    public void A_facet_link_adds_its_filter_and_keeps_the_search_text_and_the_other_filters()
    {
        var doc = Dom.Parse(Search(new SearchForm(Q: "96.5", Measure: "territory.government_control.share")));

        var outlets = doc.QuerySelector("ul[data-facet=outlet]")!;
        var southFront = outlets.QuerySelectorAll("a").Single(a => a.TextContent == "South Front").GetAttribute("href")!;
        Assert.Contains("q=96.5", southFront, StringComparison.Ordinal);
        Assert.Contains("measure=territory.government_control.share", southFront, StringComparison.Ordinal);
        Assert.Contains("outlet=South%20Front", southFront, StringComparison.Ordinal);
        Assert.All(outlets.QuerySelectorAll(".count"), c => Assert.True(int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public void A_filter_in_force_is_shown_with_a_link_that_removes_it()
    {
        var doc = Dom.Parse(Search(new SearchForm(Q: "96.5", Outlet: "South Front")));

        Assert.All(doc.QuerySelectorAll("[data-testid=search-result] .outlet"), o => Assert.Equal("South Front", o.TextContent));
        var chip = Assert.Single(doc.QuerySelectorAll(".active-filters a"));
        Assert.Equal("/?q=96.5", chip.GetAttribute("href"));
    }

    [Fact]
    public void Results_beyond_one_page_get_a_next_link_that_keeps_the_query()
    {
        var first = Dom.Parse(Search(new SearchForm(Q: "Syria")));
        var next = first.QuerySelector(".pager a[rel=next]");
        Assert.NotNull(next);
        Assert.Equal("/?q=Syria&page=2", next.GetAttribute("href"));
        Assert.Equal(SearchForm.PageSize, first.QuerySelectorAll("[data-testid=search-result]").Length);

        var second = Dom.Parse(Search(new SearchForm(Q: "Syria", Page: 2)));
        Assert.Equal("/?q=Syria", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_page_without_a_search_says_what_the_database_holds_and_links_the_most_reported_claims()
    {
        var page = Search(new SearchForm());

        Assert.Equal(200, page.Status);
        var doc = Dom.Parse(page);
        Assert.Empty(doc.QuerySelectorAll("[data-testid=search-result]"));
        Assert.Contains("5 documents", doc.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        var links = doc.QuerySelectorAll(".start-claims a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/claims/", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_a_400_page_saying_which_forms_work()
    {
        var page = Search(new SearchForm(Q: "96.5", From: "last week"));

        Assert.Equal(400, page.Status);
        Assert.Contains("2018-12-11", Dom.Parse(page).QuerySelector(".problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_with_only_exclusions_says_what_to_change_instead_of_failing()
    {
        var page = Search(new SearchForm(Q: "-Syria"));

        Assert.Equal(400, page.Status);
        Assert.NotEmpty(Dom.Parse(page).QuerySelector(".problem")!.TextContent);
    }

    [Fact]
    public void The_snippet_nests_a_match_inside_the_number_it_is_part_of()
    {
        var snippet = new SearchSnippet(0, "He said 96.5% was free.", [new SearchHighlight(8, 5, HighlightKind.Quantity), new SearchHighlight(8, 4, HighlightKind.Match)], false, true);

        Assert.Equal("He said <mark class=\"number\"><mark class=\"match\">96.5</mark>%</mark> was free.\u2026", SearchPage.Snippet(snippet));
    }

    [Fact]
    public void A_search_cut_to_its_window_says_so_and_asks_for_narrower_words()
    {
        var page = SearchPage.Render(new SearchForm(Q: "96.5"), site.Store, site.Corpus,
            query => site.Store.Search(query with { Window = 1 }));

        Assert.Contains("data-testid=\"truncated\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Results 1\u20131 of 1 (the newest of more)", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"truncated\"", Search(new SearchForm(Q: "96.5")).Html, StringComparison.Ordinal);
    }
}
