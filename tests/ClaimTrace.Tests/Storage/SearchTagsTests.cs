using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class SearchTagsTests
{
    private static readonly Speaker Putin = new("Russian President Vladimir Putin", 0, 10, "Vladimir Putin", 0, 10, SpeakerKind.Person);

    [Fact]
    public void A_unit_is_tagged_with_its_outlet_speakers_quantities_stances_and_date()
    {
        var statement = new Statement(0, StatementKind.Direct, Putin, null, "say", new TextSpan(0, 5), 0, false);
        var quantity = new Quantity(0, 2, 85, "percent", Measure: "territory_liberated", Scope: "Syria");

        var tags = SearchTags.Of("Reuters", "2017-12-06", [statement], [quantity], [StanceKind.Disputed]);

        Assert.Contains("xsvladimir", tags);
        Assert.Contains("xsputin", tags);
        Assert.Contains("xsput", tags); // every beginning of three letters or more
        Assert.Contains("xsvla", tags);
        Assert.DoesNotContain("xsvl", tags);
        Assert.Contains("xspresident", tags); // as the page wrote him
        Assert.Contains("xtdisputed", tags);
        Assert.Contains("xy2017", tags);
        Assert.Contains("xd201712", tags);
        Assert.Single(tags, t => t.StartsWith("xo", StringComparison.Ordinal));
        Assert.Single(tags, t => t.StartsWith("xq", StringComparison.Ordinal));
        Assert.Single(tags, t => t.StartsWith("xp", StringComparison.Ordinal));
        Assert.All(tags, t => Assert.Equal(t, SearchTokens.Of(t).Single().Folded)); // one word to the index, unchanged
    }

    [Fact]
    public void A_filter_finds_the_tag_its_value_gave_a_unit_whatever_its_case()
    {
        var unit = SearchTags.Of("BBC News", "2018", [], [new Quantity(0, 1, 3, "count", Measure: "deaths", Scope: "Deir ez-Zor")], []);
        var query = SearchTags.For(new SearchQuery(Outlet: "bbc news", Measure: "DEATHS", Place: "deir ez-zor"));

        Assert.Equal(3, query.Groups.Count);
        Assert.All(query.Groups, g => Assert.Contains(Assert.Single(g).Token, unit));
        Assert.True(query.QuantityExact is false); // measure and place together must be one quantity's: the join decides
        Assert.Contains("xd201800", unit); // a year alone is month 00
    }

    [Fact]
    public void A_date_range_of_two_calendar_years_at_most_becomes_months_and_a_longer_one_years()
    {
        var months = Assert.Single(SearchTags.For(new SearchQuery(From: "2017-11-15", To: "2018-02")).Groups).Select(t => t.Token);
        Assert.Equal(["xd201700", "xd201711", "xd201712", "xd201800", "xd201801", "xd201802"], months);

        var years = Assert.Single(SearchTags.For(new SearchQuery(From: "2015", To: "2018-06-01")).Groups).Select(t => t.Token);
        Assert.Equal(["xy2015", "xy2016", "xy2017", "xy2018"], years);

        Assert.True(SearchTags.For(new SearchQuery(To: "2018")).IsEmpty); // no lower bound: the date filter alone
        Assert.True(SearchTags.For(new SearchQuery(From: "1900", To: "2018")).IsEmpty); // too long to be worth its tokens
        Assert.True(SearchTags.For(new SearchQuery(From: "2019", To: "2018")).IsEmpty);
    }

    [Fact]
    public void The_speaker_and_stance_joins_are_left_out_only_where_the_tags_say_the_same()
    {
        Assert.True(SearchTags.For(new SearchQuery(Speaker: "Putin")).SpeakerExact);
        Assert.True(SearchTags.For(new SearchQuery(Stance: StanceKind.Hedged)).SpeakerExact);
        Assert.False(SearchTags.For(new SearchQuery(Speaker: "Vladimir Putin")).SpeakerExact); // two words could be two speakers
        Assert.False(SearchTags.For(new SearchQuery(Speaker: "Putin", Stance: StanceKind.Hedged)).SpeakerExact); // toward his statement
        Assert.False(SearchTags.For(new SearchQuery(Speaker: "--")).SpeakerExact); // no word to tag
        Assert.True(SearchTags.For(new SearchQuery(Measure: "deaths")).QuantityExact);
        Assert.True(SearchTags.For(new SearchQuery(Place: "syria")).QuantityExact);
        Assert.True(SearchTags.For(new SearchQuery()).IsEmpty);
    }

    [Theory]
    [InlineData("2017-01", "2017-06", true)]
    [InlineData("2016", "2019", true)]
    [InlineData("2017-11", "2018-02", true)]
    [InlineData("2017-01-15", "2017-06", false)] // a day: the months round it out
    [InlineData("2015-03", "2018", false)] // years would round the months out
    [InlineData("2017", null, false)] // open: tokens stop at next year
    public void The_date_filter_is_left_to_the_tags_only_when_they_hold_exactly_its_range(string from, string? to, bool exact) =>
        Assert.Equal(exact, SearchTags.For(new SearchQuery(From: from, To: to)).DateExact);

    [Fact]
    public void Speaker_words_are_exact_tokens_of_their_beginnings_and_prefix_queries_when_shorter()
    {
        var query = SearchTags.For(new SearchQuery(Speaker: "Vlad Pu", Outlet: "Reuters", Stance: StanceKind.Distanced));

        Assert.Equal([false, true], query.Groups.SelectMany(g => g).Where(t => t.Token.StartsWith("xs", StringComparison.Ordinal)).Select(t => t.Prefix));
        Assert.All(query.Groups.SelectMany(g => g).Where(t => !t.Token.StartsWith("xs", StringComparison.Ordinal)), t => Assert.False(t.Prefix));
    }

    [Fact]
    public void Tags_of_any_value_are_single_words_of_letters_and_digits()
    {
        Prop.ForAll<NonNull<string>, NonNull<string>>((outlet, name) =>
        {
            var speaker = new Speaker(name.Get, 0, 0, name.Get, 0, 0, SpeakerKind.Person);
            var tags = SearchTags.Of(outlet.Get, "2020-01-01", [new Statement(0, StatementKind.Direct, speaker, null, null, new TextSpan(0, 0), 0, false)], [new Quantity(0, 0, 1, "count", Measure: name.Get, Scope: outlet.Get)], []);
            return tags.All(t => SearchTokens.Of(t) is [{ Folded: var word }] && word == t);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Facet_values_survive_the_round_trip_through_their_column()
    {
        var encoded = UnitFacets.Encode("Mikhail\tMizintsev", ["deaths", "deaths", "territory_liberated", null], [StanceKind.Hedged, StanceKind.Hedged]);

        Assert.Equal(
            [('s', "Mikhail Mizintsev"), ('m', "deaths"), ('m', "territory_liberated"), ('t', "hedged")],
            UnitFacets.Decode(encoded));
        Assert.Null(UnitFacets.Encode(null, [], []));
        Assert.Empty(UnitFacets.Decode("garbage without a tab"));
    }
}
