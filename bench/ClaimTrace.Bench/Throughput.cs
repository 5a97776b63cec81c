using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ClaimTrace.Bench;

/// <summary>
/// The whole-corpus run: pages per second per core for plain-text and HTML pages, each next to a baseline
/// measured in the same run on the same pages (decoding plus a word count: the least any reader must do),
/// and the peak memory of a full ingest as the input grows. Run it with
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- throughput</c> (<c>--no-memory</c> leaves out the
/// memory runs).
/// </summary>
internal static class Throughput
{
    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "memory-child")
            return MemoryChild(args[1..]);

        var corpus = CorpusLocator.Find();
        Console.WriteLine($"ClaimTrace throughput, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, corpus {corpus}");
        Console.WriteLine("All rates are single-threaded (pages/s per core); best of 3 rounds after a warm-up round. The CPU rate divides by");
        Console.WriteLine("the process's CPU time instead of the wall clock: on a machine other work shares it leaves out waiting for a core.");
        Console.WriteLine();

        var text = LoadPages(corpus, Path.Combine("allsides"), Path.Combine("fakenewscorpus-sample"), Path.Combine("seeds"))
            .Where(p => p.Format != PageFormat.Html).ToList();
        var html = LoadPages(corpus, Path.Combine("readability-pages")).Where(p => p.Format == PageFormat.Html).ToList();
        Report("text pages", text);
        Report("HTML pages", html);
        if (args.Contains("--no-memory"))
            return 0;

        Console.WriteLine();
        Console.WriteLine("Peak memory of a full ingest (read, segment, store in SQLite), allsides repeated to grow the input:");
        Console.WriteLine($"{"input",-22}{"pages",10}{"MB in",10}{"peak RSS MB",14}{"pages/s (2 cores)",20}");
        var allsides = Directory.EnumerateFiles(Path.Combine(corpus, "allsides"), "*.jsonl").Order(StringComparer.Ordinal).First();
        foreach (var copies in new[] { 1, 2, 4, 8 })
        {
            var (pages, bytes, peak, rate) = MeasureMemory(allsides, copies);
            Console.WriteLine($"{$"allsides x{copies}",-22}{pages,10:N0}{bytes / 1048576.0,10:F1}{peak / 1048576.0,14:F0}{rate,20:N0}");
        }

        return 0;
    }

    private static void Report(string label, List<RawPage> pages)
    {
        if (pages.Count == 0)
        {
            Console.WriteLine($"{label}: none found in the corpus");
            return;
        }

        var segmenting = Pipelines.CreateProcessor(analyse: false);
        var analysing = Pipelines.CreateProcessor();
        var megabytes = pages.Sum(p => (double)(p.Bytes?.Length ?? Encoding.UTF8.GetByteCount(p.Text ?? ""))) / 1048576.0;
        var baseline = Best(() => Baseline(pages));
        var segmented = Best(() => ProcessAll(segmenting, pages));
        var analysed = Best(() => ProcessAll(analysing, pages));
        Console.WriteLine($"{label}: {pages.Count:N0} pages, {megabytes:F1} MB");
        Line("baseline (decode + count words)", pages.Count, megabytes, baseline, baseline);
        Line("decode + segment", pages.Count, megabytes, segmented, baseline);
        Line("decode + segment + analyse", pages.Count, megabytes, analysed, baseline);
    }

    private static void Line(string what, int pages, double megabytes, (TimeSpan Wall, TimeSpan Cpu) time, (TimeSpan Wall, TimeSpan Cpu) baseline) =>
        Console.WriteLine($"  {what,-34}{pages / time.Wall.TotalSeconds,10:N0} pages/s per core {megabytes / time.Wall.TotalSeconds,8:F1} MB/s  ({time.Wall / baseline.Wall:F1}x the baseline's time)  CPU: {pages / time.Cpu.TotalSeconds,8:N0} pages/s ({time.Cpu / baseline.Cpu:F1}x)");

    private static int ProcessAll(PageProcessor processor, List<RawPage> pages)
    {
        var failed = 0;
        foreach (var page in pages)
        {
            if (processor.Process(page).Page is null)
                failed++;
        }

        return failed;
    }

    /// <summary>The floor any reader pays: turn the bytes into text and find the words.</summary>
    private static int Baseline(List<RawPage> pages)
    {
        var words = 0;
        foreach (var page in pages)
        {
            var text = page.Text ?? Encoding.UTF8.GetString(page.Bytes!);
            var inWord = false;
            foreach (var c in text)
            {
                var letter = char.IsLetterOrDigit(c);
                if (letter && !inWord)
                    words++;
                inWord = letter;
            }
        }

        return words;
    }

    /// <summary>The best wall-clock time and, apart, the best process CPU time of the rounds.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) Best(Func<int> run)
    {
        run();
        var (best, bestCpu) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < Rounds; i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            run();
            watch.Stop();
            self.Refresh();
            if (watch.Elapsed < best)
                best = watch.Elapsed;
            if (self.TotalProcessorTime - cpu < bestCpu)
                bestCpu = self.TotalProcessorTime - cpu;
        }

        return (best, bestCpu);
    }

    private static List<RawPage> LoadPages(string corpus, params string[] folders)
    {
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        var paths = folders.Select(f => Path.Combine(corpus, f)).Where(Directory.Exists).ToList();
        var pages = new List<RawPage>();
        foreach (var result in walker.Read(paths, null))
        {
            if (result.Page is not { } page)
                continue;
            // Readability's cases keep the expected output beside the source; only the source is a crawled page.
            if (page.Source.Contains("readability-pages", StringComparison.Ordinal) && !page.Source.EndsWith("source.html", StringComparison.Ordinal))
                continue;
            pages.Add(page);
        }

        // The sniffing of containers' cells happens in the processor; decide the format here so text and HTML are timed apart.
        return pages.Select(p => p.Format is null && p.Text is { } t && HtmlSniffer.LooksLikeHtml(t) ? p with { Format = PageFormat.Html } : p).ToList();
    }

    /// <summary>Runs the ingest in a child process so each size's peak resident memory is its own.</summary>
    private static (int Pages, long Bytes, long PeakRss, double Rate) MeasureMemory(string jsonl, int copies)
    {
        var work = Directory.CreateTempSubdirectory("claimtrace-bench-");
        try
        {
            var input = Path.Combine(work.FullName, "input.jsonl");
            var pages = 0;
            using (var output = new StreamWriter(input, false, new UTF8Encoding(false)))
            {
                for (var copy = 0; copy < copies; copy++)
                {
                    foreach (var line in File.ReadLines(jsonl))
                    {
                        if (string.IsNullOrWhiteSpace(line))
                            continue;
                        // A distinct URL per copy makes every copy a new page rather than an unchanged one.
                        output.WriteLine(line.Replace("\"url\": \"", $"\"url\": \"copy{copy}:", StringComparison.Ordinal).Replace("\"url\":\"", $"\"url\":\"copy{copy}:", StringComparison.Ordinal));
                        pages++;
                    }
                }
            }

            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
                start.ArgumentList.Add(typeof(Throughput).Assembly.Location);
            foreach (var arg in new[] { "throughput", "memory-child", input, Path.Combine(work.FullName, "bench.db") })
                start.ArgumentList.Add(arg);
            using var child = Process.Start(start)!;
            var reply = child.StandardOutput.ReadToEnd().Trim().Split(' ');
            child.WaitForExit();
            if (child.ExitCode != 0 || reply.Length != 3)
                throw new InvalidOperationException($"the memory run failed with exit code {child.ExitCode}: {string.Join(' ', reply)}");
            return (int.Parse(reply[0], CultureInfo.InvariantCulture), new FileInfo(input).Length, long.Parse(reply[1], CultureInfo.InvariantCulture), double.Parse(reply[2], CultureInfo.InvariantCulture));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int MemoryChild(string[] args)
    {
        var (input, database) = (args[0], args[1]);
        using var store = SqlitePageStore.Open(database);
        var runner = new IngestRunner(Pipelines.CreateProcessor(), store);
        var watch = Stopwatch.StartNew();
        var summary = runner.Run(Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([input], null));
        watch.Stop();
        var rate = summary.Processed / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Processed} {PeakResidentBytes()} {rate:F0}"));
        return 0;
    }

    /// <summary>The kernel's high-water mark of resident memory (VmHWM); the runtime's own figure where /proc is absent.</summary>
    private static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
