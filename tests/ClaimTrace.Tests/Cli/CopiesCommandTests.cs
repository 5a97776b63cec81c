using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary><c>claimtrace copies</c>: links what is stored, then lists links with direction and evidence.</summary>
public sealed class CopiesCommandTests
{
    private static readonly string Story = LinkingText.Words(77, 300);

    [Fact]
    public void Copies_links_a_credited_crosspost_to_its_origin_and_lists_it_with_the_evidence()
    {
        using var cli = new CliHarness();
        var origin = LinkingText.Page("https://southfront.org/a", Story, "2018-12-11", "South Front");
        var copy = LinkingText.Page("https://globalresearch.ca/a", Story, "2018-12-12", "Global Research", new MetaValue("South Front", "text:original-source", 3, 14));
        using (var store = SqlitePageStore.Open(cli.Database))
            store.SaveBatch([origin, copy], []);

        Assert.Equal(0, cli.Run("copies", "--db", cli.Database, "--pairs", "--json"));

        var line = Assert.Single(cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(copy.Id, json.RootElement.GetProperty("copy_id").GetString());
        Assert.Equal(origin.Id, json.RootElement.GetProperty("origin_id").GetString());
        Assert.Equal("credited", json.RootElement.GetProperty("direction").GetString());
        Assert.Equal(1.0, json.RootElement.GetProperty("similarity").GetProperty("jaccard").GetDouble());
    }

    [Fact]
    public void Copies_in_a_table_says_who_copied_whom_and_why()
    {
        using var cli = new CliHarness();
        using (var store = SqlitePageStore.Open(cli.Database))
        {
            store.SaveBatch([LinkingText.Page("https://a.example/1", Story, "2020-05-01", "Alpha"), LinkingText.Page("https://b.example/1", Story, "2020-05-03", "Beta")], []);
        }

        Assert.Equal(0, cli.Run("copies", "--db", cli.Database));

        Assert.Contains("by_date", cli.Console, StringComparison.Ordinal);
        Assert.Contains("published 2020-05-03 after 2020-05-01", cli.Console, StringComparison.Ordinal);
        Assert.Contains("2 pages linked now", cli.Console, StringComparison.Ordinal);
    }
}
