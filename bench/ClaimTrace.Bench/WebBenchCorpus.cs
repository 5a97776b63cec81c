using System.Diagnostics;

namespace ClaimTrace.Bench;

/// <summary>
/// The store the web load test serves: the corpus's analysed plain-text pages (as <c>-- search</c> reads them),
/// repeated up to the size asked for, each repeat under its own key with its years moved on (as <c>-- claims</c>
/// makes its copies), so the store grows in documents, search units and claims alike. Building 100,000 pages takes
/// minutes, so a store kept at a given path is reused when it already holds enough documents.
/// </summary>
internal static class WebBenchCorpus
{
    public static void Ensure(string path, int size)
    {
        if (File.Exists(path))
        {
            var documents = Documents(path);
            if (documents >= size)
            {
                Console.WriteLine($"reusing {path}: {documents:N0} documents, {new FileInfo(path).Length / 1048576.0:F0} MB");
                return;
            }

            Console.WriteLine($"{path} holds {documents:N0} documents, fewer than {size:N0}: rebuilding it");
            File.Delete(path);
        }

        var clock = Stopwatch.StartNew();
        var analysed = SearchThroughput.Analyse(CorpusLocator.Find());
        Console.WriteLine($"{analysed.Count:N0} analysed text pages in {clock.Elapsed.TotalSeconds:F0} s; storing {size:N0} pages (copy k of a page has its years moved k*10 on)");
        var pages = Enumerable.Range(0, size)
            .Select(i => i < analysed.Count ? analysed[i] : ClaimsLinkingThroughput.Shifted(analysed[i % analysed.Count], i / analysed.Count))
            .ToList();
        var (seconds, megabytes) = SearchThroughput.Store(SqlitePageStore.Migrations, path, pages);
        Console.WriteLine($"stored {pages.Count:N0} pages in {seconds:F0} s ({pages.Count / seconds:N0} pages/s), {megabytes:F0} MB");
    }

    private static int Documents(string path)
    {
        using var store = SqlitePageStore.Open(path);
        return store.Counts().Documents;
    }
}
