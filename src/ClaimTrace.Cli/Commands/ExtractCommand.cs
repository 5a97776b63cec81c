using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace extract FILE... --json</c>: everything extracted, per document, without a database.
/// With --json the output is JSON Lines in the documented schema (docs/extraction-json.md); an input that
/// fails becomes an object with an "error" member, so a scorer sees every input it gave.
/// </summary>
public static class ExtractCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var paths = new Argument<string[]>("file") { Description = "files or folders; '-' reads standard input", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "print one JSON object per document (JSON Lines)" };
        var pretty = new Option<bool>("--pretty") { Description = "indent the JSON (one object after another, no longer one a line)" };
        var format = FormatOption.Create();
        var command = new Command("extract", "Extract pages without storing them; print a summary or the extraction JSON.") { paths, json, pretty, format };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var processor = Pipelines.CreateProcessor();
            var asJson = parsed.GetValue(json) || parsed.GetValue(pretty);
            var indented = parsed.GetValue(pretty);
            int pages = 0, failures = 0;
            foreach (var input in Inputs.Walker(env).Read(parsed.GetRequiredValue(paths), parsed.GetValue(format)))
            {
                var outcome = input.Page is { } raw ? processor.Process(raw) : PageOutcome.Fail(input.Failure!);
                if (outcome.Page is { } page)
                {
                    pages++;
                    if (asJson)
                        ExtractionJson.WritePage(env.StandardOutput, page, indented);
                    else
                        PageView.Write(env.Console, page);
                }
                else
                {
                    failures++;
                    env.StandardError.WriteLine($"skipped {outcome.Failure}");
                    if (asJson)
                        ExtractionJson.WriteFailure(env.StandardOutput, outcome.Failure!, indented);
                }

                if (asJson)
                {
                    env.StandardOutput.WriteByte((byte)'\n');
                    env.StandardOutput.Flush();
                }
            }

            if (!asJson && !parsed.GetValue(globals.Quiet))
                env.Console.MarkupLineInterpolated($"{pages} extracted, {failures} skipped");
            if (pages == 0)
                return ExitCodes.Failed;
            return failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}
