using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary><c>claimtrace search</c> over pages analysed by hand (<see cref="AnalysedPage"/>) and saved straight into the database.</summary>
public sealed class SearchCommandTests
{
    private static void Seed(CliHarness cli)
    {
        using var store = SqlitePageStore.Open(cli.Database);
        store.SaveBatch([AnalysedPage.Build(), AnalysedPage.Build("https://other.example/1", outlet: "Other Times")], []);
    }

    [Fact]
    public void The_table_shows_the_speaker_the_highlighted_sentence_and_the_facets()
    {
        using var cli = new CliHarness();
        Seed(cli);

        Assert.Equal(0, cli.Run("search", "--db", cli.Database, "settlements", "--kind", "statements"));

        Assert.Contains("Mikhail Mizintsev", cli.Console, StringComparison.Ordinal);
        Assert.Contains("2 shown of 2 hits for: settlements", cli.Console, StringComparison.Ordinal);
        Assert.Contains("outlets: Example News (1), Other Times (1)", cli.Console, StringComparison.Ordinal);
        Assert.Contains("measures: settlements_liberated (2)", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_hits_with_snippet_offsets_and_facets()
    {
        using var cli = new CliHarness();
        Seed(cli);

        Assert.Equal(0, cli.Run("search", "--db", cli.Database, "96.5", "--json", "--outlet", "example news", "--no-comments", "--limit", "1"));

        using var json = JsonDocument.Parse(cli.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("total").GetInt32());
        var hit = Assert.Single(root.GetProperty("hits").EnumerateArray().ToList());
        var snippet = hit.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        var match = snippet.GetProperty("highlights").EnumerateArray().First(h => h.GetProperty("kind").GetString() == "match");
        Assert.Equal("96.5", text.Substring(match.GetProperty("start").GetInt32(), match.GetProperty("length").GetInt32()));
        Assert.Equal("Example News", root.GetProperty("facets").GetProperty("outlets")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void A_query_with_nothing_to_search_is_a_usage_error_with_the_reason()
    {
        using var cli = new CliHarness();
        Seed(cli);

        Assert.Equal(2, cli.Run("search", "--db", cli.Database, "!!!"));
        Assert.Contains("no words to look for", cli.Error, StringComparison.Ordinal);
        Assert.Equal(2, cli.Run("search", "--db", cli.Database, "syria", "--from", "last year"));
    }

    [Fact]
    public void A_store_from_before_the_current_search_index_says_it_is_writing_the_index_and_then_answers()
    {
        using var cli = new CliHarness();
        using (var v7 = SqlitePageStore.Open(cli.Database, [.. SqlitePageStore.Migrations.Take(7)]))
            v7.SaveBatch([AnalysedPage.Build(), AnalysedPage.Build("https://other.example/1", outlet: "Other Times")], []);

        Assert.Equal(0, cli.Run("search", "--db", cli.Database, "settlements", "--speaker", "mizin"));

        Assert.Contains("writing the search index of 2 stored pages", cli.Error, StringComparison.Ordinal);
        Assert.Contains("search index: 2 of 2 pages", cli.Error, StringComparison.Ordinal);
        Assert.Contains("Mikhail Mizintsev", cli.Console, StringComparison.Ordinal);
        Assert.Contains("4 shown of 4 hits", cli.Console, StringComparison.Ordinal); // his statement and the article holding it, on both pages

        Assert.Equal(0, cli.Run("search", "--db", cli.Database, "settlements"));
        Assert.Single(cli.Error.Split('\n'), line => line.Contains("writing the search index", StringComparison.Ordinal)); // once, not again
    }
}
