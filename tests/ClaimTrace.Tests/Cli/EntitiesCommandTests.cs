using System.Text.Json;

namespace ClaimTrace.Tests;

public sealed class EntitiesCommandTests
{
    private static CliHarness WithSeeds()
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("--db", cli.Database, "--quiet", "ingest", Corpus.Require("seeds")));
        return cli;
    }

    [Fact]
    public void Entities_lists_the_seeds_entities_with_their_counts()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "entities", "--limit", "5"));
        Assert.Contains("place:syria", cli.Console, StringComparison.Ordinal);
        Assert.Contains("armed-group:isis", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_with_a_name_says_why_a_surname_from_another_page_is_the_full_name()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "entities", "Gerasimov"));
        Assert.Contains("Valery Gerasimov", cli.Console, StringComparison.Ordinal);
        // Long lines wrap at the console's width: compare with the line breaks read as spaces.
        var flowing = string.Join(' ', cli.Console.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the only full name in the corpus", flowing, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_with_a_name_prints_the_entity_as_JSON()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "entities", "Deir el-Zour", "--json"));
        using var json = JsonDocument.Parse(cli.StandardOutput);
        Assert.Equal("place:deir-ezzor", json.RootElement.GetProperty("entity").GetProperty("id").GetString());
        Assert.True(json.RootElement.GetProperty("entity").GetProperty("reasons").GetArrayLength() >= 3);
    }

    [Fact]
    public void An_unknown_name_is_an_error_that_names_it()
    {
        using var cli = WithSeeds();
        Assert.Equal(3, cli.Run("--db", cli.Database, "entities", "Atlantis"));
        Assert.Contains("no entity 'Atlantis'", cli.Error, StringComparison.Ordinal);
    }
}
