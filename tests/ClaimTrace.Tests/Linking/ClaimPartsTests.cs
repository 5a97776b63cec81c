using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>The small parts claims are built from: loose dates, measure relations, side data, value grouping.</summary>
public sealed class ClaimPartsTests
{
    [Theory]
    [InlineData("2018-12-11", "2018-12-11", "2018-12-11")]
    [InlineData("2017-09", "2017-09-01", "2017-09-30")]
    [InlineData("2016", "2016-01-01", "2016-12-31")]
    [InlineData("2017-W49", "2017-12-04", "2017-12-10")]
    [InlineData("2017-12-06..2017-12-08", "2017-12-06", "2017-12-08")]
    public void A_loose_date_spans_the_days_it_may_be(string iso, string first, string last)
    {
        var date = LooseDate.Parse(iso)!.Value;
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), date.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), date.Last);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2018-13-01")]
    [InlineData("--13-01")]
    [InlineData("..2018-12-12")]
    [InlineData("12/11/2018")]
    public void Malformed_dates_are_no_date_rather_than_an_error(string iso) => Assert.Null(LooseDate.Parse(iso));

    [Fact]
    public void A_day_that_cannot_be_is_read_no_finer_than_its_month()
    {
        var date = LooseDate.Parse("2018-02-30")!.Value;
        Assert.Equal(new DateOnly(2018, 2, 1), date.First);
        Assert.Equal(new DateOnly(2018, 2, 28), date.Last);
    }

    [Fact]
    public void A_day_without_a_year_is_near_a_dated_day_with_the_same_month_and_day_only()
    {
        var partial = LooseDate.Parse("--12-11")!.Value;
        Assert.True(partial.Near(LooseDate.Parse("2018-12-11")!.Value, 7));
        Assert.False(partial.Near(LooseDate.Parse("2018-12-12")!.Value, 7));
        Assert.False(partial.HasYear);
    }

    [Fact]
    public void Nearness_of_dates_does_not_depend_on_the_order_they_are_compared_in() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 4000)), Arb.From(Gen.Choose(0, 4000)), Arb.From(Gen.Choose(0, 30)), (a, b, days) =>
        {
            var x = LooseDate.Parse(new DateOnly(2010, 1, 1).AddDays(a).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))!.Value;
            var y = LooseDate.Parse(new DateOnly(2010, 1, 1).AddDays(b).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))!.Value;
            return x.Near(y, days) == y.Near(x, days);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_mirrored_measure_is_read_on_its_familys_scale()
    {
        var relations = MeasureRelations.Default;
        Assert.Equal("territory.is_held", relations.FamilyOf("territory.is_free.share"));
        Assert.Equal(0, relations.OnFamilyScale("territory.is_free.share", 100));
        Assert.Equal(8, relations.OnFamilyScale("territory.is_held.share", 8));
        Assert.Equal("deaths", relations.FamilyOf("deaths.count"));
    }

    [Theory]
    [InlineData("territory.x.share")]
    [InlineData("territory.x.share\tterritory.x")]
    [InlineData("territory.x.share\tterritory.x\tmirror hundred")]
    [InlineData("territory.x.share\tterritory.x\topposite")]
    public void A_malformed_measure_relation_names_the_file_and_the_line(string line)
    {
        var e = Assert.Throws<FormatException>(() => MeasureRelations.Parse([line]));
        Assert.Contains("measure-relations.tsv", e.Message, StringComparison.Ordinal);
        Assert.Contains(line.Split('\t')[0], e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Someone")]
    [InlineData("Someone\tSome Ministry\tlast year")]
    public void A_malformed_affiliation_names_the_file(string line)
    {
        var e = Assert.Throws<FormatException>(() => new SideResolver(Gazetteer.Default, [], [line], []));
        Assert.Contains("affiliations.tsv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_organisation_parent_names_the_file() =>
        Assert.Contains("organisation-parents.tsv", Assert.Throws<FormatException>(() => new SideResolver(Gazetteer.Default, ["Lonely Office"], [], [])).Message, StringComparison.Ordinal);

    private static ClaimReport Report(double value, string? qualifier, string unit = "percent") =>
        new("p", null, 0, 0, Side.Outlet(null, "p"), null, "m.share", "m", value, null, value, unit, qualifier,
            ReportCollector.DirectionOf(qualifier, mirrored: false), null, null, "undated", new TextSpan(0, 1), new TextSpan(0, 1));

    [Fact]
    public void More_than_a_figure_is_the_figure_as_news_rounds_it_but_almost_all_is_not_all()
    {
        Assert.True(ClaimGrouper.SameValue(Report(96.5, "more than"), Report(96.5, null)));
        Assert.False(ClaimGrouper.SameValue(Report(100, "almost"), Report(100, null)));
        Assert.False(ClaimGrouper.SameValue(Report(85, "over"), Report(96.5, "over")));
        Assert.True(ClaimGrouper.SameValue(Report(1411, null, "count"), Report(1411.5, null, "count")));
    }
}
