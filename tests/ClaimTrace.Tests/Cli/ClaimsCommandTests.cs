using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary>
/// <c>claims</c> and the analysis in <c>show</c>. The analysis stage is not needed: pages are analysed by hand
/// (<see cref="AnalysedPage"/>) and saved straight into the database the CLI then reads.
/// </summary>
public sealed class ClaimsCommandTests
{
    private static Page Seed(CliHarness cli, params Page[] pages)
    {
        using var store = SqlitePageStore.Open(cli.Database);
        store.SaveBatch(pages.Length == 0 ? [AnalysedPage.Build()] : pages, []);
        return pages.Length == 0 ? AnalysedPage.Build() : pages[0];
    }

    [Fact]
    public void Claims_as_csv_have_a_header_crlf_line_ends_and_quote_only_fields_that_need_it()
    {
        using var cli = new CliHarness();
        Seed(cli, AnalysedPage.Build(outlet: "The \"Daily\", Ltd"));

        Assert.Equal(0, cli.Run("claims", "--db", cli.Database, "--format", "csv", "--speaker", "mizintsev"));

        var lines = cli.StandardOutput.Split("\r\n");
        Assert.StartsWith("kind,document_id,version,outlet,published,title,date,event_date,speaker,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length); // header, two rows, and the empty string after the last CRLF
        Assert.Equal("", lines[^1]);
        Assert.Contains(",\"The \"\"Daily\"\", Ltd\",2017-12-07,Syria retaken?,2017-12-07,,Mikhail Mizintsev,Colonel General Mikhail Mizintsev,tell,direct,1,\"We liberated 1,411 settlements\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",116,146,,,,,,,,disputed;hedged,false", lines[1], StringComparison.Ordinal);
        Assert.Contains(",1411,,count,,settlements,settlements_liberated,Syria,disputed;hedged,false", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("\n", cli.StandardOutput.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_field_with_a_line_break_or_quote_is_quoted_and_its_quotes_doubled()
    {
        Assert.Equal("\"two\r\nlines\"", ClaimTrace.Cli.Commands.ClaimsCsv.Field("two\r\nlines"));
        Assert.Equal("\"say \"\"no\"\"\"", ClaimTrace.Cli.Commands.ClaimsCsv.Field("say \"no\""));
        Assert.Equal("plain", ClaimTrace.Cli.Commands.ClaimsCsv.Field("plain"));
        Assert.Equal("", ClaimTrace.Cli.Commands.ClaimsCsv.Field(null));
    }

    [Fact]
    public void Claims_as_json_are_one_object_per_line_with_snake_case_names()
    {
        using var cli = new CliHarness();
        var page = Seed(cli);

        Assert.Equal(0, cli.Run("claims", "--db", cli.Database, "--format", "json", "--measure", "territory_liberated"));

        var line = Assert.Single(cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var row = json.RootElement;
        Assert.Equal("quantity", row.GetProperty("kind").GetString());
        Assert.Equal(page.Id, row.GetProperty("document_id").GetString());
        Assert.Equal(96.5, row.GetProperty("value").GetDouble());
        Assert.Equal("The ministry", row.GetProperty("speaker").GetString());
        Assert.Equal("indirect", row.GetProperty("statement_kind").GetString());
        Assert.Equal("questioned", row.GetProperty("stances")[0].GetString());
        Assert.Equal("2017-12-06", row.GetProperty("date").GetString());
    }

    [Fact]
    public void The_claims_table_filters_by_stance_and_dates_and_includes_comments_only_on_request()
    {
        using var cli = new CliHarness();
        Seed(cli);

        Assert.Equal(0, cli.Run("claims", "--db", cli.Database, "--stance", "questioned", "--from", "2017-12-06", "--to", "2017-12-06"));
        Assert.Contains("The ministry", cli.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("Mizintsev", cli.Console, StringComparison.Ordinal);
        Assert.Contains("2 rows", cli.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("Where does", cli.Console, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("claims", "--db", cli.Database, "--include-comments", "--limit", "10"));
        Assert.Contains("(comment) Where", cli.Console, StringComparison.Ordinal);
        Assert.Contains("(unattributed)", cli.Console, StringComparison.Ordinal);
        Assert.Contains("7 rows", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_not_iso_or_an_unknown_stance_is_a_usage_error()
    {
        using var cli = new CliHarness();
        Seed(cli);

        Assert.Equal(ExitCodesForTests.Usage, cli.Run("claims", "--db", cli.Database, "--from", "Dec 2017"));
        Assert.Contains("--from 'Dec 2017' is not a date", cli.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodesForTests.Usage, cli.Run("claims", "--db", cli.Database, "--stance", "angry"));
        Assert.Equal(ExitCodesForTests.Usage, cli.Run("claims", "--db", cli.Database, "--format", "xml"));
    }

    [Fact]
    public void Show_highlights_the_analysis_and_prints_markup_in_the_page_literally()
    {
        using var cli = new CliHarness();
        var page = Seed(cli);

        Assert.Equal(0, cli.Run("show", page.Id, "--db", cli.Database));

        Assert.Contains("ivan_k: Where does 96.5 come from? [red]not markup[/]", cli.Console, StringComparison.Ordinal);
        Assert.Contains("speaker cue content quantity", cli.Console, StringComparison.Ordinal);
        Assert.Contains("Mikhail Mizintsev (Colonel", cli.Console, StringComparison.Ordinal);
        var told = page.Analysis.Statements[1].Cue!.Value;
        Assert.Contains($"told @{told.Start}-{told.End}", cli.Console, StringComparison.Ordinal);
        Assert.Contains("1411 count", cli.Console, StringComparison.Ordinal);
        Assert.Contains("hedged", cli.Console, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("show", page.Id, "--db", cli.Database, "--json"));
        using var json = JsonDocument.Parse(cli.StandardOutput);
        Assert.Equal("tell", json.RootElement.GetProperty("statements")[1].GetProperty("cue").GetProperty("lemma").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("quantities").GetArrayLength());
    }

    [Fact]
    public void Highlighted_lines_escape_page_text_inside_and_outside_the_spans()
    {
        var text = "[bold]Boss[/] said: \"[red]42[/] [/]\"";
        var speaker = new Speaker("[bold]Boss[/]", 0, 13, "[bold]Boss[/]", 0, 13, SpeakerKind.Person);
        var page = PageBuilder.For("k").WithText(text).WithAnalysis(new PageAnalysis
        {
            Statements = [new Statement(0, StatementKind.Direct, speaker, new TextSpan(14, 18), "say", new TextSpan(21, 35), 0, false)],
            Quantities = [new Quantity(26, 28, 42, "count", Statement: 0)],
        }).Build();

        var markup = new ClaimTrace.Cli.Commands.AnalysisView(page).Line(text, 0, null);

        Assert.Equal(text, Spectre.Console.Markup.Remove(markup));
        Assert.Contains("[black on fuchsia]42[/]", markup, StringComparison.Ordinal);
    }
}
