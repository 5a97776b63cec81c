namespace ClaimTrace;

/// <summary>
/// Links the claims of a store: brings its copy links up to date (<see cref="CopyLinkRunner"/>, which only
/// fingerprints pages it has not seen), then reads the pages that report a figure of a known measure and links
/// them. Pages without such a figure cannot be part of a claim, so they are not read.
/// </summary>
public static class StoreLinking
{
    public static LinkedCorpus Link(IPageStore store, IPageAnalyser? analyser = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        new CopyLinkRunner(store).Run();
        var ids = store.ListMeasuredDocuments();
        var pages = new List<LinkedPage>(ids.Count);
        var links = new List<CopyLink>();
        foreach (var id in ids)
        {
            if (store.Find(id) is not { } stored)
                continue;
            pages.Add(new LinkedPage(stored.Page, stored.Page.Analysis));
            links.AddRange(store.ListCopyLinks(new CopyLinkQuery(PageId: id, PagePairsOnly: true, Limit: 10_000)));
        }

        var distinct = links.DistinctBy(l => (l.CopyId, l.Target)).ToList();
        return new LinkedCorpus(new ClaimLinker(analyser ?? new PageAnalyser()).Link(pages, distinct), pages.ToDictionary(p => p.Id, StringComparer.Ordinal), distinct);
    }
}

/// <summary>What linking found, with the pages it read (their texts are the evidence) and the copy links among them.</summary>
public sealed record LinkedCorpus(LinkResult Result, IReadOnlyDictionary<string, LinkedPage> Pages, IReadOnlyList<CopyLink> CopyLinks);
