using System.Globalization;
using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// The syndication graph as an SVG: outlets on a circle (sized by the reports they carry), an arrow from an outlet
/// to each outlet that copied its pages with the number of copies on it, and a dashed line between two outlets whose
/// pages share text without a telling direction. Edges curve a little, so copying both ways shows two arrows rather
/// than one line drawn twice. Deterministic: outlets in the order of the sources table, invariant culture.
/// </summary>
internal static class SourcesGraph
{
    public const int MaxOutlets = 40;
    private const double Width = 900, Height = 620, NodeMin = 7, NodeMax = 22;

    /// <param name="undirected">pairs of outlets sharing text of unknown direction, with how many page pairs</param>
    public static string Render(IReadOnlyList<SourceRow> rows, IReadOnlyDictionary<(string A, string B), int> undirected)
    {
        // Outlets in a link first (the graph is about them), then the rest while there is room.
        var linked = rows.Where(r => r.Copies.Count > 0 || r.CopiedBy.Count > 0 || r.SharedUndirected > 0).ToList();
        var nodes = linked.Concat(rows.Except(linked)).Take(MaxOutlets).ToList();
        var at = new Dictionary<string, (double X, double Y, double R)>(StringComparer.Ordinal);
        var (cx, cy) = (Width / 2, (Height / 2) + 5);
        var radius = Math.Min(Width, Height) / 2 - 110;
        var maxReports = Math.Max(1, nodes.Count == 0 ? 1 : nodes.Max(n => n.Reports + n.Pages));
        for (var i = 0; i < nodes.Count; i++)
        {
            var angle = (-Math.PI / 2) + (2 * Math.PI * i / nodes.Count);
            var size = NodeMin + ((NodeMax - NodeMin) * Math.Sqrt((nodes[i].Reports + nodes[i].Pages) / (double)maxReports));
            at[nodes[i].Outlet] = nodes.Count == 1 ? (cx, cy, size) : (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)), size);
        }

        var s = new StringBuilder();
        s.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" data-testid=\"sources-graph\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"));
        s.Append("<title>Who copies whom: an arrow goes from an outlet to an outlet that copied its pages</title>\n")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0b5cad\"/></marker></defs>\n")
            .Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        if (nodes.Count == 0)
        {
            s.Append(F($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"#666\">No outlets yet: ingest some pages.</text>\n</svg>\n"));
            return s.ToString();
        }

        foreach (var ((a, b), count) in undirected)
        {
            if (!at.TryGetValue(a, out var p) || !at.TryGetValue(b, out var q) || a == b)
                continue;
            s.Append(F($"<line class=\"shared\" x1=\"{p.X:0.#}\" y1=\"{p.Y:0.#}\" x2=\"{q.X:0.#}\" y2=\"{q.Y:0.#}\" stroke=\"#8b949e\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\">"))
                .Append("<title>").Append(Html.E($"{a} and {b} share the text of {Html.Count(count, "page pair")} (which came first is unknown)")).Append("</title></line>\n");
        }

        foreach (var row in nodes)
        {
            foreach (var (origin, count) in row.Copies)
            {
                if (!at.TryGetValue(origin, out var o) || origin == row.Outlet)
                    continue;
                Edge(s, o, at[row.Outlet], count, $"{row.Outlet} copied {origin} {(count == 1 ? "once" : $"{count} times")}");
            }
        }

        foreach (var row in nodes)
        {
            var (x, y, r) = at[row.Outlet];
            var self = row.Copies.TryGetValue(row.Outlet, out var own) ? own : 0;
            var tip = $"{row.Outlet}: {Html.Count(row.Pages, "page")} with figures, {Html.Count(row.Reports, "report")} of claims, copies {Sum(row.Copies)}, copied by {Sum(row.CopiedBy)}"
                + (self > 0 ? $", {self} within itself" : "");
            s.Append(F($"<g class=\"outlet-node\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" fill=\"#dbe9f7\" stroke=\"#0b5cad\" stroke-width=\"1.5\"/>"))
                .Append("<title>").Append(Html.E(tip)).Append("</title>");
            // Labels point away from the centre so they do not run over the edges.
            var (dx, dy) = (x - cx, y - cy);
            var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
            var (lx, ly) = nodes.Count == 1 ? (x, y + r + 16) : (x + (dx / length * (r + 8)), y + (dy / length * (r + 8)) + 4);
            var anchor = nodes.Count == 1 || Math.Abs(dx) < 30 ? "middle" : dx > 0 ? "start" : "end";
            s.Append(F($"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" text-anchor=\"{anchor}\" fill=\"#1f2328\">")).Append(Html.E(Shorten(row.Outlet))).Append("</text></g>\n");
        }

        if (rows.Count > nodes.Count)
            s.Append(F($"<text x=\"10\" y=\"{Height - 10}\" fill=\"#666\">")).Append(Html.E($"{rows.Count - nodes.Count} more outlets are in the table below.")).Append("</text>\n");
        return s.Append("</svg>\n").ToString();
    }

    private static void Edge(StringBuilder s, (double X, double Y, double R) from, (double X, double Y, double R) to, int count, string tip)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 1)
            return;
        var (ux, uy) = (dx / length, dy / length);
        // Start and end at the circles' rims, bend to the left of the direction of travel.
        var (x1, y1) = (from.X + (ux * from.R), from.Y + (uy * from.R));
        var (x2, y2) = (to.X - (ux * (to.R + 2)), to.Y - (uy * (to.R + 2)));
        var bend = Math.Min(40, length * 0.15);
        var (qx, qy) = (((x1 + x2) / 2) - (uy * bend), ((y1 + y2) / 2) + (ux * bend));
        var (mx, my) = ((0.25 * x1) + (0.5 * qx) + (0.25 * x2), (0.25 * y1) + (0.5 * qy) + (0.25 * y2));
        var width = Math.Min(6, 1.2 + Math.Log2(count));
        s.Append(F($"<g class=\"copy-edge\" data-count=\"{count}\"><path d=\"M{x1:0.#},{y1:0.#} Q{qx:0.#},{qy:0.#} {x2:0.#},{y2:0.#}\" fill=\"none\" stroke=\"#0b5cad\" stroke-opacity=\"0.75\" stroke-width=\"{width:0.#}\" marker-end=\"url(#arrow)\"/>"))
            .Append("<title>").Append(Html.E(tip)).Append("</title>")
            .Append(F($"<circle cx=\"{mx:0.#}\" cy=\"{my:0.#}\" r=\"9\" fill=\"#ffffff\" stroke=\"#0b5cad\"/><text x=\"{mx:0.#}\" y=\"{my + 4:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b5cad\">{count}</text></g>\n"));
    }

    private static string Sum(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum().ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string name) => name.Length <= 28 ? name : name[..27] + "\u2026";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
