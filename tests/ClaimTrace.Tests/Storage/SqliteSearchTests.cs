using Microsoft.Data.Sqlite;

namespace ClaimTrace.Tests;

/// <summary>Search on SQLite: the seeds through the real analysis, the upgrade from schema 4, and the FTS5 quoting.</summary>
[Collection(StoreCollection.Name)]
public sealed class SqliteSearchTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder folder = new("search");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Searching_the_seeds_for_96_5_finds_mizintsevs_statements_in_000_and_001()
    {
        var analyser = new PageAnalyser();
        var seeds = SeedDuplicateTests.SeedPages();
        using var store = SqlitePageStore.Open(folder.File("seeds.db"));
        store.SaveBatch([.. seeds.Select(s => s.Page with { Analysis = analyser.Analyse(s.Page) })], []);
        var fileOf = seeds.ToDictionary(s => s.Page.Id, s => s.File[..3]);

        var results = store.Search(new SearchQuery("96.5", SearchKind.Statements, Speaker: "mizintsev"));
        foreach (var hit in results.Hits)
            output.WriteLine($"{fileOf[hit.DocumentId]} {hit.Rank:F2} {hit.Speaker}: {hit.Snippet.Text}");

        Assert.Equal(["000", "001"], results.Hits.Select(h => fileOf[h.DocumentId]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(results.Hits, h => Assert.Equal("Mikhail Mizintsev", h.Speaker));
        Assert.All(results.Hits, h => Assert.Contains(h.Snippet.Highlights, x => x.Kind == HighlightKind.Match && h.Snippet.Text.Substring(x.Start, x.Length) == "96.5"));
        Assert.Contains(results.Facets.Speakers, f => f.Value == "Mikhail Mizintsev" && f.Count == results.Total);

        var everywhere = store.Search(new SearchQuery("96.5"));
        Assert.Contains(everywhere.Hits, h => h.Kind == SearchHitKind.Comment && fileOf[h.DocumentId] == "000");
        Assert.DoesNotContain(everywhere.Hits, h => fileOf[h.DocumentId] is "002" or "003" or "004" && !h.Snippet.Text.Contains("96.5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_at_schema_4_gets_its_existing_pages_indexed_when_it_upgrades_to_search()
    {
        var path = folder.File("schema4.db");
        using (var v4 = SqlitePageStore.Open(path, SqlitePageStore.Migrations.Take(4).ToList()))
        {
            v4.SaveBatch([AnalysedPage.Build(), AnalysedPage.Build(percent: "85"), AnalysedPage.Build("https://other.example/x")], []);
            Assert.Equal(4, v4.SchemaVersion);
        }

        using var upgraded = SqlitePageStore.Open(path);

        Assert.Equal(SqlitePageStore.Migrations.Count, upgraded.SchemaVersion);
        var statements = upgraded.Search(new SearchQuery("retaken", SearchKind.Statements));
        Assert.Equal(2, statements.Total);
        Assert.Equal(["https://news.example/2017/12/retaken", "https://other.example/x"], statements.Hits.Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, Assert.Single(statements.Hits, h => h.Key.StartsWith("https://news", StringComparison.Ordinal)).Version);
        Assert.Equal(["85%"], statements.Hits.Where(h => h.Version == 2).SelectMany(h => h.Quantities).Select(q => q.Text));
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM search_backlog"));
        Assert.Equal(2L * 2, Scalar(path, "SELECT COUNT(*) FROM search_units WHERE kind <> 'statement'"));
    }

    [Fact]
    public void A_store_at_schema_7_is_indexed_again_with_filter_tags_and_facet_values_when_it_upgrades()
    {
        var path = folder.File("schema7.db");
        using (var v7 = SqlitePageStore.Open(path, SqlitePageStore.Migrations.Take(7).ToList()))
        {
            v7.SaveBatch([AnalysedPage.Build(), AnalysedPage.Build("https://other.example/x", outlet: "Other")], []);
            Assert.Throws<StoreException>(() => v7.Search(new SearchQuery("retaken"))); // no index of the current form to ask
        }

        var progress = new List<IndexingProgress>();
        using var upgraded = SqlitePageStore.Open(path, indexing: new Collect(progress));

        Assert.Equal([new IndexingProgress(0, 2), new IndexingProgress(2, 2)], progress);
        var hedged = upgraded.Search(new SearchQuery("settlements", SearchKind.Statements, Stance: StanceKind.Hedged, Outlet: "other"));
        Assert.Equal("https://other.example/x", Assert.Single(hedged.Hits).Key);
        Assert.Equal([new FacetCount("Mikhail Mizintsev", 1)], hedged.Facets.Speakers);
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM search_backlog"));
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM search_units WHERE kind = 'statement' AND facets IS NULL AND item <> 2")); // the comment's own has no speaker
    }

    [Fact]
    public void Opening_again_does_not_index_twice()
    {
        var path = folder.File("twice.db");
        using (var store = SqlitePageStore.Open(path))
            store.SaveBatch([AnalysedPage.Build()], []);
        var units = Scalar(path, "SELECT COUNT(*) FROM search_units");

        using (SqlitePageStore.Open(path))
        {
        }

        Assert.Equal(units, Scalar(path, "SELECT COUNT(*) FROM search_units"));
        Assert.Equal(5L, units);
    }

    [Fact]
    public void The_bundled_sqlite_is_built_with_fts5()
    {
        using (SqlitePageStore.Open(folder.File("fts5.db")))
        {
        }

        Assert.Equal(1L, Scalar(folder.File("fts5.db"), "SELECT sqlite_compileoption_used('ENABLE_FTS5')"));
        Assert.Equal(1L, Scalar(folder.File("fts5.db"), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'search_text' AND sql LIKE '%fts5%'"));
    }

    [Theory]
    [InlineData("retaken", "(\"retaken\")")]
    [InlineData("96.5% \"has been\"", "(\"96 5\" AND \"has been\")")]
    [InlineData("liberat* -\"Islamic State\" -Daesh", "(\"liberat\" *) NOT \"islamic state\" NOT \"daesh\"")]
    [InlineData("NEAR(a b) AND \"x", "(\"near a\" AND \"b\" AND \"and\" AND \"x\")")]
    [InlineData("body:syria^ -", "(\"body syria\")")]
    public void Every_clause_reaches_fts5_as_a_quoted_string_kept_to_the_text_columns(string text, string match)
    {
        Assert.Equal("{body speaker context} : (" + match + ")", Fts5SearchIndex.MatchValue(SearchExpression.Parse(text)));
    }

    [Fact]
    public void Filters_reach_fts5_as_tag_groups_beside_the_words()
    {
        var match = Fts5SearchIndex.Instance.Match(SearchExpression.Parse("retaken"), SearchTags.For(new SearchQuery("retaken", Speaker: "Mizintsev Mi", Stance: StanceKind.Disputed)));

        Assert.Equal("{body speaker context} : ((\"retaken\")) AND tags : (\"xsmizintsev\") AND tags : (\"xsmi\" *) AND tags : (\"xtdisputed\")", Assert.Single(match.Values));
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private sealed class Collect(List<IndexingProgress> reports) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => reports.Add(value);
    }
}
