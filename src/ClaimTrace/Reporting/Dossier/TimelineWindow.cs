using System.Runtime.CompilerServices;

namespace ClaimTrace;

/// <summary>
/// A readable part of a long timeline around the claims a reader asked about. On a large crawl one family and
/// country gathers thousands of figures ("deaths in the United States" from every story that counts any), which no
/// chart can show and no reader can follow. The window keeps, in this order: the asked claims; the figures they
/// conflict with; the other figures of the same sides, nearest in time first (what the same side said before and
/// after); then the other figures nearest in time. What is kept stays in the timeline's order, and
/// <see cref="Timeline.Omitted"/> says how many were left out, so a page can say so and point to the whole.
/// </summary>
public static class TimelineWindow
{
    // The day of every point of a timeline, parsed once: a long timeline is windowed for every page that shows it.
    private static readonly ConditionalWeakTable<Timeline, double?[]> DaysOf = [];

    /// <summary>
    /// The timeline itself when it has at most <paramref name="max"/> points; else at most that many (never fewer
    /// than the asked claims on it), chosen as above.
    /// </summary>
    public static Timeline Around(Timeline timeline, IReadOnlySet<string> focus, int max)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(focus);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (timeline.Points.Count <= max)
            return timeline;

        var asked = timeline.Points.Where(p => focus.Contains(p.Id)).ToList();
        var sides = asked.Select(p => p.Side.Key).ToHashSet(StringComparer.Ordinal);
        var opposed = timeline.Conflicts
            .Where(c => c.Other is not null && (focus.Contains(c.Claim) || focus.Contains(c.Other)))
            .SelectMany(c => new[] { c.Claim, c.Other! })
            .ToHashSet(StringComparer.Ordinal);
        var day = DaysOf.GetValue(timeline, t => [.. t.Points.Select(p => Day(p.Date))]);
        var days = timeline.Points.Select((p, i) => focus.Contains(p.Id) ? day[i] : null).OfType<double>().ToList();

        // Lower ranks first; within a rank the nearest in time, undated figures last, then the timeline's order.
        var kept = timeline.Points
            .Select((p, i) => (Point: p, Order: i, Rank: focus.Contains(p.Id) ? 0 : opposed.Contains(p.Id) ? 1 : sides.Contains(p.Side.Key) ? 2 : 3, Distance: Distance(day[i], days)))
            .OrderBy(x => x.Rank).ThenBy(x => x.Distance).ThenBy(x => x.Order)
            .Take(Math.Max(max, asked.Count))
            .OrderBy(x => x.Order)
            .Select(x => x.Point)
            .ToList();
        var ids = kept.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return timeline with
        {
            Points = kept,
            Conflicts = [.. timeline.Conflicts.Where(c => ids.Contains(c.Claim) && (c.Other is null || ids.Contains(c.Other)))],
            Omitted = timeline.Omitted + (timeline.Points.Count - kept.Count),
        };
    }

    private static double Distance(double? day, List<double> days) =>
        day is { } d && days.Count > 0 ? days.Min(f => Math.Abs(f - d)) : double.PositiveInfinity;

    /// <summary>The middle of the days a loose date spans ("2017-12" is mid-December); null without a year.</summary>
    private static double? Day(string? date) =>
        LooseDate.Parse(date) is { First: { } first, Last: { } last } ? (first.DayNumber + last.DayNumber) / 2.0 : null;
}
