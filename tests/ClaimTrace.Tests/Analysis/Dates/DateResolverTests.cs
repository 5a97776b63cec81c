using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class DateResolverTests
{
    private static readonly DateResolver Resolver = new();

    private static PageMetadata Published(string? iso) =>
        iso is null ? PageMetadata.Empty : new PageMetadata { Published = new MetaValue(iso, "test") };

    /// <summary>One sentence per line, each line its own paragraph: enough structure for the resolver.</summary>
    internal static IReadOnlyList<Sentence> Lines(string text, bool inComments = false)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
                sentences.Add(new Sentence(sentences.Count, start, start + line.Length, sentences.Count, inComments ? SegmentKind.Comments : SegmentKind.Article, inComments));
            start += line.Length + 1;
        }

        return sentences;
    }

    private static IReadOnlyList<DateMention> Dates(string text, string? published) =>
        Resolver.Extract(text, Lines(text), Published(published));

    private static string Only(string text, string? published)
    {
        var dates = Dates(text, published);
        Assert.True(dates.Count == 1, $"expected one date in '{text}' but found {dates.Count}: {string.Join(", ", dates.Select(d => d.Value))}");
        return dates[0].Value;
    }

    [Theory]
    [InlineData("Mizintsev said on December 11.", "2018-12-12", "2018-12-11")]
    [InlineData("Mizintsev said on December 11.", null, "--12-11")]
    [InlineData("The talks ended on December 28.", "2018-01-03", "2017-12-28")]
    [InlineData("Talks on Syria to be held on September 20.", "2017-09-15", "2017-09-20")]
    [InlineData("It was signed on 8 December 2017 in Moscow.", null, "2017-12-08")]
    [InlineData("It was signed Dec. 11, 2018 in Moscow.", null, "2018-12-11")]
    [InlineData("Filed 2018-12-11 by staff.", null, "2018-12-11")]
    [InlineData("08 December 2017", "2018-10-21", "2017-12-08")]
    [InlineData("The Syrian Observatory yesterday said so.", "2017-12-08", "2017-12-07")]
    [InlineData("at a press conference earlier today at the base", "2017-09-15", "2017-09-15")]
    [InlineData("The General Staff issued a statement Wednesday declaring victory.", "2017-12-06", "2017-12-06")]
    [InlineData("On Wednesday, Syrian forces swept through.", "2017-12-08", "2017-12-06")]
    [InlineData("Putin had said in November that it would change.", "2017-12-08", "2017-11")]
    [InlineData("Putin had said in November that it would change.", null, "--11")]
    [InlineData("VeldGrid said last month that it had ordered meters.", "2024-08-05", "2024-07")]
    [InlineData("Since the start of 2018, 4,690 buildings were restored.", "2018-12-12", "2018-01-01..2018-12-12")]
    [InlineData("since the start of the year, buildings were restored.", "2018-12-12", "2018-01-01..2018-12-12")]
    [InlineData("as early as March of 2012 the agency published", null, "2012-03")]
    [InlineData("Between June 3 and June 14, 46 volunteers visited homes.", "2024-06-20", "2024-06-03..2024-06-14")]
    [InlineData("Talks to be held in Astana on September 14-15", "2017-09-10", "2017-09-14..2017-09-15")]
    [InlineData("The minister spoke last week.", "2018-12-12", "2018-W49")]
    [InlineData("ISIS initially emerged in 2013 on the battlefield", null, "2013")]
    [InlineData("The minister said three days ago that it was over.", "2018-12-12", "2018-12-09")]
    [InlineData("In June 2,000 people left the city.", "2018-12-12", "2018-06")]
    public void A_date_resolves_as_far_as_the_page_and_its_publication_date_allow(string text, string? published, string expected) =>
        Assert.Equal(expected, Only(text, published));

    [Fact]
    public void A_count_of_days_later_starts_from_the_date_named_before_it_in_the_paragraph()
    {
        var dates = Dates("On June 12 the minister spoke. Eight days later the network published a survey.", "2024-06-24");
        Assert.Equal(["2024-06-12", "2024-06-20"], dates.Select(d => d.Value));
        Assert.Equal(DateResolutions.RelativeToDate, dates[1].Resolution);
    }

    [Fact]
    public void A_count_of_days_later_does_not_reach_back_into_another_paragraph()
    {
        var dates = Dates("On June 12 the minister spoke.\nEight days later the network published a survey.", "2024-06-24");
        Assert.Equal(["2024-06-12"], dates.Select(d => d.Value));
    }

    [Theory]
    [InlineData("He said yesterday that it was over.")]
    [InlineData("They met on Wednesday.")]
    [InlineData("It happened last week.")]
    [InlineData("Three days ago the town fell.")]
    public void Words_that_need_a_publication_date_are_left_out_without_one(string text) =>
        Assert.Empty(Dates(text, null));

    [Fact]
    public void A_publication_month_resolves_months_but_not_weekdays()
    {
        Assert.Equal("2017-09", Only("Talks resumed in September.", "2017-09"));
        Assert.Empty(Dates("Talks begin Thursday.", "2017-09"));
    }

    [Fact]
    public void Relative_words_in_reader_comments_are_not_resolved_against_the_article_date()
    {
        const string text = "Too bad that storm didnt last longer, it was quiet on Monday and yesterday";
        Assert.Empty(Resolver.Extract(text, Lines(text, inComments: true), Published("2018-12-12")));
    }

    [Theory]
    [InlineData("February 29", "2020-03-02", "2020-02-29")]
    [InlineData("February 29", "2019-03-02", "--02-29")]
    [InlineData("February 29", null, "--02-29")]
    public void February_the_29th_only_takes_a_leap_year(string text, string? published, string expected) =>
        Assert.Equal(expected, Only("It happened on " + text + ".", published));

    [Theory]
    [InlineData("It happened on February 30.")]
    [InlineData("It happened on 29 February 2019.")]
    [InlineData("It happened on April 31, 2018.")]
    public void An_impossible_date_is_not_reported(string text) => Assert.Empty(Dates(text, "2018-12-12"));

    [Theory]
    [InlineData("1,411 settlements were liberated.")]
    [InlineData("The Resolution 2254 calls for a settlement.")]
    [InlineData("He may march on the capital.")]
    [InlineData("The May government fell.")]
    public void Numbers_and_words_that_only_look_like_dates_are_not_dates(string text)
    {
        var dates = Dates(text, "2018-12-12");
        Assert.True(dates.Count == 0, string.Join(", ", dates.Select(d => d.Value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("“unbalanced quote on December 11")]
    [InlineData("\n\n\n")]
    [InlineData("December")]
    [InlineData("on 99 December 2018")]
    public void Odd_input_never_throws(string text)
    {
        _ = Dates(text, "2018-12-12");
        _ = Dates(text, "not a date");
        _ = Dates(text, "2018-13-45");
        _ = Resolver.Extract(text, [], PageMetadata.Empty);
    }

    [Fact]
    public void Mention_offsets_stay_inside_the_text_and_in_order() =>
        Prop.ForAll(
            Arb.From(Gen.Elements("on December 11", " yesterday ", "Wednesday", " in November", "8 December 2017", "Dec. 11, 2018", "2018-12-11", "Eight days later", " last month ", "between June 3 and June 14", "“", "\n", "x", "1,411", " ").ArrayOf()),
            Arb.From(Gen.Elements<string?>(null, "2018-12-12", "2017-09", "2016", "2020-02-29")),
            (parts, published) =>
            {
                var text = string.Concat(parts);
                var dates = Dates(text, published);
                var previous = 0;
                foreach (var d in dates)
                {
                    if (d.Start < previous || d.End > text.Length || d.Start >= d.End || d.Value.Length == 0)
                        return false;
                    previous = d.End;
                }

                return true;
            }).QuickCheckThrowOnFailure();
}
