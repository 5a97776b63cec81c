namespace ClaimTrace.Tests;

/// <summary>The CLI on a PostgreSQL server gives what it gives on a SQLite file, for the seeds.</summary>
[Collection(StoreCollection.Name)]
public sealed class PostgresCliTests
{
    private static string[] Outputs(CliHarness cli, string database)
    {
        var seeds = Directory.GetFiles(Corpus.Require("seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(0, cli.Run(["--db", database, "--quiet", "ingest", .. seeds]));
        var outputs = new List<string>();
        foreach (var command in new[]
        {
            new[] { "search", "96.5", "--json" },
            ["search", "mizintsev", "--speaker", "mizintsev", "--json"],
            ["claims", "--format", "json"],
            ["claims", "--speaker", "mizintsev", "--from", "2017-12", "--format", "csv"],
            ["dossier", "", "--format", "json"],
            ["copies", "--json"],
            ["export", "--format", "jsonl"],
        })
        {
            var before = cli.StandardOutput.Length; // the harness keeps every run's output
            Assert.True(cli.Run(["--db", database, .. command]) == 0, $"{string.Join(' ', command)}: {cli.Console}");
            outputs.Add(cli.StandardOutput[before..]);
        }

        return [.. outputs];
    }

    private static string Unranked(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var hits = root["hits"]!.AsArray().Select(h =>
        {
            var hit = h!.AsObject();
            hit.Remove("rank");
            return hit.ToJsonString();
        }).Order(StringComparer.Ordinal);
        root.Remove("hits");
        return root.ToJsonString() + string.Join("\n", hits);
    }

    [Fact]
    public void Ingest_search_claims_dossier_copies_and_export_give_the_same_output_on_both_backends()
    {
        var postgres = PostgresServer.NewDatabase();
        try
        {
            using var onPostgres = new CliHarness();
            using var onSqlite = new CliHarness();

            var expected = Outputs(onSqlite, onSqlite.Database);
            var actual = Outputs(onPostgres, postgres);

            for (var i = 0; i < expected.Length; i++)
                Assert.False(string.IsNullOrWhiteSpace(expected[i]), $"command {i} printed nothing");
            // Searches rank by each backend's own function (FTS5's bm25, PostgreSQL's ts_rank): the same hits, totals
            // and facets, in an order of their own.
            for (var i = 0; i < 2; i++)
                Assert.Equal(Unranked(expected[i]), Unranked(actual[i]));
            for (var i = 2; i < expected.Length; i++)
                Assert.Equal(expected[i], actual[i]);
        }
        finally
        {
            PostgresServer.Drop(postgres);
        }
    }
}
