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
        foreach (var id in ids)
        {
            if (store.Find(id) is { } stored)
                pages.Add(new LinkedPage(stored.Page, stored.Page.Analysis));
        }

        var distinct = PagePairsTouching(store, [.. pages.Select(p => p.Id)]);
        return new LinkedCorpus(new ClaimLinker(analyser ?? new PageAnalyser()).Link(pages, distinct), pages.ToDictionary(p => p.Id, StringComparer.Ordinal), distinct);
    }

    /// <summary>
    /// The links between two stored pages that touch one of <paramref name="ids"/>, read in one pass over the links
    /// rather than a query per page, in the order of the page they first touch.
    /// </summary>
    private static List<CopyLink> PagePairsTouching(IPageStore store, List<string> ids)
    {
        const int PageSize = 10_000;
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var byPage = new Dictionary<string, List<CopyLink>>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            var batch = store.ListCopyLinks(new CopyLinkQuery(PagePairsOnly: true, Offset: offset, Limit: PageSize));
            foreach (var link in batch)
            {
                foreach (var page in new[] { link.CopyId, link.OriginId! }.Distinct(StringComparer.Ordinal))
                {
                    if (!wanted.Contains(page))
                        continue;
                    if (!byPage.TryGetValue(page, out var list))
                        byPage[page] = list = [];
                    list.Add(link);
                }
            }

            if (batch.Count < PageSize)
                break;
        }

        return [.. ids.SelectMany(id => byPage.GetValueOrDefault(id) ?? []).DistinctBy(l => (l.CopyId, l.Target))];
    }
}

/// <summary>What linking found, with the pages it read (their texts are the evidence) and the copy links among them.</summary>
public sealed record LinkedCorpus(LinkResult Result, IReadOnlyDictionary<string, LinkedPage> Pages, IReadOnlyList<CopyLink> CopyLinks);
