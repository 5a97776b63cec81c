namespace ClaimTrace.Tests;

public sealed class QuoteFinderTests
{
    private static List<(string Text, bool Closed)> Quotes(string text)
    {
        var sentences = new SentenceSplitter().Split(text, [new Segment(SegmentKind.Article, 0, text.Length, 1, 1)]);
        return [.. QuoteFinder.Find(text, sentences).Select(q => (text[q.Start..q.End], q.Closed))];
    }

    [Fact]
    public void Curly_straight_and_typewriter_quotes_are_found_and_apostrophes_are_not_quotes()
    {
        var quotes = Quotes("“It’s done,” he said. She said \"no way\" and ''maybe later'' to Russia’s envoy.");
        Assert.Equal([("“It’s done,”", true), ("\"no way\"", true), ("''maybe later''", true)], quotes);
    }

    [Fact]
    public void A_quote_carried_over_paragraphs_by_a_reopening_mark_is_one_quote()
    {
        const string text = "“First part of the speech.\n\n“Second part,” he said.";
        var quote = Assert.Single(Quotes(text));
        Assert.Equal(text[..text.IndexOf(',', StringComparison.Ordinal)] + ",”", quote.Text);
        Assert.True(quote.Closed);
    }

    [Fact]
    public void An_unbalanced_quote_ends_with_its_paragraph_unclosed()
    {
        const string text = "He said “this never closes.\n\nA new paragraph.";
        var quote = Assert.Single(Quotes(text));
        Assert.Equal("“this never closes.", quote.Text);
        Assert.False(quote.Closed);
    }

    [Fact]
    public void A_scare_quote_in_single_marks_is_a_quote()
    {
        Assert.Contains(("'100% Free of Islamic State'", true), Quotes("Syria '100% Free of Islamic State' - Russia's Defense Ministry"));
    }
}
