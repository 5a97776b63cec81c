using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// Distributed ingest over RabbitMQ (docs/deploy.md): <c>claimtrace worker</c> stores what <c>ingest --queue</c>
/// publishes, and <c>claimtrace queue status</c> shows the queue from any machine.
/// </summary>
public static class QueueCommand
{
    public const string QueueVariable = "CLAIMTRACE_QUEUE";

    /// <summary>The queue's name when not the default: one broker can carry several projects' queues.</summary>
    public const string NameVariable = "CLAIMTRACE_QUEUE_NAME";

    /// <summary>The queue on the broker at <paramref name="url"/>, named by <see cref="NameVariable"/> or the default.</summary>
    public static PageQueue Queue(CliEnvironment env, string url) =>
        new(url, env.GetVariable(NameVariable) is { Length: > 0 } name ? name : PageQueue.DefaultName);

    public static Option<string> QueueOption() => new("--queue")
    {
        Description = $"a RabbitMQ broker, amqp://user@host:5672/vhost (default: ${QueueVariable}); the password best in the variable, never on the command line",
    };

    /// <summary>The broker named by the option, else by the variable for commands that need one; null for ingest without either.</summary>
    public static string? QueueUrl(ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) is { Length: > 0 } url ? url : null;

    private static string? QueueOrVariable(GlobalOptions globals, ParseResult parsed, Option<string> option) =>
        QueueUrl(parsed, option) ?? globals.Env.GetVariable(QueueVariable);

    public static Command CreateWorker(GlobalOptions globals)
    {
        var queue = QueueOption();
        var prefetch = new Option<int>("--prefetch") { Description = "messages held at once, and stored per transaction", DefaultValueFactory = _ => 64 };
        var parallel = new Option<int>("--parallel") { Description = "pages analysed at once (default: the cores)", DefaultValueFactory = _ => 0 };
        var command = new Command("worker", "Take pages from the queue, analyse and store them; SIGTERM or Ctrl+C finishes the pages in hand and stops.")
        {
            queue,
            prefetch,
            parallel,
        };
        command.SetAction(parsed => RunWorker(globals, QueueOrVariable(globals, parsed, queue), globals.DatabasePath(parsed), new WorkerOptions(parsed.GetValue(prefetch), parsed.GetValue(parallel))));
        return command;
    }

    public static Command CreateQueue(GlobalOptions globals)
    {
        var queue = QueueOption();
        var status = new Command("status", "Messages waiting, workers attached and pages given up (dead-lettered), from any machine.") { queue };
        status.SetAction(parsed => Status(globals, QueueOrVariable(globals, parsed, queue)));
        return new Command("queue", "The distributed ingest queue.") { status };
    }

    private static int RunWorker(GlobalOptions globals, string? url, string database, WorkerOptions options)
    {
        var env = globals.Env;
        if (url is null)
        {
            env.StandardError.WriteLine($"claimtrace: worker needs a queue: --queue amqp://... or ${QueueVariable}.");
            return ExitCodes.Usage;
        }

        if (options.Prefetch < 1 || options.Parallelism < 0)
        {
            env.StandardError.WriteLine("claimtrace: --prefetch must be at least 1 and --parallel at least 0.");
            return ExitCodes.Usage;
        }

        if (Stores.TryOpen(database, env) is not { } store)
            return ExitCodes.Failed;

        using (store)
        using (var stop = new CancellationTokenSource())
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop)))
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop)))
        {
            var queue = Queue(env, url);
            try
            {
                env.StandardError.WriteLine($"claimtrace: worker on {queue.Shown} ({queue.Name}) storing into {store.Database}");
                var worker = new PageWorker(queue, store, Pipelines.CreateProcessor(), options, env.StandardError);
                var done = worker.RunAsync(stop.Token).GetAwaiter().GetResult();
                env.StandardError.WriteLine($"claimtrace: worker stopped: {done.Stored:N0} pages stored, {done.Failures:N0} failures recorded, {done.Requeued:N0} handed back, {done.DeadLettered:N0} dead-lettered");
                return ExitCodes.Ok;
            }
            catch (QueueException e)
            {
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }
        }
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Handled here: the process must not end before the pages in hand are stored and acknowledged.
        context.Cancel = true;
        stop.Cancel();
    }

    private static int Status(GlobalOptions globals, string? url)
    {
        var env = globals.Env;
        if (url is null)
        {
            env.StandardError.WriteLine($"claimtrace: queue status needs a queue: --queue amqp://... or ${QueueVariable}.");
            return ExitCodes.Usage;
        }

        var queue = Queue(env, url);
        try
        {
            return StatusAsync(env, queue).GetAwaiter().GetResult();
        }
        catch (QueueException e)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> StatusAsync(CliEnvironment env, PageQueue queue)
    {
        var status = await queue.StatusAsync(CancellationToken.None);
        string N(uint n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("queue").AddColumn(new TableColumn("waiting").RightAligned()).AddColumn(new TableColumn("workers").RightAligned());
        table.AddRow(Markup.Escape(queue.Name), N(status.Waiting), N(status.Workers));
        table.AddRow(Markup.Escape(queue.DeadQueue + " (given up)"), N(status.Dead), "");
        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"broker: [blue]{queue.Shown}[/]. Waiting counts messages not yet delivered; those a worker holds are not counted until it acknowledges or gives them back.");
        return ExitCodes.Ok;
    }
}
