using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary><c>claimtrace ingest PATH...</c>: read pages from files, folders or stdin into the database.</summary>
public static class IngestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "files or folders to read (folders recursively); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = FormatOption.Create();
        var queue = QueueCommand.QueueOption();
        var command = new Command("ingest", "Read news pages (.txt .html .csv .jsonl .warc .warc.gz) and store them, segmented, in the database.")
        {
            paths,
            format,
            queue,
        };
        command.SetAction(parsed => QueueCommand.QueueUrl(parsed, queue) is { } url
            ? Publish(globals, parsed.GetRequiredValue(paths), parsed.GetValue(format), url, parsed.GetValue(globals.Quiet))
            : Run(globals, parsed.GetRequiredValue(paths), parsed.GetValue(format), globals.DatabasePath(parsed), parsed.GetValue(globals.Quiet)));
        return command;
    }

    /// <summary>With <c>--queue</c>: the pages go to the queue for workers (<c>claimtrace worker</c>), nothing is stored here.</summary>
    private static int Publish(GlobalOptions globals, IReadOnlyList<string> paths, string? format, string url, bool quiet)
    {
        var env = globals.Env;
        var queue = QueueCommand.Queue(env, url);
        try
        {
            var walker = Inputs.Walker(env);
            var published = PagePublisher.PublishAsync(queue, walker.Read(paths, format)).GetAwaiter().GetResult();
            if (!quiet)
                env.Console.MarkupLineInterpolated($"{published:N0} inputs queued on [blue]{queue.Shown}[/] ({queue.Name}); workers store them ('claimtrace queue status' shows progress)");
            return ExitCodes.Ok;
        }
        catch (QueueException e)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    internal static int Run(GlobalOptions globals, IReadOnlyList<string> paths, string? format, string database, bool quiet)
    {
        var env = globals.Env;
        if (Stores.TryOpen(database, env) is not { } store)
            return ExitCodes.Failed;

        using (store)
        {
            var runner = new IngestRunner(Pipelines.CreateProcessor(), store);
            var walker = Inputs.Walker(env);
            var inputs = walker.Read(paths, format);
            var summary = quiet || !env.Interactive
                ? runner.Run(inputs, new FailurePrinter(env, quiet))
                : RunWithProgress(env, runner, inputs, Inputs.TotalBytes(paths));

            // Copy links follow the pages in: only the pages not fingerprinted yet are read, so this costs the new
            // pages, not the store (docs/linking.md).
            var linked = new CopyLinkRunner(store).Run();

            // Claims follow: linked again only when the new pages brought a measured figure or a copy link to one
            // (docs/claims.md, "Stored claims"), so most ingests leave them as they are.
            var claims = StoreLinking.Update(store);
            if (!quiet)
            {
                SummaryTable.Write(env.Console, summary, walker.Skipped, store.Database); // as the store names it: never a password
                if (linked.Links > 0)
                    env.Console.MarkupLineInterpolated($"{linked.Links:N0} copy links found for {linked.Fingerprinted:N0} new pages ('claimtrace copies' lists them)");
                if (claims.Relinked)
                    env.Console.MarkupLineInterpolated($"{claims.Claims:N0} claims and {claims.Conflicts:N0} conflicts linked from {claims.Pages:N0} pages with figures ('claimtrace dossier' tells them)");
            }

            if (summary.Processed == 0)
            {
                env.StandardError.WriteLine("claimtrace: no input was found to ingest.");
                return ExitCodes.Failed;
            }

            if (summary.Failed > 0 && summary.Failed == summary.Processed)
                return ExitCodes.Failed;
            return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        }
    }

    private static IngestSummary RunWithProgress(CliEnvironment env, IngestRunner runner, IEnumerable<ReadResult> inputs, long totalBytes)
    {
        IngestSummary? summary = null;
        env.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("ingesting", maxValue: Math.Max(totalBytes, 1));
                var failures = new FailurePrinter(env, quiet: false);
                summary = runner.Run(inputs, new SyncProgress(p =>
                {
                    task.Value = Math.Min(p.InputBytes, task.MaxValue);
                    task.Description = $"{p.Processed:N0} pages";
                    failures.Report(p);
                }));
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>Reports on the calling thread: Progress&lt;T&gt; would post to the thread pool and reorder lines.</summary>
    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    /// <summary>Each skipped input gets one line on stderr, naming the file and the place, as it happens.</summary>
    private sealed class FailurePrinter(CliEnvironment env, bool quiet) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            foreach (var failure in value.NewFailures)
                env.StandardError.WriteLine($"skipped {failure}");
            _ = quiet;
        }
    }
}
