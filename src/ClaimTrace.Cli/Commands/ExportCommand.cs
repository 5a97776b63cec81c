using System.CommandLine;
using System.Text;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace export --format csv|jsonl|claimreview [--out FILE]</c>: every claim of the database with its
/// reports, as CSV (a row per report), JSON Lines (an object per claim) or schema.org ClaimReview JSON-LD.
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Formats = ["csv", "jsonl", "claimreview"];

    public static Command Create(GlobalOptions globals)
    {
        var format = new Option<string>("--format") { Description = "csv (a row per report), jsonl (an object per claim) or claimreview (schema.org JSON-LD)", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "write to this file instead of standard output" };
        var command = new Command("export", "Export claims and their reports as CSV, JSON Lines or schema.org ClaimReview.") { format, output };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            // The store stays open while the corpus is used: it reads the pages it shows from it.
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var corpus = StoreLinking.Link(store);
            var path = parsed.GetValue(output);
            using var file = path is null ? null : File.Create(path);
            var stream = file ?? env.StandardOutput;
            switch (parsed.GetValue(format))
            {
                case "csv":
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                        ClaimExport.WriteCsv(corpus, writer);
                    break;
                case "jsonl":
                    ClaimExport.WriteJsonLines(corpus, stream);
                    break;
                default:
                    ClaimReviewJsonLd.Write(corpus, stream);
                    break;
            }

            stream.Flush();
            if (path is not null && !parsed.GetValue(globals.Quiet))
                env.Console.MarkupLineInterpolated($"wrote {path}: {corpus.Result.Claims.Count} claims, {corpus.Result.Claims.Sum(c => c.Reports.Count)} reports");
            return ExitCodes.Ok;
        });
        return command;
    }
}
