using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace.Bench;

/// <summary>
/// Claims linking (entity index, reports, grouping, same events, borrowed dates, conflicts, timelines) over
/// corpora of 10k, 30k and 100k pages, on one thread. Run it with
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- claims</c>.
/// </summary>
/// <remarks>
/// The AllSides file is read and analysed once (not timed). A corpus of N pages is made of copies of it: copy k of
/// a page has its own key and every year in its dates moved k*10 years on, so copies make new claims rather than
/// new reports of old ones, and each side's timeline grows with the corpus. As in the product
/// (<see cref="StoreLinking"/>), only pages with a figure of a known measure go to the linker; the table says how
/// many that is. Copy links are not part of this run (`-- linking` measures them).
/// </remarks>
internal static partial class ClaimsLinkingThroughput
{
    private static readonly int[] Sizes = [10_000, 30_000, 100_000];

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : Sizes;
        var corpus = CorpusLocator.Find();
        Console.WriteLine($"ClaimTrace claims linking, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, corpus {corpus}");
        var (all, measured) = Load(corpus);
        Console.WriteLine($"{all:N0} AllSides pages, {measured.Count:N0} with a figure of a known measure ({(double)measured.Count / all:P1})");
        Console.WriteLine("Single-threaded; after a warm-up run.");
        Console.WriteLine();

        Measure(measured, all, 2_000);
        Console.WriteLine($"{"pages",10}{"linked",10}{"reports",10}{"claims",10}{"conflicts",11}{"seconds",10}{"µs/page",10}{"MB",8}");
        foreach (var size in sizes)
        {
            var r = Measure(measured, all, size);
            Console.WriteLine(FormattableString.Invariant(
                $"{size,10:N0}{r.Linked,10:N0}{r.Reports,10:N0}{r.Claims,10:N0}{r.Conflicts,11:N0}{r.Seconds,10:F2}{r.Seconds * 1e6 / size,10:F1}{r.Megabytes,8:F0}"));
        }

        Console.WriteLine();
        Console.WriteLine("Growth: time per page should stay flat if the cost is linear in the number of pages.");
        return 0;
    }

    private static (int All, List<LinkedPage> Measured) Load(string corpus)
    {
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        var processor = Pipelines.CreateProcessor();
        var measured = new List<LinkedPage>();
        var all = 0;
        foreach (var result in walker.Read([Path.Combine(corpus, "allsides")], null))
        {
            if (result.Page is not { } raw || processor.Process(raw).Page is not { } page)
                continue;
            all++;
            if (page.Analysis.Quantities.Any(q => q.Measure is not null && !q.InComments))
                measured.Add(new LinkedPage(page, page.Analysis));
        }

        return (all, measured);
    }

    private static (int Linked, int Reports, int Claims, int Conflicts, double Seconds, double Megabytes) Measure(List<LinkedPage> measured, int all, int size)
    {
        var count = (int)Math.Round((double)size * measured.Count / all);
        var pages = new List<LinkedPage>(count);
        for (var i = 0; i < count; i++)
        {
            var copy = i / measured.Count;
            pages.Add(copy == 0 ? measured[i] : Shifted(measured[i % measured.Count], copy));
        }

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var result = new ClaimLinker().Link(pages, []);
        clock.Stop();
        var megabytes = (GC.GetTotalMemory(forceFullCollection: false) - before) / 1e6;
        return (pages.Count, result.Claims.Sum(c => c.Reports.Count), result.Claims.Count, result.Conflicts.Count, clock.Elapsed.TotalSeconds, megabytes);
    }

    private static LinkedPage Shifted(LinkedPage page, int copy)
    {
        var moved = Shifted(page.Page, copy);
        return new LinkedPage(moved, moved.Analysis);
    }

    /// <summary>
    /// Copy <paramref name="copy"/> of a page: its own key, and every year in its dates moved copy*10 years on, so
    /// a corpus of copies grows in claims (each side's timeline longer) rather than in reports of the same claims.
    /// </summary>
    internal static Page Shifted(Page page, int copy)
    {
        string Move(string iso) => Year().Replace(iso, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + (10 * copy)).ToString(CultureInfo.InvariantCulture));
        var metadata = page.Metadata with
        {
            Published = page.Metadata.Published is { } p ? p with { Value = Move(p.Value) } : null,
        };
        var analysis = page.Analysis with { Dates = [.. page.Analysis.Dates.Select(d => d with { Value = Move(d.Value) })] };
        return page with { Key = page.Key + "#copy" + copy.ToString(CultureInfo.InvariantCulture), Metadata = metadata, Analysis = analysis };
    }

    [GeneratedRegex(@"(?<![\d-])\d{4}(?=-|$|\.)")]
    private static partial Regex Year();
}
