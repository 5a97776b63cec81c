using System.Diagnostics;
using System.Globalization;

namespace ClaimTrace.Bench;

/// <summary>
/// Near-duplicate linking at 10k, 30k and 100k pages: shingling, MinHash, the LSH probe and the check of each
/// candidate, one page at a time on one thread (so the time is time per core). Run it with
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- linking</c>.
/// </summary>
/// <remarks>
/// The pages are made from the AllSides articles (segmented by the product, Article segments only), so their
/// lengths and vocabulary are real news: every tenth page is a near copy of the page before it (2% of its
/// words replaced, its tail cut to 70-100% of its length), the others are AllSides articles with each word
/// replaced, with probability one half, by a word drawn from the whole corpus, which leaves them with almost
/// no five-word shingle in common with each other. A fixed seed makes every run use the same pages. Only the
/// linking is timed: making the pages is not.
/// </remarks>
internal static class LinkingThroughput
{
    private static readonly int[] Sizes = [10_000, 30_000, 100_000];

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : Sizes;
        var corpus = CorpusLocator.Find();
        Console.WriteLine($"ClaimTrace linking, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, corpus {corpus}");
        var articles = LoadArticles(corpus);
        var vocabulary = articles.SelectMany(a => a).Distinct(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"{articles.Count:N0} AllSides articles, {articles.Sum(a => a.Length) / (double)articles.Count:F0} words each on average, {vocabulary.Length:N0} distinct words");
        Console.WriteLine("Single-threaded; after a warm-up run of 2,000 pages.");
        Console.WriteLine();

        Measure(articles, vocabulary, 2_000);
        Console.WriteLine($"{"pages",10}{"seconds",10}{"µs/page",10}{"pairs",10}{"planted",10}{"recall",8}{"other pairs",13}");
        foreach (var size in sizes)
        {
            var r = Measure(articles, vocabulary, size);
            Console.WriteLine(FormattableString.Invariant(
                $"{size,10:N0}{r.Seconds,10:F2}{r.Seconds * 1e6 / size,10:F1}{r.Pairs,10:N0}{r.Planted,10:N0}{(double)r.Found / r.Planted,8:P1}{r.Pairs - r.Found,13:N0}"));
        }

        Console.WriteLine();
        Console.WriteLine("Growth: time per page should stay flat if the cost is linear in the number of pages.");
        return 0;
    }

    private static (double Seconds, int Pairs, int Planted, int Found) Measure(List<string[]> articles, string[] vocabulary, int count)
    {
        var random = new Random(20161);
        var fingerprinter = new Fingerprinter();
        var linker = new CopyLinker();
        var clock = new Stopwatch();
        int pairs = 0, planted = 0, found = 0;
        string[]? previous = null;
        for (var i = 0; i < count; i++)
        {
            string[] words;
            var copy = i % 10 == 9 && previous is not null;
            if (copy)
            {
                words = Edit(previous!, random, vocabulary, 0.02);
                words = words[..Math.Max(1, (int)(words.Length * (0.7 + (0.3 * random.NextDouble()))))];
                planted++;
            }
            else
            {
                words = Edit(articles[i % articles.Count], random, vocabulary, 0.5);
            }

            var page = MakePage(i, string.Join(' ', words));
            clock.Start();
            var links = linker.Add(fingerprinter.Of(page));
            clock.Stop();
            pairs += links.Count;
            if (copy && links.Any(l => l.CopyId == Id(i - 1) || l.OriginId == Id(i - 1)))
                found++;
            previous = copy ? null : words;
        }

        return (clock.Elapsed.TotalSeconds, pairs, planted, found);
    }

    private static string[] Edit(string[] words, Random random, string[] vocabulary, double share)
    {
        var edited = (string[])words.Clone();
        for (var i = 0; i < edited.Length; i++)
        {
            if (random.NextDouble() < share)
                edited[i] = vocabulary[random.Next(vocabulary.Length)];
        }

        return edited;
    }

    private static string Key(int i) => "bench:" + i.ToString(CultureInfo.InvariantCulture);

    private static string Id(int i) => PageIds.FromKey(Key(i));

    private static Page MakePage(int i, string text) => new()
    {
        Source = Key(i),
        Key = Key(i),
        ContentHash = "",
        Format = PageFormat.Text,
        Text = text,
        Encoding = "utf-8",
        Metadata = PageMetadata.Empty,
        Segments = [new Segment(SegmentKind.Article, 0, text.Length, 1, 1)],
        Comments = [],
    };

    /// <summary>The words of each AllSides article's Article segments, as the product segments them.</summary>
    private static List<string[]> LoadArticles(string corpus)
    {
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        var processor = Pipelines.CreateProcessor(analyse: false);
        var articles = new List<string[]>();
        foreach (var result in walker.Read([Path.Combine(corpus, "allsides")], null))
        {
            if (result.Page is not { } raw || processor.Process(raw).Page is not { } page)
                continue;
            var words = ArticleText.Ranges(page).SelectMany(r => page.Text[r.Start..r.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray();
            if (words.Length >= 20)
                articles.Add(words);
        }

        return articles;
    }
}
