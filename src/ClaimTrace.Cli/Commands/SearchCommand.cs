using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace search</c>: full-text search over statements, articles and reader comments (syntax in
/// docs/search.md), as a table with the matched words, speaker and numbers highlighted and the facet counts
/// below it, or as one JSON object (hits with snippet and highlight offsets, total, facets).
/// </summary>
public static class SearchCommand
{
    private static readonly string[] Kinds = ["all", "statements", "pages"];

    public static Command Create(GlobalOptions globals)
    {
        // Several arguments are one query, so unquoted words work; after '--' a query may start with '-word'.
        var text = new Argument<string[]>("query")
        {
            Description = "words (all required), \"quoted phrases\", -excluded words, prefix*; leave out to list what the filters let through",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kind = new Option<string>("--kind") { Description = "statements, pages (articles and comments) or all", DefaultValueFactory = _ => "all" };
        kind.AcceptOnlyFromAmong(Kinds);
        var speaker = new Option<string?>("--speaker") { Description = "words of the speaker's name or mention begin so (ignoring case): mizin finds Mizintsev" };
        var outlet = new Option<string?>("--outlet") { Description = "only documents of this outlet" };
        var measure = new Option<string?>("--measure") { Description = "holding a quantity of this measure (a key of the measures file)" };
        var place = new Option<string?>("--place") { Description = "holding a quantity about this place (its scope)" };
        var from = new Option<string?>("--from") { Description = "on or after this date (2018, 2018-12 or 2018-12-11): the statement's date, else the page's" };
        var to = new Option<string?>("--to") { Description = "on or before this date (inclusive)" };
        var stance = new Option<string?>("--stance") { Description = "holding a statement the page takes this stance toward: " + string.Join(", ", AnalysisWireNames.All<StanceKind>()) };
        stance.AcceptOnlyFromAmong([.. AnalysisWireNames.All<StanceKind>()]);
        var noComments = new Option<bool>("--no-comments") { Description = "leave out what readers wrote in comments" };
        var json = new Option<bool>("--json") { Description = "print the results as one JSON object (hits, total, facets)" };
        var limit = new Option<int>("--limit") { Description = "at most this many hits", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "skip this many hits", DefaultValueFactory = _ => 0 };
        var command = new Command("search", "Full-text search over statements, articles and reader comments, with filters and facet counts.")
        {
            text, kind, speaker, outlet, measure, place, from, to, stance, noComments, json, limit, offset,
        };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            if (!ListingArguments.Valid(env, parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(limit), parsed.GetValue(offset)))
                return ExitCodes.Usage;

            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var query = new SearchQuery(
                string.Join(' ', parsed.GetValue(text) ?? []),
                parsed.GetValue(kind) switch { "statements" => SearchKind.Statements, "pages" => SearchKind.Pages, _ => SearchKind.All },
                parsed.GetValue(speaker), parsed.GetValue(outlet), parsed.GetValue(measure), parsed.GetValue(place),
                parsed.GetValue(from), parsed.GetValue(to), AnalysisWireNames.FromWire<StanceKind>(parsed.GetValue(stance)),
                !parsed.GetValue(noComments), parsed.GetValue(offset), parsed.GetValue(limit));
            SearchResults results;
            try
            {
                results = store.Search(query);
            }
            catch (SearchQueryException e)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (StoreException e)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
                JsonLines.Write(env, results);
            else
                WriteTable(env, query, results, parsed.GetValue(globals.Quiet));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliEnvironment env, SearchQuery query, SearchResults results, bool quiet)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "#", "date", "outlet", "speaker", "hit", "doc" })
            table.AddColumn(header);
        var n = query.Offset;
        foreach (var hit in results.Hits)
        {
            var who = hit.Kind switch
            {
                SearchHitKind.Statement => hit.Speaker ?? "(unattributed)",
                SearchHitKind.Comment => "(comment" + (hit.CommentAuthor is { } a ? " by " + a : "") + ")",
                _ => "(article)",
            };
            table.AddRow(
                (++n).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(hit.Date ?? "–"),
                Markup.Escape(hit.Outlet ?? "–"),
                Markup.Escape(who),
                Marked(hit.Snippet) + (hit.InComments && hit.Kind == SearchHitKind.Statement ? " [grey](in comments)[/]" : ""),
                Markup.Escape($"{hit.DocumentId} @{hit.Start}-{hit.End}"));
        }

        env.Console.Write(table);
        if (quiet)
            return;
        env.Console.MarkupLineInterpolated($"{results.Hits.Count} shown of {results.Total:N0} hits for: {(results.Terms.MatchesEverything ? "(everything)" : results.Terms.ToString())}");
        if (results.Truncated)
            env.Console.MarkupLineInterpolated($"[yellow]More units match than the {results.Window:N0} a search ranks in full: the hits and counts cover the most recently stored of them. Add words or filters to narrow it.[/]");
        foreach (var (name, counts) in new[]
        {
            ("outlets", results.Facets.Outlets), ("speakers", results.Facets.Speakers),
            ("measures", results.Facets.Measures), ("stances", results.Facets.Stances),
        })
        {
            if (counts.Count > 0)
                env.Console.MarkupLine($"[grey]{name}:[/] " + Markup.Escape(string.Join(", ", counts.Select(c => $"{c.Value} ({c.Count.ToString(CultureInfo.InvariantCulture)})"))));
        }
    }

    /// <summary>
    /// The snippet as Spectre markup on one line: words the query asked for in bold yellow, numbers in fuchsia,
    /// the speaker in cyan. Where highlights overlap, a match shows over a number, a number over the speaker.
    /// </summary>
    internal static string Marked(SearchSnippet snippet)
    {
        var text = snippet.Text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        var kinds = new HighlightKind?[text.Length];
        foreach (var h in snippet.Highlights.OrderByDescending(h => Priority(h.Kind)))
        {
            for (var i = Math.Max(0, h.Start); i < Math.Min(text.Length, h.End); i++)
                kinds[i] ??= h.Kind;
        }

        var markup = new StringBuilder(snippet.CutBefore ? "…" : "");
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && kinds[i] == kinds[start])
                continue;
            var piece = Markup.Escape(text[start..i]);
            markup.Append(kinds[start] switch
            {
                HighlightKind.Match => $"[bold yellow]{piece}[/]",
                HighlightKind.Quantity => $"[fuchsia]{piece}[/]",
                HighlightKind.Speaker => $"[cyan]{piece}[/]",
                _ => piece,
            });
            start = i;
        }

        return markup.Append(snippet.CutAfter ? "…" : "").ToString();
    }

    private static int Priority(HighlightKind kind) => kind switch
    {
        HighlightKind.Match => 3,
        HighlightKind.Quantity => 2,
        _ => 1,
    };
}
