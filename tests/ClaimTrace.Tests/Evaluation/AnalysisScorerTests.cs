namespace ClaimTrace.Tests;

public sealed class AnalysisScorerTests
{
    private const string Text = "Minister Ann Berg said 92% of homes have power.\nShe said 40 schools reopened on June 3.\nReader: the minister lies, only 50% do.\n";

    private const string Gold = """
        {"documents": [{"file": "a.txt",
          "statements": [
            {"line": 1, "speaker": "Ann Berg", "kind": "indirect", "quantities": [{"value": 92, "unit": "percent"}]},
            {"line": 2, "speaker": "Ann Berg", "kind": "indirect", "event_date": "2024-06-03", "quantities": [{"value": 40, "unit": "count"}]}],
          "stance": [{"line": 3, "target_line": 1, "stance": "disputed", "by": "reader"}]}]}
        """;

    [Fact]
    public void Speakers_quantities_dates_and_stance_are_matched_by_line_and_comment_numbers_attributed_to_anyone_count_against_precision()
    {
        using var folder = new TempFolder("scorer");
        var gold = folder.Write("expected.json", Gold);
        int At(string s) => Text.IndexOf(s, StringComparison.Ordinal);
        Speaker Berg(string written) => new(written, At(written), At(written) + written.Length, "Ann Berg", At("Ann Berg"), At("Ann Berg") + 8, SpeakerKind.Person);
        var analysis = new PageAnalysis
        {
            Statements =
            [
                new Statement(0, StatementKind.Indirect, Berg("Ann Berg"), null, "say", new TextSpan(At("92%"), At("power.")), 0, false),
                new Statement(1, StatementKind.Indirect, Berg("She"), null, "say", new TextSpan(At("40 schools"), At(" on June")), 1, false, Date: 0),
                new Statement(2, StatementKind.Unattributed, null, null, null, new TextSpan(At("the minister lies"), At(" do.")), 2, true),
            ],
            Dates = [new DateMention(At("June 3"), At("June 3") + 6, "2024-06-03", "absolute")],
            Quantities =
            [
                new Quantity(At("92%"), At("92%") + 3, 92, "percent", Statement: 0),
                new Quantity(At("40"), At("40") + 2, 40, "people", Statement: 1),
                new Quantity(At("50%"), At("50%") + 3, 50, "percent", Statement: 2, InComments: true),
            ],
        };
        var page = PageAssembler.Assemble("a.txt", PageFormat.Text, "utf-8", new SegmentedPage(Text, PageMetadata.Empty, [], [])) with { Analysis = analysis };

        var report = AnalysisScorer.Score(gold, _ => page);

        Assert.Equal(new Tally(2, 2), report.Speakers);
        Assert.Equal(new Tally(1, 2), report.QuantityRecall);
        Assert.Equal(new Tally(1, 3), report.QuantityPrecision);
        Assert.Equal(new Tally(1, 1), report.EventDates);
        Assert.Equal(new Tally(0, 1), report.Stances);
        Assert.Contains(report.Documents[0].Misses, m => m.Contains("40 count", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mikhail Mizintsev", "Mizintsev", true)]
    [InlineData("Mikhail Mizintsev", "mikhail mizintsev", true)]
    [InlineData("Mikhail Mizintsev", "Ivan Mizintsev", false)]
    [InlineData("Staffan de Mistura", "de Mistura", true)]
    [InlineData("Staffan de Mistura", "Mistura", true)]
    public void A_surname_stands_for_a_full_name_but_two_full_names_must_agree(string gold, string found, bool same)
    {
        Assert.Equal(same, AnalysisScorer.SameName(gold, found));
    }

    [Theory]
    [InlineData("Ann Berg", true)]
    [InlineData("Carl Holm", false)]
    public void An_unattributed_gold_figure_beside_an_attributed_quote_on_one_line_accepts_only_the_gold_speakers_of_that_line(string quoted, bool right)
    {
        const string text = "Berg said: \"The grid is back.\" Before the war 2 million people lived there.\n";
        const string gold = """
            {"documents": [{"file": "a.txt", "statements": [
              {"line": 1, "speaker": "Ann Berg", "kind": "direct"},
              {"line": 1, "speaker": null, "kind": "unattributed"}]}]}
            """;
        using var folder = new TempFolder("scorer-line");
        var path = folder.Write("expected.json", gold);
        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        var speaker = new Speaker("Berg", 0, 4, quoted, 0, 4, SpeakerKind.Person);
        var analysis = new PageAnalysis
        {
            Statements =
            [
                new Statement(0, StatementKind.Direct, speaker, null, "say", new TextSpan(At("The grid"), At("\" Before")), 0, false),
                new Statement(1, StatementKind.Unattributed, null, null, null, new TextSpan(At("Before"), text.Length - 1), 1, false),
            ],
        };
        var page = PageAssembler.Assemble("a.txt", PageFormat.Text, "utf-8", new SegmentedPage(text, PageMetadata.Empty, [], [])) with { Analysis = analysis };

        var report = AnalysisScorer.Score(path, _ => page);

        Assert.Equal(new Tally(right ? 2 : 0, 2), report.Speakers);
    }

    [Theory]
    [InlineData("Deir Ezzor province", "Deir Ezzor", true)]
    [InlineData("Deir ez-Zor", "Deir Ezzor", true)]
    [InlineData("al-Tanf", "al-Tanf", true)]
    [InlineData("Syria", "Banias", false)]
    [InlineData("central Syria", "Syria", false)]
    public void A_gold_scope_matches_the_same_place_by_any_of_its_names_or_with_its_kind_written_out(string gold, string found, bool same)
    {
        Assert.Equal(same, AnalysisScorer.SamePlace(gold, found));
    }
}
