using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary>Ingest keeps copy links up to date page by page; <c>relink</c> rebuilds them from scratch to the same result.</summary>
public sealed class RelinkCommandTests
{
    private static string Links(CliHarness cli)
    {
        using var store = SqlitePageStore.Open(cli.Database);
        return JsonSerializer.Serialize(store.ListCopyLinks(new CopyLinkQuery(Limit: 10_000)));
    }

    private static string Dossier(CliHarness cli)
    {
        Assert.Equal(0, cli.Run("--db", cli.Database, "dossier", "", "--format", "json"));
        var text = cli.StandardOutput;
        return text;
    }

    [Fact]
    public void Seeds_ingested_in_two_batches_get_the_links_and_claims_that_relink_rebuilds()
    {
        var seeds = Directory.GetFiles(Corpus.Require("seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        using var twoSteps = new CliHarness();
        Assert.Equal(0, twoSteps.Run(["--db", twoSteps.Database, "--quiet", "ingest", seeds[0], seeds[2], seeds[4]]));
        Assert.Equal(0, twoSteps.Run(["--db", twoSteps.Database, "--quiet", "ingest", seeds[1], seeds[3]]));
        var incrementalLinks = Links(twoSteps);
        var incrementalDossier = Dossier(twoSteps);

        using var oneStep = new CliHarness();
        Assert.Equal(0, oneStep.Run(["--db", oneStep.Database, "--quiet", "ingest", .. seeds]));
        Assert.Equal(0, oneStep.Run("--db", oneStep.Database, "relink"));
        Assert.Contains("claims from", oneStep.Console, StringComparison.Ordinal);

        // The copy link 001 -> 000 was found when 001 arrived, after 000: the same link relink finds.
        using (var links = JsonDocument.Parse(incrementalLinks))
            Assert.Contains(links.RootElement.EnumerateArray(), l => l.GetProperty("OriginId").ValueKind == JsonValueKind.String);
        Assert.Equal(Links(oneStep), incrementalLinks);
        Assert.Equal(Dossier(oneStep), incrementalDossier);
    }

    [Fact]
    public void A_store_that_fails_during_ingest_is_reported_in_one_line_without_a_stack_trace()
    {
        using var cli = new CliHarness();
        var page = cli.Write("a.txt", "Title\n\nThe ministry said 45 people were killed on Monday.\n");
        Assert.Equal(0, cli.Run("--db", cli.Database, "--quiet", "ingest", page));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE search_units";
            command.ExecuteNonQuery();
        }

        var code = cli.Run("--db", cli.Database, "--quiet", "ingest", cli.Write("b.txt", "Other\n\nA different page about 12 arrests.\n"));

        Assert.Equal(ExitCodesForTests.Failed, code);
        Assert.StartsWith("claimtrace: Page store", cli.Error, StringComparison.Ordinal);
        Assert.Contains("nothing of the batch was stored", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
    }
}
