namespace ClaimTrace.Tests;

/// <summary>
/// Page conventions the plain-text segmenter learned from the sample corpus (samples/), each pinned on a
/// small page of its own so a regression names the convention it broke.
/// </summary>
public sealed class TextPageConventionsTests
{
    private const string Report1 = "The harbour authority said on Monday that the north quay would reopen to ferries next week, after repairs to the storm wall took longer than planned.";
    private const string Report2 = "Engineers found that the wall had been undermined along a stretch of about 40 metres, the authority said in a statement released to the press.";
    private const string Report3 = "Ferry operators said they had lost bookings during the closure and asked the authority to waive berthing fees for the rest of the season.";

    private static SegmentedPage Segment(params string[] lines) =>
        new PlainTextSegmenter().Segment("test.txt", string.Join('\n', lines) + "\n", PageMetadata.Empty);

    private static Segment Single(SegmentedPage page, SegmentKind kind) => Assert.Single(page.Segments, s => s.Kind == kind);

    [Fact]
    public void An_editors_note_in_brackets_is_found_whatever_its_case()
    {
        var page = Segment("Quay to reopen after storm repairs", "", Report1, "", "[Editor’s note: An earlier version of this story gave the wrong length for the damaged wall.]", "", Report2, "", Report3);
        Assert.Equal(5, Single(page, SegmentKind.EditorNote).FirstLine);
    }

    [Fact]
    public void A_section_menu_above_the_headline_is_furniture_not_the_title()
    {
        var page = Segment("Home | News | Business | Sport | Weather", "", "Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3);
        Assert.Equal("Quay to reopen after storm repairs", page.Metadata.Title?.Value);
    }

    [Fact]
    public void A_headline_asked_as_a_question_in_sentence_case_is_the_title()
    {
        var page = Segment("Harbour Notes", "Writing about ferries, quays and the people who run them", "", "Will the north quay really reopen next week?", "", Report1, "", Report2, "", Report3);
        Assert.Equal("Will the north quay really reopen next week?", page.Metadata.Title?.Value);
    }

    [Fact]
    public void A_headline_ending_in_a_scare_quoted_phrase_is_the_title()
    {
        var page = Segment("Operators call quay closure “avoidable”", "", "March 4, 2024", "", Report1, "", Report2, "", Report3);
        Assert.Equal("Operators call quay closure “avoidable”", page.Metadata.Title?.Value);
        Assert.Equal("2024-03-04", page.Metadata.Published?.Value);
    }

    [Fact]
    public void A_wire_credit_line_names_the_reporter_as_author_and_stays_out_of_the_article()
    {
        var page = Segment("Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3, "", "Reporting by Jane Roe; editing by John Doe");
        Assert.Equal("Jane Roe", page.Metadata.Author?.Value);
        Assert.Equal(7, Single(page, SegmentKind.Article).LastLine);
        Assert.Equal(9, Single(page, SegmentKind.Byline).FirstLine);
    }

    [Fact]
    public void A_copyright_line_names_an_outlet_the_directory_does_not_know()
    {
        var page = Segment("Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3, "", "© 2024 Harbour Gazette. All rights reserved.");
        Assert.Equal("Harbour Gazette", page.Metadata.Outlet?.Value);
    }

    [Fact]
    public void A_copyright_in_a_crossposts_credit_line_is_the_originals_not_the_outlets()
    {
        var page = Segment("Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3, "", "Republished with permission from the Harbour Gazette. Copyright (c) Harbour Gazette Ltd.");
        Assert.Null(page.Metadata.Outlet);
    }

    [Fact]
    public void A_masthead_the_furniture_repeats_names_the_outlet()
    {
        var page = Segment("QuayWatch", "", "Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3, "", "Subscribe to the QuayWatch morning digest");
        Assert.Equal("QuayWatch", page.Metadata.Outlet?.Value);
    }

    [Fact]
    public void A_press_release_has_its_headline_above_the_dateline_and_its_issuer_in_the_about_section()
    {
        var page = Segment(
            "Harbour Users Association",
            "",
            "FOR IMMEDIATE RELEASE",
            "",
            "Ferry operators ask for berthing fee waiver",
            "",
            "PORT ELLEN, 4 March 2024 – The Harbour Users Association today asked the harbour authority to waive berthing fees for the rest of the season after the north quay closure.",
            "",
            Report2,
            "",
            Report3,
            "",
            "About the Harbour Users Association",
            "The association represents 14 ferry and fishing operators on the island.");
        Assert.Equal("Ferry operators ask for berthing fee waiver", page.Metadata.Title?.Value);
        Assert.Equal("Harbour Users Association", page.Metadata.Outlet?.Value);
        Assert.Equal("2024-03-04", page.Metadata.Published?.Value);
        var article = Single(page, SegmentKind.Article);
        Assert.Equal((7, 11), (article.FirstLine, article.LastLine));
    }

    [Fact]
    public void Comments_under_name_and_time_headers_are_split_by_author_and_an_at_mention_is_a_reply()
    {
        var page = Segment(
            "Quay to reopen after storm repairs", "", Report1, "", Report2, "", Report3, "",
            "3 Comments", "",
            "Ann Lee – March 4, 2024 at 9:12 am",
            "I use that ferry every day and nobody told us anything until the morning it stopped.",
            "",
            "Tom Berg – March 4, 2024 at 9:40 am",
            "Same here, my boat was stuck on the wrong side of the island for a week.",
            "",
            "Ann Lee – March 4, 2024 at 10:02 am",
            "@Tom did they at least refund your berth?");
        Assert.Equal(["Ann Lee", "Tom Berg", "Ann Lee"], page.Comments.Select(c => c.Author));
        Assert.Equal(1, page.Comments[2].ReplyTo);
        Assert.Null(page.Comments[1].ReplyTo);
    }
}
