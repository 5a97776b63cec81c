using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace copies</c>: links the pages not linked yet (near-duplicates and credited crossposts, see
/// docs/linking.md), then lists the links with their direction and evidence.
/// </summary>
public static class CopiesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var page = new Option<string?>("--page") { Description = "only links of this document (id, id prefix, key or source)" };
        var pairs = new Option<bool>("--pairs") { Description = "only links between two stored pages, not credits to an outlet alone" };
        var relink = new Option<bool>("--relink") { Description = "forget every fingerprint and link and rebuild them from the pages" };
        var limit = new Option<int>("--limit") { Description = "at most this many rows", DefaultValueFactory = _ => 100 };
        var offset = new Option<int>("--offset") { Description = "skip this many rows", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print JSON Lines instead of a table" };
        var command = new Command("copies", "Link copies and crossposts to their origins, and list who copied whom.") { page, pairs, relink, limit, offset, json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;

            var run = new CopyLinkRunner(store).Run(parsed.GetValue(relink));
            string? pageId = null;
            if (parsed.GetValue(page) is { } wanted)
            {
                if (store.Find(wanted) is not { } found)
                {
                    env.StandardError.WriteLine($"claimtrace: no document '{wanted}' in the database");
                    return ExitCodes.Failed;
                }

                pageId = found.Page.Id;
            }

            var links = store.ListCopyLinks(new CopyLinkQuery(pageId, parsed.GetValue(pairs), parsed.GetValue(offset), parsed.GetValue(limit)));
            if (parsed.GetValue(json))
            {
                foreach (var link in links)
                    JsonLines.Write(env, link);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "copy", "origin", "direction", "evidence" })
                table.AddColumn(header);
            foreach (var link in links)
            {
                table.AddRow(
                    Markup.Escape(Describe(store, link.CopyId)),
                    Markup.Escape(link.OriginId is { } origin ? Describe(store, origin) : "outlet " + link.OriginOutlet),
                    link.Direction.ToWire(),
                    Markup.Escape(link.Explain()));
            }

            env.Console.Write(table);
            if (!parsed.GetValue(globals.Quiet))
                env.Console.MarkupLineInterpolated($"{links.Count} links shown; {run.Fingerprinted:N0} pages linked now, {run.Loaded:N0} already indexed");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(IPageStore store, string id) =>
        store.Find(id)?.Page is { } p ? $"{id} {p.Metadata.Outlet?.Value ?? DocsCommand.Shorten(p.Key, 40)}" : id;
}
