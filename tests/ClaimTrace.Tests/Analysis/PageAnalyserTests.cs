namespace ClaimTrace.Tests;

/// <summary>
/// The joins the composer makes between extractors (a statement's date, hedged sentences as statements), run
/// through the real pipeline on small pages so the extractors' own behaviour is part of what is checked.
/// </summary>
public sealed class PageAnalyserTests
{
    private static Page Analyse(string text, string published)
    {
        var raw = new RawPage
        {
            Source = "composer-test.txt",
            Text = text,
            Format = PageFormat.Text,
            Container = new PageMetadata { Published = new MetaValue(published, "container:test") },
        };
        var outcome = Pipelines.CreateProcessor().Process(raw);
        return Assert.IsType<Page>(outcome.Page);
    }

    private static string? DateOf(Page page, Statement statement) =>
        statement.Date is { } d ? page.Analysis.Dates[d].Value : null;

    private static Statement StatementContaining(Page page, string words)
    {
        var at = page.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, words);
        return Assert.Single(page.Analysis.Statements, s => s.Content.Contains(at));
    }

    [Fact]
    public void A_speaker_going_on_in_the_next_paragraph_keeps_the_date_of_the_briefing()
    {
        var page = Analyse(
            "Ministry spokesman Pavel Orlov said on Tuesday that 40 villages had been cleared.\n\n"
            + "\u201cThe work will go on until every road is open,\u201d Orlov said.\n",
            "2021-03-11");

        Assert.Equal("2021-03-09", DateOf(page, StatementContaining(page, "40 villages")));
        Assert.Equal("2021-03-09", DateOf(page, StatementContaining(page, "every road is open")));
    }

    [Fact]
    public void A_statement_is_dated_when_it_was_said_not_by_a_date_inside_what_was_said()
    {
        var page = Analyse(
            "On April 9 the ministry's spokeswoman, Dana Kovic, said 85% of the households cut off on March 3 had power again.\n",
            "2024-09-23");

        Assert.Equal("2024-04-09", DateOf(page, StatementContaining(page, "85%")));
    }

    [Fact]
    public void A_speaker_whose_event_the_sentence_before_dates_takes_that_date()
    {
        var page = Analyse(
            "The remarks followed an earlier address by Putin to church leaders on Monday. Putin told the leaders that the region had been freed.\n",
            "2017-12-08");

        Assert.Equal("2017-12-04", DateOf(page, StatementContaining(page, "region had been freed")));
    }

    [Fact]
    public void A_date_written_in_between_stops_an_earlier_date_from_being_carried()
    {
        var page = Analyse(
            "Ministry spokesman Pavel Orlov said on Tuesday that 40 villages had been cleared.\n\n"
            + "On Monday, heavy rain closed the northern road.\n\n"
            + "\u201cThe work will go on until every road is open,\u201d Orlov said.\n",
            "2021-03-11");

        Assert.Null(DateOf(page, StatementContaining(page, "every road is open")));
    }

    [Fact]
    public void Another_speaker_does_not_inherit_the_date_of_the_one_before()
    {
        var page = Analyse(
            "Ministry spokesman Pavel Orlov said on Tuesday that 40 villages had been cleared.\n\n"
            + "\u201cThe roads are still mined,\u201d aid worker Lena Brandt said.\n",
            "2021-03-11");

        Assert.Null(DateOf(page, StatementContaining(page, "still mined")));
    }

    [Fact]
    public void A_sentence_the_outlet_hedges_becomes_an_unattributed_statement_that_the_hedge_targets()
    {
        var page = Analyse(
            "Flood waters reached the old town overnight.\n\n"
            + "The dam was allegedly opened without warning to save the power station.\n",
            "2021-03-11");

        var hedged = StatementContaining(page, "allegedly opened");
        Assert.Equal(StatementKind.Unattributed, hedged.Kind);
        Assert.Null(hedged.Speaker);
        var cue = Assert.Single(page.Analysis.Stances);
        Assert.Equal((StanceKind.Hedged, hedged.Index, "outlet"), (cue.Kind, cue.TargetStatement, cue.By));
        Assert.Equal(page.Analysis.Statements.Select((s, i) => i), page.Analysis.Statements.Select(s => s.Index));
    }

    [Fact]
    public void A_so_called_label_or_an_apparent_impression_does_not_turn_a_sentence_into_a_claim()
    {
        var page = Analyse(
            "The bill would close so-called loopholes in background checks.\n\nBut apparently not this time around.\n",
            "2021-03-11");

        Assert.DoesNotContain(page.Analysis.Statements, s => s.Kind == StatementKind.Unattributed && !s.InComments);
    }
}
