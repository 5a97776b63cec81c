namespace ClaimTrace.Tests.Analysis.Quantities;

public sealed class QuantityExtractorTests
{
    private static readonly QuantityExtractor Extractor = new();

    private static IReadOnlyList<Quantity> Extract(string text, bool inComments = false)
    {
        var sentence = new Sentence(0, 0, text.Length, 0, inComments ? SegmentKind.Comments : SegmentKind.Article, inComments);
        return Extractor.Extract(text, [sentence], PageMetadata.Empty);
    }

    private static Quantity Single(string text)
    {
        var found = Extract(text);
        Assert.Single(found);
        return found[0];
    }

    [Fact]
    public void Thousands_separators_and_the_counted_thing_are_read()
    {
        var q = Single("Since the start of 2018, 4,690 residential buildings have been restored.");
        Assert.Equal(4690, q.Value);
        Assert.Equal("count", q.Unit);
        Assert.Equal("residential buildings", q.What);
        Assert.Equal("buildings.restored.count", q.Measure);
    }

    [Fact]
    public void A_qualified_percentage_keeps_its_qualifier_and_finds_its_measure_by_the_nearest_cue()
    {
        var found = Extract("In total, 1,411 settlements were liberated, with government troops having retaken more than 96.5% of the country's territory.");
        Assert.Equal(2, found.Count);
        Assert.Equal("settlements.liberated.count", found[0].Measure);
        Assert.Equal(96.5, found[1].Value);
        Assert.Equal("percent", found[1].Unit);
        Assert.Equal("more than", found[1].Qualifier);
        Assert.Equal("territory.government_control.share", found[1].Measure);
        Assert.Equal("more than 96.5%", found[1].Span.Of("In total, 1,411 settlements were liberated, with government troops having retaken more than 96.5% of the country's territory."));
    }

    [Theory]
    [InlineData("IS still holds about eight percent of the province.", 8, "percent", "eight percent")]
    [InlineData("The army destroyed five tanks near the river.", 5, "count", "five")]
    [InlineData("They now hold two-thirds of the valley.", 2.0 / 3, "fraction", "two-thirds")]
    [InlineData("Nine in ten families have power again.", 90, "percent", "Nine in ten")]
    [InlineData("The repairs cost 48.6 million crowns so far.", 48_600_000, "money:crowns", "48.6 million crowns")]
    [InlineData("The fund received a dozen offers.", 12, "count", "a dozen")]
    public void Numbers_written_in_words_are_normalised_and_keep_how_they_were_written(string text, double value, string unit, string writtenAs)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(writtenAs, q.WrittenAs);
    }

    [Fact]
    public void Ranges_keep_both_ends()
    {
        Assert.Equal((3000d, 4000d), Range(Single("Between 3,000 and 4,000 homes rely on generators.")));
        Assert.Equal((10d, 15d), Range(Single("The repair takes 10-15 days.")));
        Assert.Equal((30e6, 35e6), Range(Single("The budget is 30 million to 35 million crowns.")));
        Assert.Equal((8d, 10d), Range(Single("It will take between eight and ten weeks.")));

        static (double, double) Range(Quantity q) => (q.Value, q.ValueMax ?? double.NaN);
    }

    [Theory]
    [InlineData("The remaining fighters hold around 27,000 square kilometers.", 27000, "km2", "around")]
    [InlineData("They are holding the occupied 55 km area around the base.", 55, "km", null)]
    [InlineData("The range grows by about 35 miles.", 35, "mi", "about")]
    [InlineData("Donors pledged €25 million.", 25_000_000, "money:EUR", null)]
    [InlineData("Over 290,278 Syrians have returned home.", 290278, "people", "over")]
    public void Units_money_and_areas_are_named(string text, double value, string unit, string? qualifier)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(qualifier, q.Qualifier);
    }

    [Theory]
    [InlineData("The war began in 2011 and the talks resumed on December 11.")]
    [InlineData("Mizintsev said on 08 December 2017 that the 5th Corps had moved.")]
    [InlineData("Call 555-1234 or see Resolution 2254 about the T-55 tanks.")]
    [InlineData("The meeting starts at 10:30 and ends at 3 pm.")]
    [InlineData("Details at https://example.org/2017/12/report-1411.html today.")]
    public void Years_dates_times_ordinals_codes_and_links_are_not_quantities(string text) =>
        Assert.Empty(Extract(text));

    [Fact]
    public void Words_that_imply_a_value_give_an_implicit_quantity()
    {
        var q = Single("The territory of Syria has been completely liberated from fighters of this organisation.");
        Assert.True(q.Implicit);
        Assert.Equal(100, q.Value);
        Assert.Equal("territory.is_free.share", q.Measure);

        var none = Single("Therefore, as of today, there's no territory controlled by ISIS in Syria.");
        Assert.Equal(0, none.Value);
        Assert.Equal("territory.is_held.share", none.Measure);
    }

    [Fact]
    public void A_part_being_liberated_is_not_the_whole_territory() =>
        Assert.Empty(Extract("After which the city was fully liberated by early November."));

    [Fact]
    public void Numbers_in_comments_are_kept_and_marked()
    {
        var found = Extract("Do you believe the 35 million Kurds deserve their own state?", inComments: true);
        var q = Assert.Single(found);
        Assert.True(q.InComments);
        Assert.Equal(35_000_000, q.Value);
        Assert.Equal("people", q.Unit);
        Assert.Null(q.Statement);
    }

    [Theory]
    [InlineData("100\tpercent\tterritory.is_free.share")]
    [InlineData("100\tpercent\tterritory.is_free.share\t[unclosed")]
    [InlineData("100\tpercent\tterritory.is_free.share\tliberated(?= Syria)")]
    public void A_bad_implicit_rule_names_its_file_and_line(string line)
    {
        var e = Assert.Throws<FormatException>(() => ImplicitQuantities.Parse("analysis/implicit.tsv", [line]));
        Assert.Contains("analysis/implicit.tsv", e.Message, StringComparison.Ordinal);
    }
}
