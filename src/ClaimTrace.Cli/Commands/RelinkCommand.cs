using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace relink</c>: forgets every fingerprint and copy link and rebuilds them from the stored pages, then
/// links the claims again and says what there is. Ingest keeps copy links up to date page by page; relink gives the
/// same links from scratch, after changing the duplicate settings or the data files.
/// </summary>
public static class RelinkCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("relink", "Rebuild copy links from the stored pages and link the claims again.");
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var copies = new CopyLinkRunner(store).Run(relink: true);
            var corpus = StoreLinking.Relink(store);
            var result = corpus.Result;
            if (!parsed.GetValue(globals.Quiet))
            {
                env.Console.MarkupLineInterpolated(
                    $"{copies.Fingerprinted:N0} pages fingerprinted, {copies.Links:N0} copy links; {result.Claims.Count:N0} claims from {corpus.Pages.Count:N0} pages, {result.SameEvents.Count:N0} events, {result.Conflicts.Count:N0} conflicts, {result.InferredDates.Count:N0} dates inferred through links");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
