using System.Text.Json;
using System.Xml.Linq;

namespace ClaimTrace.Tests;

/// <summary><c>timeline</c>, <c>export</c> and <c>sources</c> on a SQLite database holding the five seeds, analysed.</summary>
public sealed class DossierCommandsTests
{
    private static CliHarness WithSeeds()
    {
        var cli = new CliHarness();
        var analyser = new PageAnalyser();
        using var store = SqlitePageStore.Open(cli.Database);
        store.SaveBatch([.. SeedDuplicateTests.SeedPages().Select(s => s.Page with { Analysis = analyser.Analyse(s.Page) })], []);
        return cli;
    }

    [Fact]
    public void Timeline_of_territory_in_syria_writes_a_chart_that_holds_the_deir_ezzor_point()
    {
        using var cli = WithSeeds();
        var path = Path.Combine(cli.Folder, "chart.svg");

        Assert.Equal(0, cli.Run("timeline", "territory.is_held", "--scope", "Syria", "--out", path, "--db", cli.Database));

        var svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var values = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "point").Select(g => (string?)g.Attribute("data-value")).ToList();
        Assert.Contains("8", values);
        Assert.Contains("0", values);
        Assert.Contains("wrote", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_scoped_to_deir_ezzor_keeps_only_its_points_and_prints_a_table()
    {
        using var cli = WithSeeds();

        Assert.Equal(0, cli.Run("timeline", "territory", "--scope", "Deir Ezzor", "--db", cli.Database));

        Assert.Contains("about 8%", cli.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("27,000", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_of_an_unknown_measure_fails_and_names_the_timelines_there_are()
    {
        using var cli = WithSeeds();

        Assert.Equal(3, cli.Run("timeline", "rainfall", "--db", cli.Database));

        Assert.Contains("territory.government_control (Syria)", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_as_claimreview_prints_json_ld_with_a_review_per_claim()
    {
        using var cli = WithSeeds();

        Assert.Equal(0, cli.Run("export", "--format", "claimreview", "--db", cli.Database));

        using var doc = JsonDocument.Parse(cli.StandardOutput);
        Assert.NotEmpty(doc.RootElement.GetProperty("@graph").EnumerateArray());
    }

    [Fact]
    public void Export_as_csv_to_a_file_writes_a_row_per_report()
    {
        using var cli = WithSeeds();
        var path = Path.Combine(cli.Folder, "claims.csv");

        Assert.Equal(0, cli.Run("export", "--format", "csv", "--out", path, "--db", cli.Database));

        var rows = ClaimExportTests.ParseCsv(File.ReadAllText(path));
        Assert.Equal("claim_id", rows[0][0]);
        Assert.True(rows.Count > 10);
    }

    [Fact]
    public void Sources_as_json_say_global_research_copies_south_front_and_the_daily_sheeple_does_not_flag_a_disputed_claim()
    {
        using var cli = WithSeeds();

        Assert.Equal(0, cli.Run("sources", "--json", "--db", cli.Database));

        var rows = cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var global = Assert.Single(rows, r => r.GetProperty("outlet").GetString() == "Global Research");
        Assert.Equal(1, global.GetProperty("copies").GetProperty("South Front").GetInt32());
        var sheeple = Assert.Single(rows, r => r.GetProperty("outlet").GetString() == "The Daily Sheeple");
        Assert.True(sheeple.GetProperty("disputed_unflagged").GetInt32() >= 1);
    }
}
