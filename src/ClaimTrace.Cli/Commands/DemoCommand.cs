using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace demo</c>: ingest the built-in sample corpus (samples/, written by the team about a fictional
/// conflict) into a fresh database and show what was found: outlets, dates, crossposts, comment threads.
/// </summary>
public static class DemoCommand
{
    public const string DefaultDatabase = "claimtrace-demo.db";

    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("demo", $"Ingest the built-in sample pages into a fresh database (default ./{DefaultDatabase}) and show what was found.");
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var samples = SampleFolder.Locate();
            if (samples is null)
            {
                env.StandardError.WriteLine("claimtrace: the sample corpus was not found next to the program or in the repository (samples/).");
                return ExitCodes.Failed;
            }

            var database = parsed.GetValue(globals.Database) ?? Path.Combine(Environment.CurrentDirectory, DefaultDatabase);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(database + suffix);

            var quiet = parsed.GetValue(globals.Quiet);
            if (!quiet)
                env.Console.MarkupLineInterpolated($"[bold]ClaimTrace demo[/]: reading the sample pages in [blue]{samples}[/]");
            // The folder also holds its README and gold file, which are about the pages, not pages.
            var pages = Directory.EnumerateFiles(samples)
                .Where(f => Path.GetFileName(f) is not ("README.md" or "expected.json") && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var code = IngestCommand.Run(globals, pages, null, database, quiet);
            if (code == ExitCodes.Failed)
                return code;

            using var store = Stores.Open(database, env);
            if (!quiet)
                Describe(env.Console, store, database);
            // The sample deliberately holds no broken files, so anything skipped is a real problem.
            return code;
        });
        return command;
    }

    private static void Describe(IAnsiConsole console, IPageStore store, string database)
    {
        var docs = store.ListDocuments(new DocumentQuery(0, 1000));
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]what the pages say about themselves[/]");
        foreach (var header in new[] { "id", "outlet", "published", "title", "original source", "comments" })
            table.AddColumn(header);
        foreach (var summary in docs.OrderBy(d => d.Published ?? "9999").ThenBy(d => d.Source, StringComparer.Ordinal))
        {
            var page = store.Find(summary.Id)!.Page;
            var published = page.Metadata.Published?.Value;
            table.AddRow(
                Markup.Escape(summary.Id[..8]),
                Markup.Escape(page.Metadata.Outlet?.Value ?? "–"),
                Markup.Escape(published is { Length: > 10 } ? published[..10] : published ?? "–"),
                Markup.Escape(DocsCommand.Shorten(page.Metadata.Title?.Value ?? Path.GetFileName(summary.Source), 48)),
                Markup.Escape(page.Metadata.OriginalSource?.Value ?? ""),
                CommentCell(page));
        }

        console.Write(table);
        var threaded = docs.Select(d => store.Find(d.Id)!.Page).FirstOrDefault(p => p.Comments.Any(c => c.ReplyTo is not null));
        console.MarkupLine("Next steps:");
        console.MarkupLineInterpolated($"  ./claimtrace docs --db {database}");
        if (threaded is not null)
            console.MarkupLineInterpolated($"  ./claimtrace show {threaded.Id[..8]} --db {database}     [grey](a page with a threaded comment section)[/]");
        console.MarkupLineInterpolated($"  ./claimtrace extract samples/08-courier-96-percent.html --json     [grey](the extraction JSON of one page, no database)[/]");
        console.MarkupLineInterpolated($"  ./claimtrace dossier power --db {database}     [grey](the power figures across outlets and time: claims, disputes, copies)[/]");
        console.MarkupLineInterpolated($"  ./claimtrace dossier power --format html --out power.html --db {database}     [grey](the same as one page with charts)[/]");
    }

    private static string CommentCell(Page page)
    {
        if (page.Comments.Count == 0)
            return "";
        var replies = page.Comments.Count(c => c.ReplyTo is not null);
        var spam = page.Comments.Count(c => c.LikelySpam);
        return $"{page.Comments.Count} ({replies} {(replies == 1 ? "reply" : "replies")}{(spam > 0 ? $", {spam} spam" : "")})";
    }
}

internal static class SampleFolder
{
    public const string Variable = "CLAIMTRACE_SAMPLES";

    public static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        var beside = Path.Combine(AppContext.BaseDirectory, "samples");
        if (Directory.Exists(beside))
            return beside;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ClaimTrace.slnx")))
                return candidate;
        }

        return null;
    }
}
