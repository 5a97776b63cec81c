using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// A timeline as a standalone SVG chart: x is the date, y the value on the family's scale (so "100% free" sits at
/// 0% held), one chart per unit because 27,000 km² and 8% cannot share an axis. Each side is a series with its own
/// colour and marker, joined in date order so a revision shows as a step; a disputed point is ringed red, with the
/// dispute and who raised it as hover text; a contradicting pair is joined by a dashed line. A report that is only
/// known up to a month or a range is drawn at the middle of its span with a bar across the span, and points with no
/// date (or no year) are listed under the chart rather than drawn at an invented date. Output depends only on the
/// timeline: invariant culture, fixed palette, series in order of first appearance.
/// </summary>
public static class SvgTimeline
{
    public const int Width = 760;
    private const int PlotHeight = 230;
    private const double Left = 78, Right = 24, Top = 40, Bottom = 44;
    private const int LineHeight = 18;
    private const string DisputeRed = "#d7191c";

    // Okabe & Ito's colour-blind-safe palette (without its yellow, too pale on white, and its vermillion, too close
    // to the dispute ring), with a marker shape per series so colour is never the only cue.
    private static readonly string[] Colours = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#332288", "#000000"];
    private static readonly string[] Markers = ["circle", "square", "triangle", "diamond"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>One SVG document with a chart per unit of the timeline.</summary>
    public static string Render(Timeline timeline, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return Render([timeline], words);
    }

    /// <summary>One SVG document with the charts of several timelines stacked, each timeline's units in turn.</summary>
    public static string Render(IReadOnlyList<Timeline> timelines, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        words ??= ClaimWords.Default;
        var body = new StringBuilder();
        var y = 0.0;
        foreach (var timeline in timelines)
        {
            var units = timeline.Points.Select(p => p.Unit).Distinct(StringComparer.Ordinal).ToList();
            if (units.Count == 0)
                units.Add("");
            foreach (var (unit, i) in units.Select((u, i) => (u, i)))
                y += Panel(body, timeline, unit, y, words, i == units.Count - 1 ? timeline.Omitted : 0);
        }

        var titles = string.Join("; ", timelines.Select(t => $"{Words(t.Family)} in {t.Scope}"));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{y:0}\" viewBox=\"0 0 {Width} {y:0}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<title>Timeline: ").Append(HtmlText.Escape(titles)).Append("</title>\n");
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{y:0}\" fill=\"#ffffff\"/>\n"));
        svg.Append(body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private sealed record Point(Claim Claim, int Series, double X, double? X0, double? X1, double Y, double? YMax);

    /// <summary>
    /// Draws one unit's chart at vertical offset <paramref name="top"/>; returns its height. <paramref name="omitted"/>
    /// figures of a windowed timeline are said to be left out under the legend.
    /// </summary>
    private static double Panel(StringBuilder s, Timeline t, string unit, double top, ClaimWords words, int omitted)
    {
        var claims = t.Points.Where(p => p.Unit == unit).ToList();
        var sides = t.Points.Select(p => p.Side.Key).Distinct(StringComparer.Ordinal).ToList();
        // Two people speaking for one institution are one side (Lapin, then Mizintsev, for the Defense Ministry):
        // the legend names the institution then, not whichever person came first.
        var sideNames = t.Points.GroupBy(p => p.Side.Key).ToDictionary(
            g => g.Key,
            g => g.Select(p => p.Side.Display).Distinct(StringComparer.Ordinal).Count() > 1 ? g.First().Side.Institution ?? g.First().Side.Display : g.First().Side.Display,
            StringComparer.Ordinal);
        var dated = claims.Select(c => (Claim: c, Date: LooseDate.Parse(c.Date))).Where(d => d.Date is { HasYear: true }).ToList();
        var undated = claims.Where(c => LooseDate.Parse(c.Date) is not { HasYear: true }).ToList();

        var plotTop = top + Top;
        var plotBottom = plotTop + PlotHeight;
        var plotRight = Width - Right;
        s.Append(Invariant($"<g class=\"chart\" data-family=\"{HtmlText.Escape(t.Family)}\" data-scope=\"{HtmlText.Escape(t.Scope)}\" data-unit=\"{HtmlText.Escape(unit)}\">\n"));
        var unitWords = unit switch { "percent" => "%", "count" => "count", "km2" => "km²", "" => "no unit", _ => unit };
        s.Append(Invariant($"<text x=\"{Left}\" y=\"{top + 22}\" font-size=\"14\" font-weight=\"bold\">")).Append(HtmlText.Escape($"{Capital(Words(t.Family))} in {t.Scope} ({unitWords})")).Append("</text>\n");

        // Scales: days on x, padded so no point sits on the frame; the family value on y, from 0 (or below) up.
        var firstDay = dated.Count == 0 ? 0 : dated.Min(d => d.Date!.Value.First!.Value.DayNumber);
        var lastDay = dated.Count == 0 ? 1 : dated.Max(d => d.Date!.Value.Last!.Value.DayNumber);
        var pad = Math.Max(15, (lastDay - firstDay) * 0.06);
        var (x0, x1) = (firstDay - pad, lastDay + pad);
        double X(double day) => Left + ((day - x0) / (x1 - x0) * (plotRight - Left));

        var values = claims.SelectMany(c => Values(c)).ToList();
        var (yTicks, y0, y1) = NiceTicks(values.Count == 0 ? 0 : Math.Min(0, values.Min()), values.Count == 0 ? 1 : values.Max());
        double Y(double v) => plotBottom - ((v - y0) / (y1 - y0) * PlotHeight);

        // Frame, grid and axes.
        foreach (var tick in yTicks)
        {
            var ty = Y(tick);
            s.Append(Invariant($"<line x1=\"{Left:0.#}\" y1=\"{ty:0.#}\" x2=\"{plotRight:0.#}\" y2=\"{ty:0.#}\" stroke=\"#e4e4e4\"/>"));
            s.Append(Invariant($"<text x=\"{Left - 6:0.#}\" y=\"{ty + 4:0.#}\" text-anchor=\"end\" fill=\"#333\">{HtmlText.Escape(ClaimWords.Number(tick))}</text>\n"));
        }

        s.Append(Invariant($"<line x1=\"{Left:0.#}\" y1=\"{plotBottom:0.#}\" x2=\"{plotRight:0.#}\" y2=\"{plotBottom:0.#}\" stroke=\"#333\"/>"));
        s.Append(Invariant($"<line x1=\"{Left:0.#}\" y1=\"{plotTop:0.#}\" x2=\"{Left:0.#}\" y2=\"{plotBottom:0.#}\" stroke=\"#333\"/>\n"));
        s.Append(Invariant($"<text transform=\"translate({18},{(plotTop + plotBottom) / 2:0.#}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">")).Append(HtmlText.Escape(AxisTitle(t, unitWords))).Append("</text>\n");
        if (dated.Count > 0)
        {
            foreach (var (day, label) in DateTicks((int)Math.Ceiling(x0), (int)Math.Floor(x1)))
            {
                var tx = X(day);
                s.Append(Invariant($"<line x1=\"{tx:0.#}\" y1=\"{plotBottom:0.#}\" x2=\"{tx:0.#}\" y2=\"{plotBottom + 5:0.#}\" stroke=\"#333\"/>"));
                s.Append(Invariant($"<text x=\"{tx:0.#}\" y=\"{plotBottom + 19:0.#}\" text-anchor=\"middle\" fill=\"#333\">{HtmlText.Escape(label)}</text>\n"));
            }
        }
        else
        {
            s.Append(Invariant($"<text x=\"{(Left + plotRight) / 2:0.#}\" y=\"{(plotTop + plotBottom) / 2:0.#}\" text-anchor=\"middle\" fill=\"#666\">no dated points to plot</text>\n"));
        }

        var points = dated.Select(d =>
        {
            var (first, last) = (d.Date!.Value.First!.Value.DayNumber, d.Date.Value.Last!.Value.DayNumber);
            return new Point(d.Claim, sides.IndexOf(d.Claim.Side.Key), X((first + last) / 2.0), first == last ? null : X(first), first == last ? null : X(last),
                Y(d.Claim.FamilyValue), MaxOnScale(d.Claim) is { } m ? Y(m) : null);
        }).ToList();
        var byId = points.ToDictionary(p => p.Claim.Id, StringComparer.Ordinal);

        // A side's line first, so markers sit on top of it: a step in it is that side changing its figure.
        foreach (var series in points.GroupBy(p => p.Series).Where(g => g.Count() > 1))
        {
            var path = string.Join(" ", series.OrderBy(p => p.X).Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")));
            s.Append(Invariant($"<polyline class=\"series-line\" points=\"{path}\" fill=\"none\" stroke=\"{Colours[series.Key % Colours.Length]}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>\n"));
        }

        foreach (var conflict in t.Conflicts.Where(c => c.Kind == ConflictKind.Contradiction))
        {
            if (conflict.Other is null || !byId.TryGetValue(conflict.Claim, out var a) || !byId.TryGetValue(conflict.Other, out var b))
                continue;
            s.Append(Invariant($"<line class=\"contradiction\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke=\"{DisputeRed}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">"));
            s.Append("<title>").Append(HtmlText.Escape("Contradiction: " + conflict.Why)).Append("</title></line>\n");
        }

        foreach (var p in points.OrderBy(p => p.X))
        {
            var colour = Colours[p.Series % Colours.Length];
            s.Append(Invariant($"<g class=\"point\" data-claim=\"{HtmlText.Escape(p.Claim.Id)}\" data-value=\"{p.Claim.FamilyValue.ToString("R", CultureInfo.InvariantCulture)}\" data-x=\"{p.X:0.#}\">"));
            s.Append("<title>").Append(HtmlText.Escape(Hover(p.Claim, words))).Append("</title>");
            if (p.X0 is { } from && p.X1 is { } to)
                s.Append(Invariant($"<line x1=\"{from:0.#}\" y1=\"{p.Y:0.#}\" x2=\"{to:0.#}\" y2=\"{p.Y:0.#}\" stroke=\"{colour}\" stroke-width=\"3\" stroke-opacity=\"0.35\"/>"));
            if (p.YMax is { } ym)
                s.Append(Invariant($"<line x1=\"{p.X:0.#}\" y1=\"{p.Y:0.#}\" x2=\"{p.X:0.#}\" y2=\"{ym:0.#}\" stroke=\"{colour}\" stroke-width=\"2\"/>"));
            s.Append(Marker(Markers[p.Series % Markers.Length], p.X, p.Y, colour));
            s.Append(Invariant($"<text x=\"{p.X + 9:0.#}\" y=\"{p.Y - 8:0.#}\" fill=\"{colour}\">")).Append(HtmlText.Escape(ClaimWords.Figure(null, p.Claim.FamilyValue, null, p.Claim.Unit))).Append("</text>");
            s.Append("</g>\n");
        }

        foreach (var p in points)
        {
            var disputes = t.Conflicts.Where(c => c.Kind == ConflictKind.Dispute && c.Claim == p.Claim.Id).ToList();
            if (disputes.Count == 0)
                continue;
            s.Append(Invariant($"<circle class=\"disputed\" data-claim=\"{HtmlText.Escape(p.Claim.Id)}\" cx=\"{p.X:0.#}\" cy=\"{p.Y:0.#}\" r=\"11\" fill=\"none\" stroke=\"{DisputeRed}\" stroke-width=\"2.5\">"));
            s.Append("<title>").Append(HtmlText.Escape("Disputed: " + string.Join("; ", disputes.Select(d => d.Why)))).Append("</title></circle>\n");
        }

        // Legend: every side of the timeline, so the colours mean the same in each unit's chart; then the marks.
        var ly = plotBottom + Bottom;
        foreach (var (key, i) in sides.Select((k, i) => (k, i)))
        {
            var colour = Colours[i % Colours.Length];
            s.Append(Marker(Markers[i % Markers.Length], Left + 6, ly + 5, colour));
            s.Append(Invariant($"<text x=\"{Left + 18:0.#}\" y=\"{ly + 9:0.#}\">")).Append(HtmlText.Escape(sideNames[key])).Append("</text>\n");
            ly += LineHeight;
        }

        if (t.Conflicts.Any(c => c.Kind == ConflictKind.Dispute))
        {
            s.Append(Invariant($"<circle cx=\"{Left + 6:0.#}\" cy=\"{ly + 5:0.#}\" r=\"7\" fill=\"none\" stroke=\"{DisputeRed}\" stroke-width=\"2.5\"/>"));
            s.Append(Invariant($"<text x=\"{Left + 18:0.#}\" y=\"{ly + 9:0.#}\">ringed red: disputed in a report (hover for who disputes it)</text>\n"));
            ly += LineHeight;
        }

        if (t.Conflicts.Any(c => c.Kind == ConflictKind.Contradiction))
        {
            s.Append(Invariant($"<line x1=\"{Left - 2:0.#}\" y1=\"{ly + 5:0.#}\" x2=\"{Left + 14:0.#}\" y2=\"{ly + 5:0.#}\" stroke=\"{DisputeRed}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"));
            s.Append(Invariant($"<text x=\"{Left + 18:0.#}\" y=\"{ly + 9:0.#}\">dashed: two figures that cannot both be true at the same time</text>\n"));
            ly += LineHeight;
        }

        if (omitted > 0)
        {
            s.Append(Invariant($"<text class=\"omitted\" x=\"{Left:0.#}\" y=\"{ly + 9:0.#}\" fill=\"#333\">"))
                .Append(HtmlText.Escape(Invariant($"Not drawn: {omitted:N0} further figure{(omitted == 1 ? "" : "s")} of this timeline, farther in time from the claim shown."))).Append("</text>\n");
            ly += LineHeight;
        }

        if (undated.Count > 0)
        {
            s.Append(Invariant($"<text x=\"{Left:0.#}\" y=\"{ly + 9:0.#}\" font-weight=\"bold\">Not drawn, no date known:</text>\n"));
            ly += LineHeight;
            foreach (var c in undated)
            {
                s.Append(Invariant($"<text class=\"undated\" data-claim=\"{HtmlText.Escape(c.Id)}\" x=\"{Left + 12:0.#}\" y=\"{ly + 9:0.#}\">")).Append(HtmlText.Escape(words.Sentence(c))).Append("</text>\n");
                ly += LineHeight;
            }
        }

        s.Append("</g>\n");
        return ly + 16 - top;
    }

    private static IEnumerable<double> Values(Claim c)
    {
        yield return c.FamilyValue;
        if (MaxOnScale(c) is { } m)
            yield return m;
    }

    private static double? MaxOnScale(Claim c) =>
        c.ValueMax is { } max && max != c.Value ? MeasureRelations.Default.OnFamilyScale(c.Measure, max) : null;

    private static string Hover(Claim c, ClaimWords words)
    {
        var reports = c.Reports.Count(r => !r.IsEcho);
        var outlets = c.Reports.Select(r => r.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).ToList();
        return $"{words.Sentence(c)}. {reports} report{(reports == 1 ? "" : "s")}{(outlets.Count > 0 ? " in " + string.Join(", ", outlets) : "")}.";
    }

    private static string Marker(string shape, double x, double y, string colour) => shape switch
    {
        "square" => Invariant($"<rect x=\"{x - 5:0.#}\" y=\"{y - 5:0.#}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>"),
        "triangle" => Invariant($"<polygon points=\"{x:0.#},{y - 6.5:0.#} {x + 6:0.#},{y + 4.5:0.#} {x - 6:0.#},{y + 4.5:0.#}\" fill=\"{colour}\"/>"),
        "diamond" => Invariant($"<polygon points=\"{x:0.#},{y - 6.5:0.#} {x + 6.5:0.#},{y:0.#} {x:0.#},{y + 6.5:0.#} {x - 6.5:0.#},{y:0.#}\" fill=\"{colour}\"/>"),
        _ => Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5.5\" fill=\"{colour}\"/>"),
    };

    /// <summary>About five round steps covering [lo, hi] (Heckbert's "nice numbers", Graphics Gems 1990).</summary>
    internal static (List<double> Ticks, double Low, double High) NiceTicks(double lo, double hi)
    {
        if (hi <= lo)
            hi = lo + (lo == 0 ? 1 : Math.Abs(lo));
        var raw = (hi - lo) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / magnitude;
        var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
        var low = Math.Floor(lo / step) * step;
        var high = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (var i = 0; low + (i * step) <= high + (step / 1000); i++)
            ticks.Add(Math.Round(low + (i * step), 10));
        return (ticks, low, high);
    }

    /// <summary>Round dates between two day numbers, at most about seven: days, weeks, months, quarters or years.</summary>
    internal static List<(int Day, string Label)> DateTicks(int from, int to)
    {
        var span = to - from;
        var start = DateOnly.FromDayNumber(from);
        var ticks = new List<(int, string)>();
        foreach (var days in new[] { 1, 2, 7, 14 })
        {
            if (span / days > 7)
                continue;
            for (var d = from; d <= to; d++)
            {
                if ((d - from) % days == 0)
                {
                    var date = DateOnly.FromDayNumber(d);
                    ticks.Add((d, Invariant($"{date.Day} {MonthNames[date.Month - 1]}") + (ticks.Count == 0 || (date.Month == 1 && date.Day <= days) ? Invariant($" {date.Year}") : "")));
                }
            }

            return ticks;
        }

        foreach (var months in new[] { 1, 2, 3, 6, 12, 24, 60, 120 })
        {
            if (span / (30.4 * months) > 7)
                continue;
            var first = new DateOnly(start.Year, start.Month, 1);
            for (var m = first; m.DayNumber <= to; m = m.AddMonths(1))
            {
                var index = (m.Year * 12) + m.Month - 1;
                if (m.DayNumber < from || index % months != 0)
                    continue;
                ticks.Add((m.DayNumber, months >= 12 ? Invariant($"{m.Year}") : Invariant($"{MonthNames[m.Month - 1]} {m.Year}")));
            }

            return ticks;
        }

        return ticks;
    }

    private static string AxisTitle(Timeline t, string unitWords) =>
        t.Points.Any(p => MeasureRelations.Default.IsMirror(p.Measure))
            ? $"{Words(t.Family)} ({unitWords}; mirrored figures converted)"
            : $"{Words(t.Family)} ({unitWords})";

    private static string Words(string key) => key.Replace('.', ' ').Replace('_', ' ');

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
