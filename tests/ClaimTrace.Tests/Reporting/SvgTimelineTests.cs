using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class SvgTimelineTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Timeline Seeds(string family) =>
        Assert.Single(SeedDossier.Corpus.Result.Timelines, t => t.Family == family && t.Scope == "Syria");

    private static List<(string Claim, double Value, double X)> Points(XDocument svg) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "point")
            .Select(g => ((string)g.Attribute("data-claim")!, double.Parse((string)g.Attribute("data-value")!, CultureInfo.InvariantCulture), double.Parse((string)g.Attribute("data-x")!, CultureInfo.InvariantCulture)))];

    [Fact]
    public void The_seeds_government_control_chart_plots_85_then_96_5_left_to_right_and_rings_the_disputed_one()
    {
        var timeline = Seeds("territory.government_control");
        var svg = XDocument.Parse(SvgTimeline.Render(timeline));

        var points = Points(svg).OrderBy(p => p.X).ToList();
        Assert.Equal([85, 96.5], points.Select(p => p.Value));
        var ringed = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "disputed").ToList();
        var ring = Assert.Single(ringed);
        Assert.Equal(points[1].Claim, (string?)ring.Attribute("data-claim"));
        var hover = ring.Element(Svg + "title")!.Value;
        Assert.Contains("South Front", hover, StringComparison.Ordinal);
        Assert.Contains("Global Research", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_held_territory_timeline_has_a_chart_per_unit_and_joins_the_contradiction_with_a_dashed_line()
    {
        var svg = XDocument.Parse(SvgTimeline.Render(Seeds("territory.is_held")));

        var units = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "chart").Select(g => (string?)g.Attribute("data-unit")).ToList();
        Assert.Equal(["km2", "percent"], units.Order(StringComparer.Ordinal));
        var dashed = Assert.Single(svg.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "contradiction");
        Assert.Contains("Deir Ezzor", dashed.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_without_a_year_is_listed_under_the_chart_not_drawn_at_an_invented_date()
    {
        var timeline = Seeds("territory.government_control");
        var undated = timeline with { Points = [.. timeline.Points.Select((p, i) => i == 0 ? p with { Date = "--09-14" } : p)] };

        var svg = XDocument.Parse(SvgTimeline.Render(undated));

        Assert.Equal([96.5], Points(svg).Select(p => p.Value));
        var listed = Assert.Single(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "undated");
        Assert.Contains("85%", listed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_the_same_on_every_run()
    {
        // The test host runs in globalization-invariant mode, so no other culture can be switched to here; the
        // renderer formats every number with the invariant culture explicitly.
        var timeline = Seeds("territory.is_held");
        Assert.Equal(SvgTimeline.Render(timeline), SvgTimeline.Render(timeline));
    }

    [Fact]
    public void Nice_ticks_cover_the_values_in_round_steps()
    {
        Prop.ForAll(Gen.Choose(1, int.MaxValue).Select(i => i / 1000.0).ToArbitrary(), hi =>
        {
            var (ticks, low, high) = SvgTimeline.NiceTicks(0, hi);
            return low <= 0 && high >= hi && ticks.Count is >= 2 and <= 12 && ticks[0] == low;
        }).QuickCheckThrowOnFailure();
    }
}
