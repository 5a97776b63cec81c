using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace sources</c>: the outlets of the database as a fact-checker weighs them: pages and reports of
/// claims, whom they copy and who copies them, and how often they carry a disputed claim without flagging it.
/// </summary>
public static class SourcesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "print JSON Lines (one object per outlet) instead of a table" };
        var command = new Command("sources", "List outlets: who copies whom, and how often each carries a disputed claim without flagging it.") { json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var corpus = StoreLinking.Link(store);

            var rows = SourceSummary.Of(corpus, store);
            if (parsed.GetValue(json))
            {
                foreach (var row in rows)
                    JsonLines.Write(env, row);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "outlet", "pages", "reports", "disputed claims carried", "of them not flagged", "disputes raised", "copies", "copied by" })
                table.AddColumn(header);
            foreach (var r in rows)
            {
                table.AddRow(
                    Markup.Escape(r.Outlet), N(r.Pages), N(r.Reports), N(r.DisputedCarried), N(r.DisputedUnflagged), N(r.FlagsRaised),
                    Markup.Escape(Counts(r.Copies) + (r.SharedUndirected > 0 ? $" (+{r.SharedUndirected} shared, direction unknown)" : "")),
                    Markup.Escape(Counts(r.CopiedBy)));
            }

            env.Console.Write(table);
            if (!parsed.GetValue(globals.Quiet))
                env.Console.MarkupLine("pages and reports count pages that give a figure of a known measure; 'not flagged': the outlet's page carries the claim and raises no dispute of it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Select(c => c.Value == 1 ? c.Key : $"{c.Key} ×{c.Value}"));
}
