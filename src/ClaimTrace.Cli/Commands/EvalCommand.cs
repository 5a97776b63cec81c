using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary><c>claimtrace eval ...</c>: score the product against gold files and print a table or JSON.</summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("eval", "Score extraction against gold annotations.");
        command.Add(Segments(globals));
        command.Add(Readability(globals));
        command.Add(Analysis(globals));
        command.Add(Polnear(globals));
        command.Add(NewsQuant(globals));
        return command;
    }

    private static Command Segments(GlobalOptions globals)
    {
        var folder = new Argument<string>("folder") { Description = "a folder of pages with a gold file (expected.json, format: GOLD-FORMAT.md)" };
        var gold = new Option<string?>("--gold") { Description = "the gold file, if not FOLDER/expected.json" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var command = new Command("segments", "Line-level precision, recall and F1 of segments, metadata fields and comment threads.") { folder, gold, json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var pages = new GoldFolder(env, parsed.GetRequiredValue(folder));
            if (pages.GoldPath(parsed.GetValue(gold)) is not { } goldPath)
                return ExitCodes.Failed;

            GoldFile goldFile;
            try
            {
                goldFile = GoldFile.Load(goldPath);
            }
            catch (FormatException e)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            // The scorer wants a page for every gold document: an unreadable one scores as empty.
            var report = SegmentationScorer.Score(goldFile, file =>
                pages.Load(file) ?? PageAssembler.Assemble(file, PageFormat.Text, "none", new SegmentedPage("", PageMetadata.Empty, [], [])));
            var code = pages.Finish();

            if (parsed.GetValue(json))
            {
                WriteJson(env, report);
                return code;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("[bold]segments: line-level scores[/]");
            table.AddColumn("file");
            foreach (var kind in report.Totals.Keys)
                table.AddColumn(new TableColumn($"{kind.ToWire()} F1").RightAligned());
            table.AddColumn("metadata");
            table.AddColumn("comments");
            foreach (var doc in report.Documents)
            {
                var cells = new List<string> { Markup.Escape(doc.File) };
                cells.AddRange(doc.Kinds.Values.Select(c => c.Expected == 0 && c.Found == 0 ? "–" : F(c.F1)));
                var right = doc.Fields.Count(f => f.Correct);
                cells.Add(doc.Fields.Count == 0 ? "–" : $"{right}/{doc.Fields.Count}");
                var thread = doc.Thread is { } t ? $" authors {(t.AuthorsMatch ? "ok" : "wrong")}, replies {t.RepliesFound}/{t.RepliesExpected}" : "";
                cells.Add(Markup.Escape($"{doc.CommentsFound}{thread}"));
                table.AddRow(cells.ToArray());
            }

            var total = new List<string> { "[bold]all[/]" };
            total.AddRange(report.Totals.Values.Select(c => $"[bold]{F(c.F1)}[/]"));
            var allFields = report.Documents.SelectMany(d => d.Fields).ToList();
            total.Add($"[bold]{allFields.Count(f => f.Correct)}/{allFields.Count}[/]");
            total.Add("");
            table.AddRow(total.ToArray());
            env.Console.Write(table);
            foreach (var doc in report.Documents)
            {
                foreach (var field in doc.Fields.Where(f => !f.Correct))
                    env.Console.MarkupLineInterpolated($"[yellow]{doc.File}[/] {field.Field}: expected '{field.Expected ?? "(none)"}', found '{field.Found ?? "(none)"}'");
            }

            return code;
        });
        return command;
    }

    private static Command Readability(GlobalOptions globals)
    {
        var folder = new Argument<string>("folder") { Description = "a folder of cases, each a subfolder with source.html, expected.html and expected-metadata.json (Mozilla Readability's test-page layout)" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var worst = new Option<int>("--worst") { Description = "how many of the lowest-scoring pages to list", DefaultValueFactory = _ => 10 };
        var command = new Command("readability", "Main-text extraction from HTML against Readability.js's output: precision, recall and F1 of word 4-gram shingles, and metadata agreement.") { folder, json, worst };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var dir = parsed.GetRequiredValue(folder);
            if (!Directory.Exists(dir))
            {
                env.StandardError.WriteLine($"claimtrace: no folder at {dir}");
                return ExitCodes.Failed;
            }

            var report = ReadabilityComparison.Run(dir, new HtmlSegmenter());
            if (report.Cases.Count == 0)
            {
                env.StandardError.WriteLine($"claimtrace: {dir} holds no cases (subfolders with source.html and expected.html)");
                return ExitCodes.Failed;
            }

            foreach (var failure in report.Failures)
                env.StandardError.WriteLine($"failed {failure}");
            if (parsed.GetValue(json))
            {
                WriteJsonPayload(env, new
                {
                    cases = report.Cases.Count,
                    mean_precision = report.MeanPrecision,
                    mean_recall = report.MeanRecall,
                    mean_f1 = report.MeanF1,
                    title = Agreement(report.Title),
                    byline = Agreement(report.Byline),
                    published = Agreement(report.Published),
                    pages = report.Cases.Select(c => new
                    {
                        name = c.Name,
                        precision = c.Precision,
                        recall = c.Recall,
                        f1 = c.F1,
                        title_match = c.TitleMatch,
                        byline_match = c.BylineMatch,
                        published_match = c.PublishedMatch,
                        error = c.Error,
                    }),
                });
                return report.Failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]readability: {report.Cases.Count} pages[/]");
            table.AddColumn("measure");
            table.AddColumn(new TableColumn("value").RightAligned());
            table.AddRow("mean shingle precision", F(report.MeanPrecision));
            table.AddRow("mean shingle recall", F(report.MeanRecall));
            table.AddRow("[bold]mean shingle F1[/]", $"[bold]{F(report.MeanF1)}[/]");
            table.AddRow("title agrees", Markup.Escape(report.Title.ToString()));
            table.AddRow("byline agrees", Markup.Escape(report.Byline.ToString()));
            table.AddRow("published agrees", Markup.Escape(report.Published.ToString()));
            env.Console.Write(table);

            var lowest = new Table().Border(TableBorder.Simple).Title("lowest F1");
            foreach (var header in new[] { "page", "precision", "recall", "F1" })
                lowest.AddColumn(header);
            foreach (var c in report.Cases.OrderBy(c => c.F1).ThenBy(c => c.Name, StringComparer.Ordinal).Take(Math.Max(0, parsed.GetValue(worst))))
                lowest.AddRow(Markup.Escape(c.Name), F(c.Precision), F(c.Recall), F(c.F1));
            env.Console.Write(lowest);
            return report.Failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Analysis(GlobalOptions globals)
    {
        var folder = new Argument<string>("folder") { Description = "a folder of pages with a gold file (expected.json, format: GOLD-FORMAT.md)" };
        var gold = new Option<string?>("--gold") { Description = "the gold file, if not FOLDER/expected.json" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var command = new Command("analysis", "Statements (speaker by line), quantities (value and unit), stance cues and event dates against a gold file.") { folder, gold, json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var pages = new GoldFolder(env, parsed.GetRequiredValue(folder));
            if (pages.GoldPath(parsed.GetValue(gold)) is not { } goldPath)
                return ExitCodes.Failed;

            AnalysisReport report;
            try
            {
                report = AnalysisScorer.Score(goldPath, pages.Load);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                env.StandardError.WriteLine($"claimtrace: {goldPath} is not a gold file in the expected format: {e.Message}");
                return ExitCodes.Failed;
            }

            var code = pages.Finish();
            if (parsed.GetValue(json))
            {
                WriteJsonPayload(env, new
                {
                    speakers = TallyJson(report.Speakers),
                    quantity_recall = TallyJson(report.QuantityRecall),
                    quantity_precision = TallyJson(report.QuantityPrecision),
                    scopes = TallyJson(report.Scopes),
                    stance = TallyJson(report.Stances),
                    event_dates = TallyJson(report.EventDates),
                    documents = report.Documents.Select(d => new
                    {
                        file = d.File,
                        speakers = TallyJson(d.Speakers),
                        quantity_recall = TallyJson(d.QuantityRecall),
                        quantity_precision = TallyJson(d.QuantityPrecision),
                        scopes = TallyJson(d.Scopes),
                        stance = TallyJson(d.Stances),
                        event_dates = TallyJson(d.EventDates),
                        misses = d.Misses,
                    }),
                });
                return code;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("[bold]analysis against the gold[/]");
            foreach (var header in new[] { "file", "speakers", "quantity recall", "quantity precision", "scopes", "stance", "event dates" })
                table.AddColumn(header);
            foreach (var d in report.Documents)
                table.AddRow(Markup.Escape(d.File), d.Speakers.ToString(), d.QuantityRecall.ToString(), d.QuantityPrecision.ToString(), d.Scopes.ToString(), d.Stances.ToString(), d.EventDates.ToString());
            table.AddRow("[bold]all[/]", $"[bold]{report.Speakers}[/]", $"[bold]{report.QuantityRecall}[/]", $"[bold]{report.QuantityPrecision}[/]", $"[bold]{report.Scopes}[/]", $"[bold]{report.Stances}[/]", $"[bold]{report.EventDates}[/]");
            env.Console.Write(table);
            foreach (var d in report.Documents)
            {
                foreach (var miss in d.Misses)
                    env.Console.MarkupLineInterpolated($"[yellow]{d.File}[/] {miss}");
            }

            return code;
        });
        return command;
    }

    private static Command Polnear(GlobalOptions globals)
    {
        var folder = new Argument<string>("split") { Description = "a PolNeAR split folder holding text/ and attributions/ (brat standoff), e.g. ../shared/corpus/polnear/data/dev" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var misses = new Option<int?>("--misses") { Description = "instead of scores, print the N largest groups of missed, spurious and wrongly sourced cues with examples (for development on train)" };
        var examples = new Option<int>("--examples") { Description = "with --misses: examples printed per group", DefaultValueFactory = _ => 3 };
        var command = new Command("polnear", "Attribution (source, cue, content spans) against PolNeAR brat files: precision, recall and F1, exact and overlap match.") { folder, json, misses, examples };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            PolnearReport report;
            try
            {
                if (parsed.GetValue(misses) is { } groups)
                {
                    env.StandardOutput.Write(System.Text.Encoding.UTF8.GetBytes(PolnearDiagnostics.Misses(parsed.GetRequiredValue(folder), groups, parsed.GetValue(examples))));
                    return ExitCodes.Ok;
                }

                report = PolnearEvaluation.Run(parsed.GetRequiredValue(folder));
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FormatException or IOException)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
            {
                WriteJsonPayload(env, new
                {
                    documents = report.Documents,
                    exact = report.Exact.ToDictionary(k => k.Key, k => SpanJson(k.Value)),
                    overlap = report.Overlap.ToDictionary(k => k.Key, k => SpanJson(k.Value)),
                });
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]PolNeAR: {report.Documents} documents[/]");
            foreach (var header in new[] { "role", "match", "gold", "found", "precision", "recall", "F1" })
                table.AddColumn(header);
            foreach (var (name, scores) in new[] { ("exact", report.Exact), ("overlap", report.Overlap) })
            {
                foreach (var role in PolnearReport.Roles)
                {
                    var score = scores[role];
                    table.AddRow(role, name, score.Gold.ToString("N0"), score.Found.ToString("N0"), F(score.Precision), F(score.Recall), F(score.F1));
                }
            }

            env.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object SpanJson(SpanScore s) => new { gold = s.Gold, found = s.Found, precision = s.Precision, recall = s.Recall, f1 = s.F1 };

    private static Command NewsQuant(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "a NewsQuant JSON file (an array of sentences with their quantities), e.g. ../shared/corpus/newsquant/NewsQuant-dev.json" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var command = new Command("newsquant", "Quantity extraction against NewsQuant: precision, recall and F1 of value, value+unit and referred concept.") { file, json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            NewsQuantScore score;
            try
            {
                score = NewsQuantEvaluation.Run(parsed.GetRequiredValue(file), new QuantityExtractor());
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException or FormatException)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
            {
                WriteJsonPayload(env, new { sentences = score.Sentences, value = PrJson(score.Value), value_unit = PrJson(score.ValueUnit), concept = PrJson(score.Concept) });
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]NewsQuant: {score.Sentences} sentences[/]");
            foreach (var header in new[] { "match", "precision", "recall", "F1" })
                table.AddColumn(header);
            foreach (var (name, pr) in new[] { ("value", score.Value), ("value + unit", score.ValueUnit), ("referred concept", score.Concept) })
                table.AddRow(name, F(pr.Precision), F(pr.Recall), F(pr.F1));
            env.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object PrJson(PrecisionRecall pr) => new { matched = pr.Matched, predicted = pr.Predicted, gold = pr.Gold, precision = pr.Precision, recall = pr.Recall, f1 = pr.F1 };

    private static object TallyJson(Tally tally) => new { right = tally.Right, total = tally.Total, rate = tally.Rate };

    private static object Agreement(FieldAgreement field) => new { matched = field.Matched, expected = field.Expected, rate = field.Rate };

    private static void WriteJson(CliEnvironment env, SegmentationReport report)
    {
        var payload = new
        {
            totals = report.Totals.ToDictionary(k => k.Key.ToWire(), k => Scores(k.Value)),
            documents = report.Documents.Select(d => new
            {
                file = d.File,
                kinds = d.Kinds.ToDictionary(k => k.Key.ToWire(), k => Scores(k.Value)),
                fields = d.Fields.Select(f => new { field = f.Field, expected = f.Expected, found = f.Found, correct = f.Correct }),
                comments_found = d.CommentsFound,
                comments_min = d.CommentsMin,
                thread = d.Thread,
            }),
        };
        WriteJsonPayload(env, payload);
    }

    private static void WriteJsonPayload(CliEnvironment env, object payload)
    {
        JsonSerializer.Serialize(env.StandardOutput, payload, JsonOptions);
        env.StandardOutput.WriteByte((byte)'\n');
        env.StandardOutput.Flush();
    }

    private static object Scores(LineCounts c) => new { precision = c.Precision, recall = c.Recall, f1 = c.F1, expected = c.Expected, found = c.Found, true_positives = c.TruePositives };

    internal static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
