using System.Xml.Linq;

namespace ClaimTrace.Tests;

/// <summary>
/// Copy links on the BuzzFeed-Webis 2016 and AllSides corpora (../shared/corpus): reposts that credit another
/// outlet are linked to it, and the near-duplicate pairs found are listed for the hand-labelled sample in docs/linking.md.
/// </summary>
public sealed class CorpusCopyLinkTests(ITestOutputHelper output)
{
    /// <summary>A BuzzFeed-Webis article as a plain-text page: its main text, the portal as outlet, its URI as URL.</summary>
    internal static List<Page> BuzzFeedPages()
    {
        var folder = Corpus.Require("buzzfeed-webis-2016", "articles");
        var segmenter = new PlainTextSegmenter();
        var pages = new List<Page>();
        foreach (var path in Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var article = XDocument.Load(path).Root!;
            var text = (string?)article.Element("mainText") ?? "";
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var container = PageMetadata.Empty with
            {
                Outlet = (string?)article.Element("portal") is { } portal ? new MetaValue(portal, "container:xml") : null,
                Url = (string?)article.Element("uri") is { } uri ? new MetaValue(uri, "container:xml") : null,
                Title = (string?)article.Element("title") is { } title ? new MetaValue(title, "container:xml") : null,
            };
            pages.Add(PageAssembler.Assemble(path, PageFormat.Text, "utf-8", segmenter.Segment(path, text, container)));
        }

        return pages;
    }

    internal static List<Page> AllSidesPages()
    {
        var folder = Corpus.Require("allsides");
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        var processor = Pipelines.CreateProcessor(analyse: false);
        return [.. walker.Read([folder], null).Where(r => r.Page is not null).Select(r => processor.Process(r.Page!).Page).OfType<Page>().DistinctBy(p => p.Id)];
    }

    private List<CopyLink> Link(List<Page> pages, string name)
    {
        var fingerprinter = new Fingerprinter();
        var linker = new CopyLinker();
        var byId = pages.ToDictionary(p => p.Id);
        var links = pages.SelectMany(p => linker.Add(fingerprinter.Of(p))).ToList();
        output.WriteLine($"{name}: {pages.Count} pages, {pages.Count(p => p.Metadata.OriginalSource is not null)} with a credit, {links.Count(l => !l.IsPagePair)} outlet links, {links.Count(l => l.IsPagePair)} page pairs");
        foreach (var l in links)
        {
            var copy = byId[l.CopyId];
            var origin = l.OriginId is { } o ? byId[o] : null;
            output.WriteLine($"{l.Direction,-10} {copy.Metadata.Outlet?.Value} {copy.Key} -> {(origin is null ? "outlet " + l.OriginOutlet : origin.Metadata.Outlet?.Value + " " + origin.Key)} | {l.Explain()}");
        }

        return links;
    }

    /// <remarks>
    /// The corpus's reposts are the Daily Caller News Foundation pieces Eagle Rising runs under a
    /// "From the Daily Caller News Foundation:" opening; they are counted here straight from the XML, apart
    /// from the segmenter. None of the Daily Caller's own pages is in the corpus, so each is linked to the outlet.
    /// </remarks>
    [Fact]
    public void BuzzFeed_reposts_that_credit_another_outlet_are_linked_to_it()
    {
        var pages = BuzzFeedPages();
        var reposts = pages.Where(p => p.Text.StartsWith("From the Daily Caller News Foundation:", StringComparison.Ordinal)).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();

        var links = Link(pages, "buzzfeed-webis-2016");

        var credited = links.Where(l => !l.IsPagePair).ToList();
        Assert.Equal(7, reposts.Count);
        Assert.Equal(reposts, credited.Select(l => l.CopyId).Order(StringComparer.Ordinal));
        Assert.All(credited, l => Assert.Equal(("The Daily Caller", LinkDirection.Credited), (l.OriginOutlet, l.Direction)));
        Assert.All(credited, l => Assert.Equal("Daily Caller News Foundation", pages.Single(p => p.Id == l.CopyId).Text[l.Credit!.Start!.Value..l.Credit.End!.Value]));

        // Freedom Daily's Rahami story is Politico's with a video added: a near-duplicate across outlets.
        Assert.Contains(links, l => l.IsPagePair && Key(pages, l.CopyId).Contains("freedomdaily.com/police-capture-ahmad-khan-rahami", StringComparison.Ordinal)
            && Key(pages, l.OriginId!).Contains("politico.com/story/2016/09/ahmad-khan-rahami-arrested", StringComparison.Ordinal));
    }

    /// <remarks>
    /// AllSides has three credit lines: two Politico pieces "originally published on POLITICO Pro" (a product of
    /// Politico's, but named apart, so linked to that name) and a Christian Science Monitor column from The Conversation.
    /// </remarks>
    [Fact]
    public void AllSides_reposts_that_credit_another_outlet_are_linked_to_it()
    {
        var pages = AllSidesPages();
        var links = Link(pages, "allsides");

        var credited = links.Where(l => !l.IsPagePair).Select(l => (pages.Single(p => p.Id == l.CopyId).Metadata.Outlet?.Value, l.OriginOutlet)).Order().ToList();
        Assert.Equal(pages.Count(p => p.Metadata.OriginalSource is not null), credited.Count);
        Assert.Equal([("Christian Science Monitor", "The Conversation"), ("Politico", "POLITICO Pro"), ("Politico", "POLITICO Pro")], credited);
        Assert.Contains(links, l => l.IsPagePair && Key(pages, l.CopyId).Contains("politico.com", StringComparison.Ordinal) && Key(pages, l.OriginId!).Contains("foxnews.com", StringComparison.Ordinal));
    }

    private static string Key(List<Page> pages, string id) => pages.Single(p => p.Id == id).Key;
}
