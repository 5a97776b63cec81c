using System.CommandLine;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace dossier QUERY</c>: links the store's claims (copy links first, see docs/linking.md) and tells the
/// story of the claims the query names — a claim id, a measure, a speaker, or words of the reports — as Markdown
/// (default), JSON, or one self-contained HTML file with SVG timelines.
/// </summary>
public static class DossierCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var query = new Argument<string>("query") { Description = "a claim id, a measure or measure family (territory), a speaker or side, or words of the reports (96.5); \"\" for every claim" };
        var format = new Option<string>("--format") { Description = "markdown, json or html", DefaultValueFactory = _ => "markdown" };
        var outPath = new Option<string?>("--out") { Description = "write the dossier to this file instead of the terminal" };
        var command = new Command("dossier", "The story of a claim across pages and time: reports, dates, disputes, contradictions, revisions, copies.") { query, format, outPath };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var kind = parsed.GetValue(format)?.ToLowerInvariant();
            if (kind is not ("markdown" or "md" or "json" or "html"))
            {
                env.StandardError.WriteLine($"claimtrace: --format must be markdown, json or html, not '{parsed.GetValue(format)}'");
                return ExitCodes.Usage;
            }

            // The store stays open while the corpus is used: it reads the pages it shows from it.
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var corpus = StoreLinking.Link(store);

            var dossier = Dossier.For(corpus, parsed.GetRequiredValue(query));
            var text = kind switch
            {
                "json" => DossierJson.Render(dossier),
                "html" => DossierHtml.Render(dossier),
                _ => DossierMarkdown.Render(dossier),
            };
            if (parsed.GetValue(outPath) is { } path)
            {
                File.WriteAllText(path, text);
                if (!parsed.GetValue(globals.Quiet))
                    env.StandardError.WriteLine($"claimtrace: wrote {path} ({dossier.Claims.Count} claims)");
            }
            else
            {
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
                env.StandardOutput.Write(bytes);
                env.StandardOutput.Flush();
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
