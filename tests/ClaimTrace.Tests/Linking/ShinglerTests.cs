namespace ClaimTrace.Tests;

public sealed class ShinglerTests
{
    private readonly Shingler shingler = new();

    [Fact]
    public void Case_curly_quotes_and_punctuation_do_not_change_the_shingles()
    {
        var a = shingler.Shingles("Russia’s “forces” retook 96.5% of the territory, officials said — on Tuesday.");
        var b = shingler.Shingles("russia's \"FORCES\" retook 96.5 of the territory officials said on tuesday");

        Assert.Equal(a, b);
        Assert.NotEmpty(a);
    }

    [Fact]
    public void Separators_inside_words_and_numbers_join_them()
    {
        Assert.Equal(["1411", "settlements", "in", "the", "us", "russias", "army"], Shingler.NormalisedWords("1,411 settlements in the U.S., Russia’s army"));
    }

    [Fact]
    public void A_text_has_one_shingle_per_distinct_run_of_five_words()
    {
        Assert.Equal(2, shingler.Shingles("a b c d e f").Length);
        Assert.Single(shingler.Shingles("a b c d e a b c d e"[..9]));
        Assert.Equal(5, shingler.Shingles("a b c d e a b c d e").Length);
    }

    [Fact]
    public void A_text_shorter_than_a_shingle_is_one_shingle_and_an_empty_one_none()
    {
        Assert.Single(shingler.Shingles("two words"));
        Assert.Empty(shingler.Shingles(""));
        Assert.Empty(shingler.Shingles(" ,.;— \n\t"));
    }

    [Fact]
    public void Only_article_segments_count_and_notes_inside_them_are_left_out()
    {
        const string text = "Site header menu login\nThe army retook the valley on Tuesday [SF: Editor note here] and aid arrived\nReader comment spam";
        var articleStart = text.IndexOf("The army", StringComparison.Ordinal);
        var articleEnd = text.IndexOf("\nReader", StringComparison.Ordinal);
        var noteStart = text.IndexOf("[SF", StringComparison.Ordinal);
        var noteEnd = text.IndexOf(']', StringComparison.Ordinal) + 1;
        var page = PageBuilder.For("k").WithText(text).WithSegments(
            new Segment(SegmentKind.Boilerplate, 0, articleStart - 1, 1, 1),
            new Segment(SegmentKind.Article, articleStart, articleEnd, 2, 2),
            new Segment(SegmentKind.EditorNote, noteStart, noteEnd, 2, 2),
            new Segment(SegmentKind.Comments, articleEnd + 1, text.Length, 3, 3)).Build();

        Assert.Equal(shingler.Shingles("The army retook the valley on Tuesday and aid arrived"), shingler.Shingles(page));
    }

    [Fact]
    public void A_page_without_an_article_segment_has_no_shingles()
    {
        var page = PageBuilder.For("k").WithText("Only furniture here, menus and links.")
            .WithSegments(new Segment(SegmentKind.Boilerplate, 0, 37, 1, 1)).Build();

        Assert.Empty(shingler.Shingles(page));
    }
}
