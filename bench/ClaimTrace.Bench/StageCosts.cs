using System.Diagnostics;
using System.Globalization;

namespace ClaimTrace.Bench;

/// <summary>
/// What each analysis stage costs per page on the AllSides pages, so a slow stage is found without a profiler:
/// the pages are read and segmented once, each stage's inputs computed once, then each stage alone is timed over
/// all pages (best of several rounds, single-threaded, in wall-clock and in CPU time) with the bytes it allocates.
/// Run: <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- stages [pages]</c>.
/// </summary>
internal static class StageCosts
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var corpus = CorpusLocator.Find();
        var limit = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : int.MaxValue;
        var segmenting = Pipelines.CreateProcessor(analyse: false);
        var pages = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([Path.Combine(corpus, "allsides")], null)
            .Select(r => r.Page is { } raw ? segmenting.Process(raw).Page : null)
            .OfType<Page>()
            .Take(limit)
            .ToList();
        if (pages.Count == 0)
        {
            Console.Error.WriteLine("no AllSides pages found; set CLAIMTRACE_CORPUS");
            return 2;
        }

        var splitter = new SentenceSplitter();
        var attribution = new AttributionExtractor();
        var quantities = new QuantityExtractor();
        var dates = new DateResolver();
        var entities = new EntityRecognizer();
        var stances = StanceDetector.Default;
        var analyser = new PageAnalyser();
        var sentences = pages.Select(splitter.Split).ToList();
        var quotes = pages.Select((p, i) => QuoteFinder.Find(p.Text, sentences[i])).ToList();
        var statements = pages.Select((p, i) => attribution.Extract(p.Text, sentences[i], quotes[i], p.Metadata)).ToList();
        var numbers = pages.Select((p, i) => quantities.Extract(p.Text, sentences[i], p.Metadata)).ToList();
        (string Name, Action<int> Run)[] stages =
        [
            ("sentences", i => splitter.Split(pages[i])),
            ("quotes", i => QuoteFinder.Find(pages[i].Text, sentences[i])),
            ("dates", i => dates.Extract(pages[i].Text, sentences[i], pages[i].Metadata)),
            ("attribution", i => attribution.Extract(pages[i].Text, sentences[i], quotes[i], pages[i].Metadata)),
            ("entities", i => entities.Extract(pages[i].Text, sentences[i])),
            ("quantities", i => quantities.Extract(pages[i].Text, sentences[i], pages[i].Metadata)),
            ("stance", i => stances.Detect(pages[i].Text, sentences[i], statements[i], numbers[i], pages[i].Segments)),
            ("whole analysis", i => analyser.Analyse(pages[i])),
        ];

        // Wall time is what a user waits; the process's CPU time is the steadier figure on a machine other work
        // shares, since it leaves out the time the thread waited for a core (it includes the GC's threads).
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"Analysis stages on {pages.Count:N0} AllSides pages ({pages.Sum(p => p.Text.Length) / 1e6:F1} M chars), one thread, best of {Rounds} rounds after a warm-up:");
        foreach (var (name, run) in stages)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < pages.Count; i++)
                run(i);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var (wall, cpu) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
            for (var round = 0; round < Rounds; round++)
            {
                var processor = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < pages.Count; i++)
                    run(i);
                wall = watch.Elapsed < wall ? watch.Elapsed : wall;
                self.Refresh();
                cpu = self.TotalProcessorTime - processor < cpu ? self.TotalProcessorTime - processor : cpu;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-16}{wall.TotalMilliseconds / pages.Count,8:F3} ms/page {cpu.TotalMilliseconds / pages.Count,8:F3} ms CPU/page {allocated / 1024.0 / pages.Count,8:F1} KB/page"));
        }

        return 0;
    }
}
