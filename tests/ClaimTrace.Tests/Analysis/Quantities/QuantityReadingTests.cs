namespace ClaimTrace.Tests.Analysis.Quantities;

/// <summary>Readings added while closing the NewsQuant gaps; every sentence here is written for the test.</summary>
public sealed class QuantityReadingTests
{
    private static readonly QuantityExtractor Extractor = new();

    private static IReadOnlyList<Quantity> Extract(string text)
    {
        var sentence = new Sentence(0, 0, text.Length, 0, SegmentKind.Article, false);
        return Extractor.Extract(text, [sentence], PageMetadata.Empty);
    }

    [Fact]
    public void A_currency_form_written_glued_must_be_glued_in_the_text()
    {
        var q = Assert.Single(Extract("They pay a $2,100 rent on the flat."));
        Assert.Equal("money:USD", q.Unit);
        Assert.Equal("money:AUD", Assert.Single(Extract("The plan costs A$40 a year.")).Unit.Split('/')[0]);
        Assert.Equal("money:NZD", Assert.Single(Extract("The plan costs NZ $45 a year.")).Unit.Split('/')[0]);
    }

    [Fact]
    public void An_ordinal_before_a_noun_is_not_a_share()
    {
        Assert.Empty(Extract("She is seeking a third term in office."));
        Assert.Empty(Extract("It was a fourth attempt."));
        var share = Assert.Single(Extract("A third of the voters stayed home."));
        Assert.Equal(1.0 / 3, share.Value, 6);
        Assert.Equal(0.25, Assert.Single(Extract("One fourth of the staff left.")).Value, 6);
    }

    [Fact]
    public void A_vague_plural_scaled_by_another_spans_an_order_of_magnitude()
    {
        var q = Assert.Single(Extract("The scheme cost tens of millions of dollars."));
        Assert.Equal(1e7, q.Value);
        Assert.Equal(1e8, q.ValueMax);
        Assert.Equal("money:USD", q.Unit);

        var crowd = Assert.Single(Extract("Tens of thousands marched."));
        Assert.Equal(1e4, crowd.Value);
    }

    [Theory]
    [InlineData("Shares of the carmaker fell to Y=3,120 in Tokyo.", 3120, "money:JPY")]
    [InlineData("The ministry set aside INR5 billion for roads.", 5e9, "money:INR")]
    [InlineData("The alloy failed at 7.5 ksi in the test.", 7.5, "ksi")]
    [InlineData("The engine makes 150 PS in this trim.", 150, "hp")]
    public void Units_of_trade_and_engineering_pages_are_named(string text, double value, string unit)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("His weight fell from 180 pounds to 165 over the winter.", 165, 180, "lb")]
    [InlineData("The jobless rate eased from 5.2 to 4.9 percent in May.", 4.9, 5.2, "percent")]
    [InlineData("The price went from $900,000 to $1.1 million.", 900_000, 1_100_000, "money:USD")]
    [InlineData("Revenue slid from 4.3 to 3.9 billion euros.", 3.9e9, 4.3e9, "money:EUR")]
    public void A_span_from_one_figure_to_another_is_a_range_whichever_way_it_goes(string text, double low, double high, string unit)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(low, q.Value, 6);
        Assert.Equal(high, q.ValueMax!.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Critics called it one of the worst budgets in years.", "worst budgets")]
    [InlineData("The agency has one particular worry that nobody shares.", "particular worry")]
    [InlineData("It was one of Acme's earliest deals.", "earliest deals")]
    public void One_of_a_group_or_one_named_thing_is_a_count_of_one(string text, string what)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(1, q.Value);
        Assert.Equal("count", q.Unit);
        Assert.Equal(what, q.What);
    }

    [Theory]
    [InlineData("No one came to the hearing.")]
    [InlineData("Arden, one of the hill villages, had no power.")]
    [InlineData("One delay led to another in the spring.")]
    [InlineData("The show aired on Channel One last night.")]
    [InlineData("One finally agreed to talk.")]
    public void One_as_a_pronoun_an_apposition_or_part_of_a_name_is_not_a_count(string text) =>
        Assert.Empty(Extract(text));

    [Theory]
    [InlineData("The council sent a 40 page report to the mayor.", 40, "page")]
    [InlineData("The coupe gets a four-cylinder engine this year.", 4, "cylinder")]
    public void A_number_before_a_noun_that_modifies_another_counts_that_noun(string text, double value, string what)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(value, q.Value);
        Assert.Equal(what, q.What);
    }

    [Theory]
    [InlineData("More than half of the voters backed the plan.", 0.5, "fraction", "more than")]
    [InlineData("Exports grew sevenfold last decade.", 7, "count", null)]
    [InlineData("Sales rose four times faster than costs.", 4, "count", null)]
    [InlineData("Demand for sub-200 sq m units rose.", 200, "m2", "less than")]
    [InlineData("The team finished at .450 this season.", 0.45, "count", null)]
    public void Shares_factors_bounds_and_bare_decimals_are_read(string text, double value, string unit, string? qualifier)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(qualifier, q.Qualifier);
    }

    [Fact]
    public void A_word_number_joined_to_a_figure_takes_its_unit()
    {
        var found = Extract("Dinner costs seven or eight euros there.");
        Assert.Equal(2, found.Count);
        Assert.All(found, q => Assert.Equal("money:EUR", q.Unit));
    }

    [Fact]
    public void A_small_number_between_commas_after_a_name_is_an_age()
    {
        var q = Assert.Single(Extract("Jordan, 58, has run the firm since the merger."));
        Assert.Equal(58, q.Value);
        Assert.Equal("years", q.Unit);
        Assert.Equal("age", q.What);
    }

    [Theory]
    [InlineData("The second half of the game was dull.")]
    [InlineData("Voters backed a third-party candidate.")]
    [InlineData("Markets closed after 0230 GMT on Monday.")]
    [InlineData("The plan sets goals for 2150 and beyond.")]
    public void Halves_of_games_ordinal_compounds_clock_times_and_far_years_are_not_quantities(string text) =>
        Assert.Empty(Extract(text));
}
