using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text, params Segment[] segments)
    {
        if (segments.Length == 0)
            segments = [new Segment(SegmentKind.Article, 0, text.Length, 1, 1)];
        return [.. new SentenceSplitter().Split(text, segments).Select(s => text[s.Start..s.End])];
    }

    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_a_sentence()
    {
        var sentences = Split("Mr. Smith met Gen. J. Doe in the U.S. capital on Jan. 5 and said 96.5% was retaken. Col. Reed agreed.");
        Assert.Equal(["Mr. Smith met Gen. J. Doe in the U.S. capital on Jan. 5 and said 96.5% was retaken.", "Col. Reed agreed."], sentences);
    }

    [Fact]
    public void A_closing_quote_after_the_period_stays_with_its_sentence_and_a_lower_case_cue_continues_it()
    {
        var sentences = Split("“We won. It is over,” he said. “Why?” she asked. Then they left.");
        Assert.Equal(["“We won.", "It is over,” he said.", "“Why?” she asked.", "Then they left."], sentences);
    }

    [Fact]
    public void An_ellipsis_before_lower_case_does_not_split_but_one_before_a_capital_does()
    {
        Assert.Equal(["It was nic and quiet… monday too."], Split("It was nic and quiet… monday too."));
        Assert.Equal(["Wait...", "Then it came."], Split("Wait... Then it came."));
    }

    [Fact]
    public void Boilerplate_is_not_split_and_comment_sentences_are_marked_as_comments()
    {
        const string text = "Article text here.\n\nShare this page.\n\nA reader wrote this.";
        var segments = new[]
        {
            new Segment(SegmentKind.Article, 0, 18, 1, 1),
            new Segment(SegmentKind.Boilerplate, 20, 36, 3, 3),
            new Segment(SegmentKind.Comments, 38, text.Length, 5, 5),
        };
        var sentences = new SentenceSplitter().Split(text, segments);
        Assert.Equal(2, sentences.Count);
        Assert.False(sentences[0].InComments);
        Assert.True(sentences[1].InComments);
        Assert.Equal("A reader wrote this.", text[sentences[1].Start..sentences[1].End]);
    }

    [Fact]
    public void Paragraphs_count_blank_line_blocks_and_lines_that_end_a_sentence()
    {
        const string text = "One. Two.\nThree.\n\nFour\nwrapped here.";
        var sentences = new SentenceSplitter().Split(text, [new Segment(SegmentKind.Article, 0, text.Length, 1, 5)]);
        Assert.Equal([0, 0, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal("Four\nwrapped here.", text[sentences[3].Start..sentences[3].End]);
    }

    [Fact]
    public void Sentences_stay_inside_the_text_and_in_order_for_any_input()
    {
        var fragments = Gen.Elements("“", "”", "\"", "'", "''", "‘", "’", ".", " ", "\n", "\n\n", "Mr.", " said ", "He", " according to ", "Anna Berg", ",", " – ", ":", "9,5", "…", "that", "?", "(", ")", "\uD83D\uDE00");
        var texts = fragments.ArrayOf().Select(string.Concat);
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var sentences = new SentenceSplitter().Split(text, [new Segment(SegmentKind.Article, 0, text.Length, 1, 1)]);
            var previous = 0;
            foreach (var s in sentences)
            {
                if (s.Start < previous || s.End > text.Length || s.Start >= s.End)
                    return false;
                previous = s.End;
            }

            var quotes = QuoteFinder.Find(text, sentences);
            var statements = new AttributionExtractor().Extract(text, sentences, quotes, PageMetadata.Empty);
            return quotes.All(q => q.Start >= 0 && q.End <= text.Length && q.Start < q.End)
                && statements.All(st => st.Content.Start >= 0 && st.Content.End <= text.Length);
        }).QuickCheckThrowOnFailure();
    }
}
