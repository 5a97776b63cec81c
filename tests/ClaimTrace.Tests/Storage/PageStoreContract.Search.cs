using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>The contract's part about full-text search: syntax, filters, facets, paging and keeping step with versions.</summary>
public abstract partial class PageStoreContract<TStore>
{
    private SearchResults Search(string text, SearchKind kind = SearchKind.All, int limit = 100) =>
        Store.Search(new SearchQuery(text, kind, Limit: limit));

    private static string Marked(SearchHit hit, HighlightKind kind) =>
        string.Join("|", hit.Snippet.Highlights.Where(h => h.Kind == kind).Select(h => hit.Snippet.Text.Substring(h.Start, h.Length)));

    [Fact]
    public void A_number_is_found_in_the_statement_the_article_and_the_reader_comment_that_carry_it()
    {
        var page = AnalysedPage.Build();
        Store.SaveBatch([page], []);

        var results = Search("96.5");

        Assert.Equal(4, results.Total);
        var statement = Assert.Single(results.Hits, h => h.Kind == SearchHitKind.Statement && !h.InComments);
        Assert.Equal("The ministry", statement.Speaker);
        Assert.Equal(0, statement.Statement);
        Assert.Equal("96.5% of Syria has been retaken", page.Text[statement.Start..statement.End]);
        Assert.Equal("The ministry said on Wednesday that 96.5% of Syria has been retaken.", statement.Snippet.Text);
        Assert.Equal("96.5", Marked(statement, HighlightKind.Match));
        Assert.Equal("The ministry", Marked(statement, HighlightKind.Speaker));
        Assert.Equal("96.5%", Marked(statement, HighlightKind.Quantity));
        Assert.Equal("territory_liberated", Assert.Single(statement.Quantities).Measure);
        Assert.Equal("Example News", statement.Outlet);
        Assert.Equal("2017-12-06", statement.Date);

        var comment = Assert.Single(results.Hits, h => h.Kind == SearchHitKind.Comment);
        Assert.True(comment.InComments);
        Assert.Equal("ivan_k", comment.CommentAuthor);
        Assert.Equal(0, comment.Comment);
        Assert.Single(results.Hits, h => h.Kind == SearchHitKind.Article);
        Assert.Single(results.Hits, h => h.Kind == SearchHitKind.Statement && h.InComments && h.Speaker is null);
    }

