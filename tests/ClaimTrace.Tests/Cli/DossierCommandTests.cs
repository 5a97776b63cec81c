using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary><c>claimtrace dossier</c> on a store holding the seeds, and on bad input.</summary>
public sealed class DossierCommandTests
{
    private static CliHarness WithSeeds()
    {
        var folder = Corpus.Require("seeds");
        var cli = new CliHarness();
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(0, cli.Run(["--db", cli.Database, "--quiet", "ingest", .. files]));
        return cli;
    }

    [Fact]
    public void A_json_dossier_on_territory_holds_the_96_5_claim_in_both_outlets_with_its_disputes_and_the_revision_from_85()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "dossier", "territory", "--format", "json"));

        using var json = JsonDocument.Parse(cli.StandardOutput);
        var root = json.RootElement;
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        var mizintsev = Assert.Single(claims, c => c.GetProperty("value").GetDouble() == 96.5);
        Assert.Equal("2018-12-11", mizintsev.GetProperty("date").GetString());
        var outlets = mizintsev.GetProperty("reports").EnumerateArray()
            .Where(r => !r.GetProperty("echo").GetBoolean())
            .Select(r => r.GetProperty("outlet").GetString())
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Global Research", "South Front"], outlets);
        foreach (var report in mizintsev.GetProperty("reports").EnumerateArray())
        {
            var sentence = report.GetProperty("sentence").GetString()!;
            Assert.Equal(report.GetProperty("sentence_end").GetInt32() - report.GetProperty("sentence_start").GetInt32(), sentence.Length);
        }

        var id = mizintsev.GetProperty("id").GetString();
        var conflicts = root.GetProperty("conflicts").EnumerateArray().Where(c => c.GetProperty("claim").GetString() == id).ToList();
        Assert.Equal(2, conflicts.Count(c => c.GetProperty("kind").GetString() == "dispute"));
        Assert.Contains(conflicts, c => c.GetProperty("kind").GetString() == "revision");
        Assert.Contains(root.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() == "contradiction");
    }

    [Fact]
    public void A_markdown_dossier_names_the_speaker_the_figure_the_outlets_and_the_disputes_in_words()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "dossier", "Mizintsev"));

        var md = cli.StandardOutput;
        Assert.Contains("# Dossier: Mizintsev", md, StringComparison.Ordinal);
        Assert.Contains("more than 96.5%", md, StringComparison.Ordinal);
        Assert.Contains("Global Research", md, StringComparison.Ordinal);
        Assert.Contains("South Front disputes it", md, StringComparison.Ordinal);
        Assert.Contains("its copy or origin", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_that_matches_nothing_says_so_and_an_unknown_format_is_a_usage_error()
    {
        using var cli = WithSeeds();
        Assert.Equal(0, cli.Run("--db", cli.Database, "dossier", "no such thing anywhere"));
        Assert.Contains("No claim matches", cli.StandardOutput, StringComparison.Ordinal);

        Assert.Equal(2, cli.Run("--db", cli.Database, "dossier", "territory", "--format", "pdf"));
        Assert.Contains("--format", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_dossier_written_to_a_file_is_one_page_with_its_timeline_chart()
    {
        using var cli = WithSeeds();
        var path = Path.Combine(cli.Folder, "territory.html");
        Assert.Equal(0, cli.Run("--db", cli.Database, "--quiet", "dossier", "territory", "--format", "html", "--out", path));

        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("96.5", html, StringComparison.Ordinal);
    }
}
