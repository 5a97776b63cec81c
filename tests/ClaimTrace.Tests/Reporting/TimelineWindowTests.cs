using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class TimelineWindowTests
{
    private static readonly Claim Template = SeedDossier.Corpus.Result.Timelines.First(t => t.Points.Count > 0).Points[0];

    /// <summary>
    /// A long timeline: point i is dated i days after 1 January 2017 and spoken by side i % sides, the last point
    /// undated; every tenth point is disputed.
    /// </summary>
    private static Timeline Long(int count, int sides = 3)
    {
        var start = new DateOnly(2017, 1, 1);
        var points = Enumerable.Range(0, count).Select(i => Template with
        {
            Id = $"p{i:D4}",
            Date = i == count - 1 ? null : start.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Side = Template.Side with { Key = $"side{i % sides}", Display = $"Side {i % sides}" },
        }).ToList();
        var evidence = new ConflictEvidence("page", new TextSpan(0, 1), "someone");
        var conflicts = points.Where((_, i) => i % 10 == 0).Select(p => new Conflict(ConflictKind.Dispute, p.Id, null, evidence, "disputed")).ToList();
        return new Timeline("deaths", "Testland", points, conflicts);
    }

    [Fact]
    public void A_short_timeline_is_kept_whole()
    {
        var timeline = Long(20);

        Assert.Same(timeline, TimelineWindow.Around(timeline, new HashSet<string> { "p0005" }, 20));
    }

    [Fact]
    public void A_long_timeline_keeps_the_claim_its_opponent_and_its_own_side_nearest_in_time_first()
    {
        var evidence = new ConflictEvidence("page", new TextSpan(0, 1), "someone");
        var timeline = Long(500);
        // p0400 contradicts p0100, far away in time and of another side.
        timeline = timeline with { Conflicts = [.. timeline.Conflicts, new Conflict(ConflictKind.Contradiction, "p0400", "p0100", evidence, "cannot both hold")] };

        var window = TimelineWindow.Around(timeline, new HashSet<string> { "p0100" }, 12);

        var ids = window.Points.Select(p => p.Id).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(488, window.Omitted);
        Assert.Contains("p0100", ids);
        Assert.Contains("p0400", ids);
        // The other ten are side 1's (p0100's side), the nearest in time: p0070 ... p0097 and p0103 ... p0130.
        Assert.All(ids.Where(id => id is not "p0100" and not "p0400"), id => Assert.Equal(1, int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids); // still in the timeline's order
        Assert.Contains(window.Conflicts, c => c.Kind == ConflictKind.Contradiction);
        Assert.All(window.Conflicts, c => Assert.Contains(c.Claim, ids));
    }

    [Fact]
    public void Every_asked_claim_is_kept_even_past_the_limit()
    {
        var timeline = Long(100);
        var asked = new HashSet<string> { "p0001", "p0050", "p0099" };

        var window = TimelineWindow.Around(timeline, asked, 2);

        Assert.Equal(asked.Order(StringComparer.Ordinal), window.Points.Select(p => p.Id));
        Assert.Equal(97, window.Omitted);
    }

    [Fact]
    public void A_window_is_never_longer_than_asked_and_always_part_of_the_timeline_in_order()
    {
        Prop.ForAll(Gen.Choose(1, 300).ToArbitrary(), Gen.Choose(0, 299).ToArbitrary(), Gen.Choose(0, 80).ToArbitrary(), (count, at, max) =>
        {
            var timeline = Long(count);
            var focus = new HashSet<string> { $"p{Math.Min(at, count - 1):D4}" };

            var window = TimelineWindow.Around(timeline, focus, max);

            var ids = window.Points.Select(p => p.Id).ToList();
            Assert.True(ids.Count <= Math.Max(max, 1));
            Assert.Equal(count, ids.Count + window.Omitted);
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.Contains(focus.Single(), ids);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_chart_of_a_window_says_how_many_figures_it_leaves_out()
    {
        var window = TimelineWindow.Around(Long(300), new HashSet<string> { "p0150" }, 40);

        var svg = SvgTimeline.Render(window);

        Assert.Contains("Not drawn: 260 further figures of this timeline", svg, StringComparison.Ordinal);
    }
}
