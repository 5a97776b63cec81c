using System.Diagnostics;

namespace ClaimTrace.Tests;

/// <summary>
/// Ingest through a real RabbitMQ broker into a real PostgreSQL server, against a single-process SQLite ingest of the
/// same input: every page stored once, nothing left in the queue, and the same claims, copy links and conflicts.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class DistributedIngestTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    /// <summary>What the comparison reads: claims as exported, copy links, and the dossier of everything (conflicts, events).</summary>
    private static string[] Exports(string database)
    {
        using var cli = new CliHarness();
        var outputs = new List<string>();
        foreach (var command in new[]
        {
            new[] { "export", "--format", "jsonl" },
            ["copies", "--json", "--limit", "1000000"],
            ["dossier", "", "--format", "json"],
        })
        {
            var before = cli.StandardOutput.Length;
            Assert.True(cli.Run(["--db", database, "--quiet", .. command]) == 0, cli.Console);
            outputs.Add(cli.StandardOutput[before..]);
        }

        return [.. outputs];
    }

    /// <summary>The reference: <c>claimtrace ingest</c> of the same input into a SQLite file, in this process.</summary>
    private static (string Database, TempFolder Folder) LocalIngest(params string[] inputs)
    {
        var folder = new TempFolder("distributed");
        var database = folder.File("local.db");
        using var cli = new CliHarness();
        Assert.True(cli.Run(["--db", database, "--quiet", "ingest", .. inputs]) is 0 or 1, cli.Console);
        return (database, folder);
    }

    private static async Task<uint> Waiting(PageQueue queue) => (await queue.StatusAsync(CancellationToken.None)).Waiting;

    /// <summary>Waits until the server holds what the reference holds: its documents, and claims made from the same inputs.</summary>
    private static async Task Settled(string postgres, string reference, PageQueue queue)
    {
        using var expected = SqlitePageStore.Open(reference);
        var documents = expected.CountDocuments(new DocumentQuery());
        var inputs = expected.LoadLinkState()!.Inputs;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var store = PostgresPageStore.Open(postgres))
            {
                if (store.CountDocuments(new DocumentQuery()) == documents && store.LoadLinkState()?.Inputs == inputs && await Waiting(queue) == 0)
                    return;
                Assert.True(clock.Elapsed < Patience, $"not settled after {Patience}: {store.CountDocuments(new DocumentQuery())} of {documents} documents, claims {(store.LoadLinkState()?.Inputs == inputs ? "" : "not ")}up to date, {await Waiting(queue)} messages waiting");
            }

            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Two_workers_store_the_seeds_from_the_queue_as_a_local_ingest_does()
    {
        var queue = RabbitBroker.NewQueue();
        var postgres = PostgresServer.NewDatabase();
        var seeds = Corpus.Require("seeds");
        var (reference, folder) = LocalIngest(seeds);
        using var _ = folder;
        try
        {
            var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
            Assert.Equal(5, await PagePublisher.PublishAsync(queue, walker.Read([seeds], null), cancel: TestContext.Current.CancellationToken));
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                using var store = PostgresPageStore.Open(postgres);
                return await new PageWorker(queue, store, Pipelines.CreateProcessor(), new WorkerOptions(Prefetch: 2), TextWriter.Null).RunAsync(stop.Token);
            })).ToArray();

            await Settled(postgres, reference, queue);
            await stop.CancelAsync();
            var done = await Task.WhenAll(workers);

            Assert.Equal(5, done.Sum(d => d.Stored));
            Assert.Equal(Exports(reference), Exports(postgres));
        }
        finally
        {
            PostgresServer.Drop(postgres);
        }
    }

    [Fact]
    public async Task Three_worker_processes_one_killed_midway_store_allsides_exactly_as_one_local_ingest()
    {
        var queue = RabbitBroker.NewQueue();
        var postgres = PostgresServer.NewDatabase();
        var allsides = Corpus.Require("allsides", "allsides-dev.jsonl");
        var (reference, folder) = LocalIngest(allsides);
        using var _ = folder;
        var workers = new List<Process>();
        try
        {
            var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
            var published = await PagePublisher.PublishAsync(queue, walker.Read([allsides], null), cancel: TestContext.Current.CancellationToken);
            output.WriteLine($"{published} inputs published");
            for (var i = 0; i < 3; i++)
                workers.Add(Worker(postgres, queue));

            // Kill one worker with SIGKILL once pages are arriving: its unacknowledged messages go back to the queue.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                using (var store = PostgresPageStore.Open(postgres))
                {
                    if (store.CountDocuments(new DocumentQuery()) >= 500)
                        break;
                }

                Assert.True(clock.Elapsed < Patience, "no pages stored");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            workers[0].Kill();
            output.WriteLine($"worker {workers[0].Id} killed after {clock.Elapsed.TotalSeconds:F1} s");

            await Settled(postgres, reference, queue);
            foreach (var worker in workers.Skip(1))
            {
                Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
                Assert.True(worker.WaitForExit(TimeSpan.FromMinutes(1)), "a worker did not stop on SIGTERM");
                Assert.Equal(0, worker.ExitCode);
            }

            Assert.Equal(0u, await Waiting(queue));
            using (var store = PostgresPageStore.Open(postgres))
            using (var local = SqlitePageStore.Open(reference))
            {
                // Every page once: as many documents and versions as the local ingest, none given up.
                var (distributed, single) = (store.Counts(), local.Counts());
                Assert.Equal((single.Documents, single.Versions, single.Segments, single.Comments), (distributed.Documents, distributed.Versions, distributed.Segments, distributed.Comments));
                Assert.Equal(0, store.ListFailures(0, 10).Count(f => f.Reason.Contains("dead-lettered", StringComparison.Ordinal)));
            }
            Assert.Equal(Exports(reference), Exports(postgres));
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited))
                worker.Kill();
            PostgresServer.Drop(postgres);
        }
    }

    /// <summary>A <c>claimtrace worker</c> process, as an operator starts one.</summary>
    private Process Worker(string database, PageQueue queue)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ClaimTrace.Cli.dll"), "--db", database, "worker", "--prefetch", "20" })
            info.ArgumentList.Add(arg);
        info.Environment["CLAIMTRACE_QUEUE"] = queue.Url;
        info.Environment["CLAIMTRACE_QUEUE_NAME"] = queue.Name;
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
                output.WriteLine($"[{process.Id}] {line}");
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }
}
