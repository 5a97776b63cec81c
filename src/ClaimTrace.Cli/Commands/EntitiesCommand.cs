using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace entities [NAME]</c>: the entities of the stored pages (docs/entities.md). Without a name it lists
/// them with their mention counts; with one it shows the entity the name resolves to, every spelling with the
/// documents it occurs in, and why each name was merged (or left apart).
/// </summary>
public static class EntitiesCommand
{
    private const int PageSize = 500;

    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "a name to resolve (any spelling, acronym, surname, with or without a title)", Arity = ArgumentArity.ZeroOrOne };
        var kind = new Option<string?>("--kind") { Description = "only entities of this kind: " + string.Join(", ", AnalysisWireNames.All<EntityKind>()) };
        kind.AcceptOnlyFromAmong([.. AnalysisWireNames.All<EntityKind>()]);
        var json = new Option<bool>("--json") { Description = "print JSON Lines instead of a table" };
        var limit = new Option<int>("--limit") { Description = "at most this many entities in the list", DefaultValueFactory = _ => 50 };
        var command = new Command("entities", "List the people, organisations, places and armed groups of the stored pages, or show one and why its names are one.")
        {
            name, kind, json, limit,
        };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            if (parsed.GetValue(limit) <= 0)
            {
                env.StandardError.WriteLine("claimtrace: --limit must be at least 1");
                return ExitCodes.Usage;
            }

            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var index = EntityIndex.Build(Analyses(store));
            EntityKind? wanted = AnalysisWireNames.FromWire<EntityKind>(parsed.GetValue(kind));
            if (parsed.GetValue(name) is { } query)
                return Show(env, index, query, wanted, parsed.GetValue(json));

            var entities = index.Entities.Where(e => wanted is null || e.Kind == wanted).Take(parsed.GetValue(limit)).ToList();
            if (parsed.GetValue(json))
            {
                foreach (var e in entities)
                    JsonLines.Write(env, e);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "id", "kind", "name", "mentions", "docs", "spellings" })
                table.AddColumn(header);
            foreach (var e in entities)
            {
                var spellings = string.Join(", ", e.Spellings.Take(4).Select(s => $"{s.Text} ({s.Count})")) + (e.Spellings.Count > 4 ? $", +{e.Spellings.Count - 4}" : "");
                table.AddRow(Markup.Escape(e.Id), e.Kind.ToWire(), Markup.Escape(e.Canonical), e.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    e.Docs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(spellings));
            }

            env.Console.Write(table);
            if (!parsed.GetValue(globals.Quiet))
                env.Console.MarkupLineInterpolated($"{entities.Count} of {index.Entities.Count} entities shown; 'claimtrace entities NAME' says why a name's spellings are one");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Show(CliEnvironment env, EntityIndex index, string query, EntityKind? kind, bool json)
    {
        if (index.Resolve(query, kind) is not { } resolved || index.Get(resolved.Id) is not { } entity)
        {
            env.StandardError.WriteLine($"claimtrace: no entity '{query}' in the database");
            return ExitCodes.Failed;
        }

        if (json)
        {
            JsonLines.Write(env, new { Match = resolved.Match, Entity = entity });
            return ExitCodes.Ok;
        }

        env.Console.MarkupLineInterpolated($"[bold]{entity.Canonical}[/] ({entity.Kind.ToWire()}, id {entity.Id}): {entity.Mentions} mentions in {entity.Docs.Count} documents");
        env.Console.MarkupLineInterpolated($"'{query}' matched: {resolved.Match}");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "spelling", "count", "documents" })
            table.AddColumn(header);
        foreach (var s in entity.Spellings)
        {
            var docs = string.Join(", ", s.Docs.Take(6)) + (s.Docs.Count > 6 ? $", +{s.Docs.Count - 6}" : "");
            table.AddRow(Markup.Escape(s.Text), s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(docs));
        }

        env.Console.Write(table);
        env.Console.MarkupLine(entity.Reasons.Count == 0 ? "No merges: every mention is written as the name itself." : "Why these names are one:");
        foreach (var r in entity.Reasons)
            env.Console.MarkupLineInterpolated($"  - [[{r.Rule}]] {r.Explain()}");
        foreach (var a in entity.Ambiguities)
            env.Console.MarkupLineInterpolated($"  ! {a}");
        return ExitCodes.Ok;
    }

    /// <summary>Every stored document's current version with its analysis, read a page of documents at a time.</summary>
    private static IEnumerable<(string DocId, Page Page, PageAnalysis Analysis)> Analyses(IPageStore store)
    {
        for (var offset = 0; ; offset += PageSize)
        {
            var docs = store.ListDocuments(new DocumentQuery(offset, PageSize));
            foreach (var doc in docs)
            {
                if (store.Find(doc.Id) is { } stored)
                    yield return (doc.Id, stored.Page, stored.Page.Analysis);
            }

            if (docs.Count < PageSize)
                yield break;
        }
    }
}
