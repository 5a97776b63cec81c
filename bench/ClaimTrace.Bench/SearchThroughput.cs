using System.Diagnostics;
using System.Globalization;

namespace ClaimTrace.Bench;

/// <summary>
/// What full-text search costs and how fast it answers: the corpus's plain-text pages (AllSides, FakeNewsCorpus
/// sample, seeds), analysed once and repeated under new keys up to the size asked for, stored in batches of 200
/// into a store without the search index (schema 4) and one with it (the current schema); then the schema-4 file is opened
/// with search (the upgrade indexes its backlog), and a set of queries is timed on the indexed store. Run it with
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- search [pages]</c>.
/// </summary>
internal static class SearchThroughput
{
    private const int BatchSize = 200;
    private const int QueryRounds = 7;

    public static int Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var corpus = CorpusLocator.Find();
        Console.WriteLine($"ClaimTrace search, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, corpus {corpus}");
        var analysed = Analyse(corpus);
        var pages = Enumerable.Range(0, size).Select(i =>
        {
            var page = analysed[i % analysed.Count];
            return i < analysed.Count ? page : page with { Key = $"copy{i / analysed.Count}:{page.Key}" };
        }).ToList();
        Console.WriteLine($"{analysed.Count:N0} analysed text pages, repeated under new keys to {pages.Count:N0}; {pages.Sum(p => p.Analysis.Statements.Count):N0} statements, {pages.Average(p => p.Text.Length):F0} chars per page");
        Console.WriteLine();

        var work = Directory.CreateTempSubdirectory("claimtrace-search-bench-");
        try
        {
            var withoutPath = Path.Combine(work.FullName, "schema4.db");
            var withPath = Path.Combine(work.FullName, "schema5.db");
            var without = Store(SqlitePageStore.Migrations.Take(4).ToList(), withoutPath, pages);
            var with = Store(SqlitePageStore.Migrations, withPath, pages);
            Console.WriteLine($"{"store",-36}{"seconds",10}{"pages/s",10}{"MB on disk",12}");
            Console.WriteLine(FormattableString.Invariant($"{"without search (schema 4)",-36}{without.Seconds,10:F2}{pages.Count / without.Seconds,10:N0}{without.Megabytes,12:F1}"));
            Console.WriteLine(FormattableString.Invariant($"{"with search (current schema)",-36}{with.Seconds,10:F2}{pages.Count / with.Seconds,10:N0}{with.Megabytes,12:F1}"));

            var upgrade = Stopwatch.StartNew();
            SqlitePageStore.Open(withoutPath).Dispose();
            upgrade.Stop();
            Console.WriteLine(FormattableString.Invariant($"{"upgrade from 4 (index the backlog)",-36}{upgrade.Elapsed.TotalSeconds,10:F2}{pages.Count / upgrade.Elapsed.TotalSeconds,10:N0}{new FileInfo(withoutPath).Length / 1048576.0,12:F1}"));
            Console.WriteLine();

            using var store = SqlitePageStore.Open(withPath);
            Console.WriteLine($"Queries, 20 hits with snippets and all facets; median of {QueryRounds} runs after a warm-up:");
            Console.WriteLine($"{"query",-58}{"hits",10}{"ms",10}");
            foreach (var (label, query) in Queries())
            {
                var results = store.Search(query);
                var times = new List<double>();
                for (var i = 0; i < QueryRounds; i++)
                {
                    var watch = Stopwatch.StartNew();
                    store.Search(query);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(FormattableString.Invariant($"{label,-58}{results.Total,10:N0}{times[times.Count / 2],10:F1}"));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return 0;
    }

    private static IEnumerable<(string Label, SearchQuery Query)> Queries() =>
    [
        ("96.5 (a number, rare)", new SearchQuery("96.5")),
        ("mizintsev, statements only", new SearchQuery("mizintsev", SearchKind.Statements)),
        ("\"white house\" (a phrase)", new SearchQuery("\"white house\"")),
        ("trump (common)", new SearchQuery("trump")),
        ("said (very common)", new SearchQuery("said")),
        ("immigra* (a prefix)", new SearchQuery("immigra*")),
        ("trump -clinton --kind statements --speaker trump", new SearchQuery("trump -clinton", SearchKind.Statements, Speaker: "trump")),
        ("(no words) --kind statements --from 2017 --to 2017-06", new SearchQuery(Kind: SearchKind.Statements, From: "2017", To: "2017-06")),
    ];

    /// <summary>Stores <paramref name="pages"/> in batches of 200 (the ingest's batch size); times the saves only.</summary>
    internal static (double Seconds, double Megabytes) Store(IReadOnlyList<Migration> migrations, string path, List<Page> pages)
    {
        var watch = new Stopwatch();
        using (var store = SqlitePageStore.Open(path, migrations))
        {
            for (var i = 0; i < pages.Count; i += BatchSize)
            {
                var batch = pages.GetRange(i, Math.Min(BatchSize, pages.Count - i));
                watch.Start();
                store.SaveBatch(batch, []);
                watch.Stop();
            }
        }

        return (watch.Elapsed.TotalSeconds, new FileInfo(path).Length / 1048576.0);
    }

    /// <summary>The corpus's plain-text pages (AllSides, FakeNewsCorpus sample, seeds), segmented and analysed.</summary>
    internal static List<Page> Analyse(string corpus)
    {
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        var processor = Pipelines.CreateProcessor();
        var paths = new[] { "allsides", "fakenewscorpus-sample", "seeds" }.Select(f => Path.Combine(corpus, f)).Where(Directory.Exists).ToList();
        var pages = new List<Page>();
        foreach (var result in walker.Read(paths, null))
        {
            if (result.Page is { } raw && processor.Process(raw).Page is { Format: PageFormat.Text } page)
                pages.Add(page);
        }

        return pages;
    }
}
