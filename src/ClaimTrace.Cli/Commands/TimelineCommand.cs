using System.CommandLine;
using System.Text;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace timeline MEASURE [--scope PLACE] [--out chart.svg]</c>: the values of a measure (a key such as
/// <c>territory.is_free.share</c> or a family such as <c>territory</c>) over time, with revisions, contradictions and
/// disputes; a table, or an SVG chart with --out. PLACE is matched by containment: Syria holds Deir Ezzor's points.
/// </summary>
public static class TimelineCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var measure = new Argument<string>("MEASURE") { Description = "a measure key or family (its start is enough: 'territory')" };
        var scope = new Option<string?>("--scope") { Description = "only points about this place or places in it" };
        var output = new Option<string?>("--out") { Description = "write the chart as an SVG file here instead of printing a table" };
        var command = new Command("timeline", "Show how a measure's figures changed over time, per speaker, with the conflicts among them.") { measure, scope, output };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            // The store stays open while the corpus is used: it reads the pages it shows from it.
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var corpus = StoreLinking.Link(store);
            var wanted = parsed.GetValue(measure)!.Trim();
            var place = parsed.GetValue(scope);
            var timelines = Select(corpus.Result.Timelines, wanted, place);
            if (timelines.Count == 0)
            {
                var known = corpus.Result.Timelines.Select(t => $"{t.Family} ({t.Scope})").Distinct().Order(StringComparer.Ordinal).ToList();
                env.StandardError.WriteLine($"claimtrace: no timeline of '{wanted}'{(place is null ? "" : $" in '{place}'")}; " +
                    (known.Count == 0 ? "the database has no figures of a known measure." : "there are: " + string.Join(", ", known)));
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(output) is { } path)
            {
                File.WriteAllText(path, SvgTimeline.Render(timelines), new UTF8Encoding(false));
                if (!parsed.GetValue(globals.Quiet))
                    env.Console.MarkupLineInterpolated($"wrote {path}: {timelines.Count} timeline(s), {timelines.Sum(t => t.Points.Count)} points");
                return ExitCodes.Ok;
            }

            foreach (var t in timelines)
                Print(env, t);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The timelines of a measure or family, cut to the points about <paramref name="place"/> or places within it.</summary>
    internal static List<Timeline> Select(IEnumerable<Timeline> timelines, string measure, string? place)
    {
        var found = new List<Timeline>();
        foreach (var t in timelines)
        {
            if (!t.Family.StartsWith(measure, StringComparison.OrdinalIgnoreCase) && !t.Points.Any(p => p.Measure.StartsWith(measure, StringComparison.OrdinalIgnoreCase)))
                continue;
            if (place is null)
            {
                found.Add(t);
                continue;
            }

            var points = t.Points.Where(p => Within(place, p.Scope ?? t.Scope)).ToList();
            if (points.Count == 0)
                continue;
            var ids = points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            found.Add(t with { Points = points, Conflicts = [.. t.Conflicts.Where(c => ids.Contains(c.Claim))] });
        }

        return found;
    }

    private static bool Within(string outer, string inner) =>
        Gazetteer.Default.Contains(outer, inner) || string.Equals(outer.Trim(), inner, StringComparison.OrdinalIgnoreCase);

    private static void Print(CliEnvironment env, Timeline t)
    {
        env.Console.MarkupLineInterpolated($"[bold]{t.Family} in {t.Scope}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "date", "figure", "speaker", "place", "reports", "flags" })
            table.AddColumn(header);
        foreach (var p in t.Points)
        {
            var flags = t.Conflicts.Where(c => c.Claim == p.Id).Select(c => c.Kind switch
            {
                ConflictKind.Dispute => "disputed by " + c.Evidence.By,
                ConflictKind.Contradiction => "contradicts " + c.Other,
                _ => "revises " + c.Other,
            });
            table.AddRow(
                Markup.Escape(p.Date is null ? "no date" : ClaimWords.Date(p.Date)),
                Markup.Escape(ClaimWords.Figure(p.Qualifier, p.Value, p.ValueMax, p.Unit) + (p.FamilyValue != p.Value ? $" (= {ClaimWords.Figure(null, p.FamilyValue, null, p.Unit)} on the family scale)" : "")),
                Markup.Escape(p.Side.Display),
                Markup.Escape(p.Scope ?? ""),
                p.Reports.Count(r => !r.IsEcho).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("; ", flags)));
        }

        env.Console.Write(table);
    }
}
