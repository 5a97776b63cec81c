using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace claims</c>: statements and quantities across stored documents, filtered, as a table, JSON Lines
/// (one object per row, the same snake-case names as <c>docs --json</c>) or CSV (RFC 4180: header row, CRLF,
/// fields quoted when they hold a comma, quote or line break, quotes doubled).
/// </summary>
public static class ClaimsCommand
{
    private static readonly string[] Formats = ["table", "json", "csv"];

    public static Command Create(GlobalOptions globals)
    {
        var speaker = new Option<string?>("--speaker") { Description = "speaker's name or mention contains this (ignoring case)" };
        var measure = new Option<string?>("--measure") { Description = "only quantities of this measure (a key of the measures file)" };
        var scope = new Option<string?>("--scope") { Description = "only quantities about this place" };
        var from = new Option<string?>("--from") { Description = "on or after this date (2018, 2018-12 or 2018-12-11): the statement's date, else the page's" };
        var to = new Option<string?>("--to") { Description = "on or before this date (inclusive)" };
        var outlet = new Option<string?>("--outlet") { Description = "only documents of this outlet" };
        var stance = new Option<string?>("--stance") { Description = "only statements the page takes this stance toward: " + string.Join(", ", AnalysisWireNames.All<StanceKind>()) };
        stance.AcceptOnlyFromAmong([.. AnalysisWireNames.All<StanceKind>()]);
        var comments = new Option<bool>("--include-comments") { Description = "also list what readers wrote in comments (never attributed to anyone)" };
        var format = new Option<string>("--format") { Description = "table, json (JSON Lines) or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Formats);
        var limit = new Option<int>("--limit") { Description = "at most this many rows", DefaultValueFactory = _ => 100 };
        var offset = new Option<int>("--offset") { Description = "skip this many rows", DefaultValueFactory = _ => 0 };
        var command = new Command("claims", "List attributed statements and quantities, with their speakers, dates and documents.")
        {
            speaker, measure, scope, from, to, outlet, stance, comments, format, limit, offset,
        };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            if (!ListingArguments.Valid(env, parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(limit), parsed.GetValue(offset)))
                return ExitCodes.Usage;

            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var query = new ClaimQuery(
                parsed.GetValue(offset), parsed.GetValue(limit), parsed.GetValue(speaker), parsed.GetValue(measure), parsed.GetValue(scope),
                parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(outlet),
                AnalysisWireNames.FromWire<StanceKind>(parsed.GetValue(stance)), parsed.GetValue(comments));
            IReadOnlyList<ClaimRow> rows;
            try
            {
                rows = store.ListClaims(query);
            }
            catch (StoreException e)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            switch (parsed.GetValue(format))
            {
                case "json":
                    foreach (var row in rows)
                        JsonLines.Write(env, row);
                    break;
                case "csv":
                    ClaimsCsv.Write(env.StandardOutput, rows);
                    break;
                default:
                    WriteTable(env, rows);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliEnvironment env, IReadOnlyList<ClaimRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "date", "outlet", "speaker", "cue", "claim", "value", "measure", "scope", "stance", "doc" })
            table.AddColumn(header);
        foreach (var r in rows)
        {
            var claim = r.Kind == ClaimRowKind.Statement
                ? $"[green]{Markup.Escape(DocsCommand.Shorten(r.Text, 70))}[/]"
                : $"[fuchsia]{Markup.Escape(DocsCommand.Shorten(r.Text, 40))}[/]";
            if (r.InComments)
                claim = "[grey](comment)[/] " + claim;
            table.AddRow(
                Markup.Escape(r.Date ?? "–"),
                Markup.Escape(r.Outlet ?? "–"),
                Markup.Escape(r.Speaker ?? (r.Kind == ClaimRowKind.Statement || r.Statement is not null ? "(unattributed)" : "–")),
                Markup.Escape(r.Cue ?? ""),
                claim,
                Markup.Escape(r.Value is { } v ? ClaimsCsv.Number(v) + (r.ValueMax is { } max ? "–" + ClaimsCsv.Number(max) : "") + " " + r.Unit : ""),
                Markup.Escape(r.Measure ?? ""),
                Markup.Escape(r.Scope ?? ""),
                Markup.Escape(string.Join(", ", r.Stances.Select(s => s.ToWire()))),
                Markup.Escape($"{r.DocumentId} @{r.Start}-{r.End}"));
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"{rows.Count} rows (statements and quantities; see --format json or csv for every field)");
    }
}

/// <summary>Claims as RFC 4180 CSV: a header row, CRLF line ends, a field quoted only when it needs to be.</summary>
internal static class ClaimsCsv
{
    private static readonly string[] Header =
    [
        "kind", "document_id", "version", "outlet", "published", "title", "date", "event_date", "speaker", "speaker_written", "cue",
        "statement_kind", "statement", "text", "start", "end", "value", "value_max", "unit", "qualifier", "what", "measure", "scope",
        "stances", "in_comments",
    ];

    public static void Write(Stream output, IReadOnlyList<ClaimRow> rows)
    {
        // No byte order mark: a BOM would end up inside the first header name for most CSV readers but Excel.
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Header));
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.Kind == ClaimRowKind.Statement ? "statement" : "quantity", r.DocumentId, Int(r.Version), r.Outlet, r.Published, r.Title,
                r.Date, r.EventDate, r.Speaker, r.SpeakerWritten, r.Cue, r.StatementKind?.ToWire(), r.Statement is { } s ? Int(s) : null,
                r.Text, Int(r.Start), Int(r.End), r.Value is { } v ? Number(v) : null, r.ValueMax is { } m ? Number(m) : null, r.Unit,
                r.Qualifier, r.What, r.Measure, r.Scope, string.Join(';', r.Stances.Select(k => k.ToWire())), r.InComments ? "true" : "false",
            ];
            writer.WriteLine(string.Join(',', fields.Select(Field)));
        }
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Shortest round-trip form, invariant culture: 96.5 stays 96.5 on a German machine.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
