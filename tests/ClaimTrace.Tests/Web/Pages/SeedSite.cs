using AngleSharp.Dom;

namespace ClaimTrace.Tests;

/// <summary>
/// The seed pages ingested into a store of their own and linked, as <c>claimtrace serve</c> would show them: one per
/// test class (a class fixture), built on first use so a missing corpus skips the test instead of failing the fixture.
/// </summary>
public sealed class SeedSite : IDisposable
{
    private readonly Lazy<(TempFolder Folder, IPageStore Store, LinkedCorpus Corpus)> _built = new(Build);

    internal IPageStore Store => Require().Store;

    internal LinkedCorpus Corpus => Require().Corpus;

    /// <summary>The claim the seeds are about: Mizintsev's "more than 96.5% of Syria" of 11 December 2018.</summary>
    internal Claim Mizintsev => Corpus.Result.Claims.Single(c => c.Value == 96.5 && c.Reports.Any(r => !r.IsEcho && (r.SpeakerWritten ?? "").Contains("Mizintsev", StringComparison.Ordinal)));

    internal string IdOf(string seedFile) =>
        Store.ListDocuments(new DocumentQuery(Limit: 100)).Single(d => d.Source.EndsWith(seedFile, StringComparison.Ordinal)).Id;

    public void Dispose()
    {
        if (!_built.IsValueCreated)
            return;
        _built.Value.Store.Dispose();
        _built.Value.Folder.Dispose();
    }

    private (TempFolder Folder, IPageStore Store, LinkedCorpus Corpus) Require()
    {
        ClaimTrace.Tests.Corpus.Require("seeds");
        return _built.Value;
    }

    private static (TempFolder, IPageStore, LinkedCorpus) Build()
    {
        var folder = new TempFolder("web-pages");
        var store = SqlitePageStore.Open(folder.File("seeds.db"));
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        new IngestRunner(Pipelines.CreateProcessor(), store).Run(walker.Read([ClaimTrace.Tests.Corpus.Require("seeds")], null));
        return (folder, store, StoreLinking.Link(store));
    }
}

/// <summary>Rendered pages parsed back, the way a browser would see them.</summary>
internal static class Dom
{
    public static IDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    public static IDocument Parse(ClaimTrace.Web.HtmlPage page) => Parse(page.Html);

    /// <summary>Text with runs of white space made one space, as a reader sees it.</summary>
    public static string Words(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
