using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClaimTrace.Bench;

/// <summary>
/// The store the web load test serves: the corpus's analysed plain-text pages (as <c>-- search</c> reads them),
/// repeated up to the size asked for. Copy k of a page has its own key and its years moved k*10 on (as <c>-- claims</c>
/// makes its copies), so the store grows in claims and timelines, not only in reports of the same claims; and half
/// of its lower-case words are replaced by words of the same length drawn from the corpus (as <c>-- linking</c>
/// makes its unrelated pages), so copies are not word-for-word duplicates: 25 verbatim copies of every page would
/// make each a 25-fold crosspost, which no crawl looks like, and copy linking would be measuring that instead.
/// Same-length words keep every offset of the analysis valid. Building 100,000 pages takes minutes, so a store kept
/// at a given path is reused when it already holds enough documents.
/// </summary>
internal static partial class WebBenchCorpus
{
    public static void Ensure(string path, int size)
    {
        if (File.Exists(path))
        {
            // Never deleted here: a store that took half an hour to build is the user's to throw away.
            var documents = Documents(path);
            if (documents < size)
                throw new InvalidOperationException($"{path} holds {documents:N0} documents, fewer than {size:N0}: delete it to build a new one");
            Console.WriteLine($"reusing {path}: {documents:N0} documents, {new FileInfo(path).Length / 1048576.0:F0} MB");
            return;
        }

        var clock = Stopwatch.StartNew();
        // A few corpus rows share a URL (a later row is a new version of the page): one of each, so N pages make N documents.
        var analysed = SearchThroughput.Analyse(CorpusLocator.Find()).DistinctBy(p => p.Key, StringComparer.Ordinal).ToList();
        Console.WriteLine($"{analysed.Count:N0} analysed text pages in {clock.Elapsed.TotalSeconds:F0} s; storing {size:N0} pages");
        var vocabulary = analysed.SelectMany(p => Word().Matches(p.Text).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        var random = new Random(20161);
        var pages = Enumerable.Range(0, size)
            .Select(i => i < analysed.Count
                ? analysed[i]
                : Reworded(ClaimsLinkingThroughput.Shifted(analysed[i % analysed.Count], i / analysed.Count), vocabulary, random))
            .ToList();
        var (seconds, megabytes) = SearchThroughput.Store(SqlitePageStore.Migrations, path, pages);
        Console.WriteLine($"stored {pages.Count:N0} pages in {seconds:F0} s ({pages.Count / seconds:N0} pages/s), {megabytes:F0} MB");
    }

    /// <summary>The page with each lower-case word replaced, with probability one half, by another of its length.</summary>
    private static Page Reworded(Page page, Dictionary<int, string[]> vocabulary, Random random)
    {
        var text = page.Text.ToCharArray();
        foreach (Match word in Word().Matches(page.Text))
        {
            if (random.Next(2) == 0 && vocabulary.TryGetValue(word.Length, out var words))
                words[random.Next(words.Length)].CopyTo(0, text, word.Index, word.Length);
        }

        var reworded = new string(text);
        return page with { Text = reworded, ContentHash = PageIds.Sha256Hex(reworded) };
    }

    private static int Documents(string path)
    {
        using var store = SqlitePageStore.Open(path);
        return store.Counts().Documents;
    }

    [GeneratedRegex(@"\b[a-z]{3,}\b")]
    private static partial Regex Word();
}
