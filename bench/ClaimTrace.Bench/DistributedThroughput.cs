using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ClaimTrace.Bench;

/// <summary>
/// Distributed ingest at 1, 2 and 4 workers against one PostgreSQL server:
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- distributed --db "Host=...;Username=...;Database=postgres"
/// --queue amqp://guest:guest@127.0.0.1:5672/ [--workers 1,2,4] [--input FILE]</c>. For each count it makes a fresh
/// database, queues the input (the AllSides file by default), starts that many <c>claimtrace worker</c> processes
/// (one analysis thread each) and times them until every page is stored; the server's CPU (its processes' time in
/// /proc, when it runs on this machine) per page stored is the database's cost per page. Workers and server share
/// this machine's cores, so the figures say how the work divides, not what separate machines would reach.
/// </summary>
internal static class DistributedThroughput
{
    public static int Run(string[] args)
    {
        var admin = Option(args, "--db") ?? throw new ArgumentException("--db: a connection string of a role that may create databases");
        var url = Option(args, "--queue") ?? throw new ArgumentException("--queue: an amqp:// URL");
        var counts = (Option(args, "--workers") ?? "1,2,4").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var input = Option(args, "--input") ?? Path.Combine(CorpusLocator.Find(), "allsides", "allsides-dev.jsonl");
        var cli = Path.Combine(RepositoryRoot(), "src", "ClaimTrace.Cli", "bin", "Release", "net10.0", "ClaimTrace.Cli.dll");
        if (!File.Exists(cli))
            throw new FileNotFoundException("build the CLI first: dotnet build -c Release", cli);

        Console.WriteLine($"ClaimTrace distributed ingest, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; input {input}");
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine($"{"workers",8}{"pages",8}{"seconds",9}{"pages/s",9}{"pages/s/worker",16}{"db CPU ms/page",16}{"workers CPU ms/page",21}");
        foreach (var workers in counts)
            RunOnce(admin, url, input, cli, workers).GetAwaiter().GetResult();
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static async Task RunOnce(string admin, string url, string input, string cli, int workers)
    {
        var name = $"claimtrace_bench_{workers}";
        Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        Execute(admin, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        PostgresPageStore.Open(database).Dispose();
        var queue = new PageQueue(url, "claimtrace.bench." + workers + "." + Environment.ProcessId);
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        await PagePublisher.PublishAsync(queue, walker.Read([input], null));

        var dbBefore = ServerCpu();
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(_ => Worker(cli, database, queue)).ToList();
        int stored;
        var last = -1;
        var stableSince = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(250);
            using (var store = PostgresPageStore.Open(database))
                stored = store.CountDocuments(new DocumentQuery());
            if (stored != last)
            {
                last = stored;
                stableSince.Restart();
            }
            else if (stored > 0 && stableSince.Elapsed > TimeSpan.FromSeconds(10) && (await queue.StatusAsync(CancellationToken.None)).Waiting == 0)
            {
                // Nothing waiting and nothing stored for 10 s (more than a batch takes here): every page is in.
                break;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds - stableSince.Elapsed.TotalSeconds;
        var dbCpu = ServerCpu() - dbBefore;
        var workerCpu = processes.Sum(p => p.HasExited ? 0 : p.TotalProcessorTime.TotalMilliseconds);
        foreach (var p in processes)
        {
            Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            p.WaitForExit(TimeSpan.FromMinutes(2));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"{workers,8}{stored,8}{seconds,9:F1}{stored / seconds,9:F1}{stored / seconds / workers,16:F1}{(dbCpu is { } cpu ? (cpu / stored).ToString("F2", CultureInfo.InvariantCulture) : "n/a"),16}{workerCpu / stored,21:F2}"));
    }

    private static Process Worker(string cli, string database, PageQueue queue)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "--db", database, "worker", "--prefetch", "16", "--parallel", "1" })
            info.ArgumentList.Add(arg);
        info.Environment["CLAIMTRACE_QUEUE"] = queue.Url;
        info.Environment["CLAIMTRACE_QUEUE_NAME"] = queue.Name;
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>CPU milliseconds of every postgres process on this machine (null when there are none to see).</summary>
    private static double? ServerCpu()
    {
        var ticks = 0L;
        var found = false;
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (!stat[(stat.IndexOf('(') + 1)..close].StartsWith("postgres", StringComparison.Ordinal))
                    continue;
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                found = true;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        // Linux counts in clock ticks of 1/100 s.
        return found ? ticks * 10.0 : null;
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimTrace.slnx")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("the repository root (ClaimTrace.slnx) is not above the bench");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