    [Fact]
    public void A_speaker_is_found_by_name_and_their_statements_rank_above_mere_mentions()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        var results = Search("mizintsev", SearchKind.Statements);

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Mikhail Mizintsev", hit.Speaker);
        Assert.Equal("Colonel General Mikhail Mizintsev", hit.SpeakerWritten);
        Assert.Contains("Mizintsev", Marked(hit, HighlightKind.Speaker), StringComparison.Ordinal);
        Assert.True(hit.Rank > 0);
    }

    [Fact]
    public void A_quoted_phrase_needs_its_words_in_order_and_a_prefix_finds_longer_words()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        Assert.Equal(2, Search("\"has been retaken\"").Total); // the statement and the article
        Assert.Equal(0, Search("\"retaken been has\"").Total);
        Assert.Equal(2, Search("retak*").Total);
        Assert.Equal(2, Search("\"has been ret\"*").Total);
        Assert.Equal("retaken", Marked(Search("retak*", SearchKind.Statements).Hits[0], HighlightKind.Match));
        Assert.Equal(0, Search("\"been has\"*").Total);
    }

    [Fact]
    public void An_excluded_word_or_phrase_leaves_out_the_units_that_hold_it()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        var results = Search("96.5 -come");

        Assert.Equal(2, results.Total);
        Assert.All(results.Hits, h => Assert.False(h.InComments));
        Assert.Equal(2, Search("96.5 -\"has been retaken\"").Total); // the comment and its unattributed statement
        Assert.Equal("\"96 5\" -come", results.Terms.ToString());
    }

    [Fact]
    public void Case_and_diacritics_do_not_matter()
    {
        Store.SaveBatch([AnalysedPage.Build(ministry: "The Ministère")], []);

        Assert.Equal(Search("ministere").Total, Search("MINISTÈRE").Total);
        Assert.NotEqual(0, Search("Ministere").Total);
    }

    [Theory]
    [InlineData("AND")]
    [InlineData("OR")]
    [InlineData("NOT")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(96 5, 2)")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("()")]
    [InlineData("body:syria")]
    [InlineData("^syria")]
    [InlineData("syria +")]
    [InlineData("' OR 1=1 --")]
    [InlineData("a*")]
    [InlineData("-syria")]
    [InlineData("!!! ???")]
    public void Query_syntax_of_fts5_or_sql_is_text_and_never_an_error_of_the_database(string text)
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        try
        {
            var results = Search(text);
            Assert.True(results.Total >= 0);
        }
        catch (SearchQueryException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void Operator_words_are_searched_as_words()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        Assert.NotEqual(0, Search("AND").Total); // "... reached, and Daesh reportedly ..."
        Assert.Equal(0, Search("NEAR").Total);
        Assert.Throws<SearchQueryException>(() => Search("-syria"));
        Assert.Throws<SearchQueryException>(() => Search("!!! ???"));
        Assert.Throws<SearchQueryException>(() => Search("a*"));
    }

    [Fact]
    public void Pages_of_results_are_stable_and_together_give_every_hit_once()
    {
        var pages = Enumerable.Range(0, 7)
            .Select(i => AnalysedPage.Build($"https://news.example/{i}", outlet: i % 2 == 0 ? "Even News" : "Odd Times"))
            .ToArray();
        Store.SaveBatch(pages, []);

        var all = Search("96.5").Hits;
        var paged = Enumerable.Range(0, all.Count).SelectMany(i => Store.Search(new SearchQuery("96.5", Offset: i, Limit: 1)).Hits).ToList();

        Assert.Equal(28, all.Count);
        Assert.Equal(all.Select(Identity), paged.Select(Identity));
        Assert.Equal(all.Count, all.Select(Identity).Distinct().Count());
        Assert.Equal(all.Select(Identity), Search("96.5").Hits.Select(Identity));
    }

    private static string Identity(SearchHit h) => $"{h.Key} {h.Kind} {h.Statement} {h.Comment} {h.Start}";

    [Fact]
    public void Facets_count_every_hit_by_outlet_speaker_measure_and_stance()
    {
        Store.SaveBatch(
        [
            AnalysedPage.Build("https://a.example/1", outlet: "Alpha"),
            AnalysedPage.Build("https://a.example/2", outlet: "Alpha"),
            AnalysedPage.Build("https://b.example/1", outlet: "Beta"),
        ], []);

        var results = Store.Search(new SearchQuery("syria", SearchKind.Statements, Limit: 1));

        Assert.Equal(3, results.Total); // the ministry's statement on each page (Mizintsev's does not say Syria)
        Assert.Single(results.Hits);
        Assert.Equal([new FacetCount("Alpha", 2), new FacetCount("Beta", 1)], results.Facets.Outlets);
        Assert.Equal([new FacetCount("The ministry", 3)], results.Facets.Speakers);
        Assert.Equal([new FacetCount("territory_liberated", 3)], results.Facets.Measures);
        Assert.Equal([new FacetCount("questioned", 3)], results.Facets.Stances);

        var everything = Store.Search(new SearchQuery(Kind: SearchKind.Statements));
        Assert.Equal(9, everything.Total);
        Assert.Equal([new FacetCount("Mikhail Mizintsev", 3), new FacetCount("The ministry", 3)], everything.Facets.Speakers);
        Assert.Equal(
            [new FacetCount("disputed", 3), new FacetCount("hedged", 3), new FacetCount("questioned", 3)],
            everything.Facets.Stances);
    }

    [Fact]
    public void Filters_narrow_hits_by_speaker_outlet_measure_place_stance_date_and_comments()
    {
        Store.SaveBatch([AnalysedPage.Build("https://a.example/1", outlet: "Alpha"), AnalysedPage.Build("https://b.example/1", outlet: "Beta")], []);
        int Count(SearchQuery q) => Store.Search(q).Total;

        Assert.Equal(2, Count(new SearchQuery("settlements", SearchKind.Statements, Speaker: "MIZINTSEV")));
        Assert.Equal(0, Count(new SearchQuery("settlements", SearchKind.Statements, Speaker: "ministry")));
        Assert.Equal(1, Count(new SearchQuery("settlements", SearchKind.Statements, Outlet: "beta")));
        Assert.Equal(2, Count(new SearchQuery("settlements", SearchKind.Statements, Measure: "Settlements_Liberated", Place: "syria")));
        Assert.Equal(0, Count(new SearchQuery("settlements", SearchKind.Statements, Measure: "territory_liberated")));
        Assert.Equal(2, Count(new SearchQuery("settlements", SearchKind.Pages, Speaker: "mizintsev"))); // the articles hold his statement
        Assert.Equal(0, Count(new SearchQuery("come", SearchKind.Pages, IncludeComments: false)));
        Assert.Equal(2, Count(new SearchQuery("come", SearchKind.Pages)));
        Assert.Equal(2, Count(new SearchQuery("settlements", SearchKind.Statements, Stance: StanceKind.Hedged)));
        Assert.Equal(0, Count(new SearchQuery("settlements", SearchKind.Statements, Stance: StanceKind.Questioned)));
        Assert.Equal(2, Count(new SearchQuery("96.5", SearchKind.Statements, From: "2017-12-06", To: "2017-12-06", IncludeComments: false)));
        Assert.Equal(0, Count(new SearchQuery("96.5", SearchKind.Statements, From: "2018")));
        Assert.Equal(4, Count(new SearchQuery("96.5", SearchKind.Statements)));
        Assert.Equal(2, Count(new SearchQuery("96.5", SearchKind.Statements, IncludeComments: false)));
        Assert.Throws<SearchQueryException>(() => Store.Search(new SearchQuery("x", From: "Dec 2018")));
    }

    [Fact]
    public void The_speaker_filter_takes_the_beginnings_of_words_of_a_name_or_mention()
    {
        Store.SaveBatch([AnalysedPage.Build("https://a.example/1", outlet: "Alpha")], []);
        int Count(string speaker) => Store.Search(new SearchQuery("settlements", SearchKind.Statements, Speaker: speaker)).Total;

        Assert.Equal(1, Count("mizin"));
        Assert.Equal(1, Count("Mikhail Mizintsev"));
        Assert.Equal(1, Count("colonel general")); // as the page wrote him
        Assert.Equal(0, Count("intsev")); // inside a word
        Assert.Equal(0, Count("mizintsev mikhail")); // words of one name, out of order
    }

    [Theory]
    [InlineData("", "", null, "", "", "", "", "0 1 2")]
    [InlineData("mizintsev", "", null, "", "", "", "", "1")]
    [InlineData("ministry", "", "questioned", "", "", "", "", "0")]
    [InlineData("ministry", "", "disputed", "", "", "", "", "")] // a stance toward another speaker's statement
    [InlineData("", "", "disputed", "", "", "", "", "1")]
    [InlineData("", "alpha", null, "", "", "", "", "0 1 2")]
    [InlineData("", "gamma", null, "", "", "", "", "")]
    [InlineData("", "", null, "territory_liberated", "", "", "", "0")]
    [InlineData("", "", null, "", "SYRIA", "", "", "0 1")]
    [InlineData("", "", null, "settlements_liberated", "syria", "", "", "1")]
    [InlineData("", "", null, "territory_liberated", "moscow", "", "", "")]
    [InlineData("", "", null, "", "", "2017-12", "2017-12-06", "0")] // Wednesday, not the page's 7 December
    [InlineData("", "", null, "", "", "2017-12-07", "", "1 2")]
    [InlineData("", "", null, "", "", "2016", "2019", "0 1 2")]
    [InlineData("", "", null, "", "", "2017-12", "2017-12", "0 1 2")]
    [InlineData("", "", null, "", "", "2017-10", "2017-11", "")]
    [InlineData("", "", null, "", "", "2018", "", "")]
    [InlineData("", "", null, "", "", "", "2017-12-06", "0")]
    [InlineData("", "", null, "", "", "2017-12-08", "2017-12-01", "")]
    public void Each_filter_finds_the_same_statements_with_words_and_without(
        string speaker, string outlet, string? stance, string measure, string place, string from, string to, string expected)
    {
        Store.SaveBatch([AnalysedPage.Build("https://a.example/1", outlet: "Alpha")], []);
        static string? Given(string value) => value.Length == 0 ? null : value;
        var filter = new SearchQuery(
            Kind: SearchKind.Statements, Speaker: Given(speaker), Outlet: Given(outlet), Measure: Given(measure), Place: Given(place),
            From: Given(from), To: Given(to), Stance: stance is null ? null : Enum.Parse<StanceKind>(stance, ignoreCase: true), Limit: 50);

        // Without words the filters alone choose (by the index's tags where they have some); every statement of the page
        // is in one of the three words, so with them the words and the tags are intersected in the index.
        foreach (var text in new[] { "", "syria", "settlements", "96.5" })
        {
            var found = Store.Search(filter with { Text = text }).Hits.Select(h => h.Statement!.Value);
            var wanted = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
                .Where(i => text.Length == 0 || (text, i) is ("syria", 0) or ("settlements", 1) or ("96.5", 0) or ("96.5", 2));
            Assert.Equal(wanted.Order(), found.Order());
        }
    }

    [Fact]
    public void Ingesting_the_same_content_again_does_not_duplicate_hits()
    {
        var page = AnalysedPage.Build();
        Store.SaveBatch([page], []);
        var before = Search("96.5").Hits.Select(Identity).ToList();

        Store.SaveBatch([page], []);
        Store.SaveBatch([AnalysedPage.Build()], []);

        Assert.Equal(before, Search("96.5").Hits.Select(Identity));
    }

    [Fact]
    public void A_new_version_replaces_the_hits_of_the_old_one()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);
        Store.SaveBatch([AnalysedPage.Build(percent: "85")], []);

        var old = Search("96.5");
        var current = Search("85", SearchKind.Statements);

        Assert.All(old.Hits, h => Assert.True(h.InComments)); // the comment still asks about 96.5; the article no longer says it
        Assert.Equal(2, Assert.Single(current.Hits).Version);
        Assert.Equal("85%", Assert.Single(current.Hits[0].Quantities).Text);

        // Flipping back to the first content is no new version: the current one stays searchable.
        Store.SaveBatch([AnalysedPage.Build()], []);
        Assert.Single(Search("85", SearchKind.Statements).Hits);
    }

    [Fact]
    public void A_page_stored_before_its_analysis_becomes_searchable_by_statement_when_the_analysis_arrives()
    {
        var analysed = AnalysedPage.Build();
        Store.SaveBatch([analysed with { Analysis = PageAnalysis.Empty }], []);
        Assert.Equal(0, Search("96.5", SearchKind.Statements).Total);
        Assert.Equal(2, Search("96.5", SearchKind.Pages).Total);

        Store.SaveBatch([analysed], []);

        Assert.Equal(2, Search("96.5", SearchKind.Statements).Total);
    }

    [Fact]
    public void An_empty_query_lists_every_unit_the_filters_let_through_in_document_order()
    {
        Store.SaveBatch([AnalysedPage.Build("https://b.example/1"), AnalysedPage.Build("https://a.example/1")], []);

        var results = Store.Search(new SearchQuery(Kind: SearchKind.Statements, Speaker: "ministry"));

        Assert.Equal(["https://a.example/1", "https://b.example/1"], results.Hits.Select(h => h.Key));
        Assert.All(results.Hits, h => Assert.Equal(0, h.Rank));
        Assert.True(results.Terms.MatchesEverything);
    }

    [Fact]
    public void Any_text_as_query_gives_hits_in_bounds_or_a_search_query_error()
    {
        Store.SaveBatch([AnalysedPage.Build(), PageBuilder.Rich()], []);

        // Random strings rarely hit anything; fragments of the page and of query syntax do, and in odd places.
        var fragments = Gen.Elements("96.5", "retaken", "Mizintsev", "come", "ministry", "\"", "-", "*", " ", "(", ")", "AND", "OR", "NEAR(",
            "syria", ":", "^", "’", "e\u0301", "\uD83D\uDE00", "\uD800", "\0", "'", ";", "%", "_").ArrayOf().Select(string.Concat);
        var texts = Gen.OneOf(fragments, ArbMap.Default.ArbFor<string>().Generator);
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            SearchResults results;
            try
            {
                results = Store.Search(new SearchQuery(text ?? ""));
            }
            catch (SearchQueryException)
            {
                return true;
            }

            return results.Hits.All(h =>
            {
                var length = Store.Find(h.DocumentId)!.Page.Text.Length;
                var s = h.Snippet;
                return h.Start >= 0 && h.Start <= h.End && h.End <= length
                    && s.Start >= 0 && s.End <= length
                    && s.Highlights.All(x => x.Start >= 0 && x.Length > 0 && x.End <= s.Text.Length)
                    && h.Quantities.All(q => q.Start >= 0 && q.End <= length);
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_search_matching_more_units_than_its_window_keeps_the_newest_and_says_it_was_cut()
    {
        // Three pages of four units each that hold 96.5: a window of five keeps the last page's four and one more.
        Store.SaveBatch([AnalysedPage.Build(key: "https://news.example/1")], []);
        Store.SaveBatch([AnalysedPage.Build(key: "https://news.example/2")], []);
        Store.SaveBatch([AnalysedPage.Build(key: "https://news.example/3")], []);
        var keys = Store.ListDocuments(new DocumentQuery()).ToDictionary(d => d.Id, d => d.Key);

        var cut = Store.Search(new SearchQuery("96.5", Limit: 100, Window: 5));
        var whole = Store.Search(new SearchQuery("96.5", Limit: 100, Window: 100));

        Assert.True(cut.Truncated);
        Assert.Equal(5, cut.Total);
        Assert.Equal(5, cut.Hits.Count);
        Assert.Equal(4, cut.Hits.Count(h => keys[h.DocumentId] == "https://news.example/3"));
        Assert.Equal(1, cut.Hits.Count(h => keys[h.DocumentId] == "https://news.example/2"));
        Assert.All(cut.Hits, h => Assert.True(h.Rank > 0, "a cut search still ranks what it keeps"));
        Assert.Equal(5, cut.Facets.Outlets.Single().Count);
        Assert.False(whole.Truncated);
        Assert.Equal(12, whole.Total);
    }

    [Fact]
    public void A_filtered_search_past_its_window_is_exact_when_every_match_was_looked_at_and_the_filter_leaves_few()
    {
        foreach (var n in Enumerable.Range(1, 3))
            Store.SaveBatch([AnalysedPage.Build(key: $"https://news.example/{n}")], []);

        // Twelve units hold 96.5, more than the window of five; one statement per page outside the comments passes.
        var results = Store.Search(new SearchQuery("96.5", SearchKind.Statements, IncludeComments: false, Limit: 100, Window: 5));

        Assert.False(results.Truncated);
        Assert.Equal(3, results.Total);
        Assert.All(results.Hits, h => Assert.Equal("The ministry", h.Speaker));
        Assert.All(results.Hits, h => Assert.True(h.Rank > 0));
    }

    [Fact]
    public void An_empty_search_past_its_window_lists_the_newest_units_unranked()
    {
        foreach (var n in Enumerable.Range(1, 3))
            Store.SaveBatch([AnalysedPage.Build(key: $"https://news.example/{n}")], []);

        var results = Store.Search(new SearchQuery("", SearchKind.Statements, Limit: 100, Window: 2));

        Assert.True(results.Truncated);
        Assert.Equal(2, results.Total);
        Assert.All(results.Hits, h => Assert.Equal(0, h.Rank));
    }
}
