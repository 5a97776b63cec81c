namespace ClaimTrace;

/// <summary>
/// Brings a store's copy links up to date: loads the stored fingerprints into a <see cref="CopyLinker"/>
/// (signatures, not pages, so old pages are not read again), then fingerprints the documents that have no
/// fingerprint for their current version and stores their links, batch by batch. A relink forgets every
/// fingerprint and link first and rebuilds them from the pages; the links come out the same.
/// </summary>
public sealed class CopyLinkRunner(IPageStore store, DuplicateSettings? settings = null)
{
    private const int BatchSize = 500;
    private readonly DuplicateSettings settings = settings ?? DuplicateSettings.Default;

    /// <summary>Links the pages not linked yet; returns how many pages were fingerprinted and links stored.</summary>
    public CopyLinkRun Run(bool relink = false)
    {
        // Every page fingerprinted with this scheme (a page has one fingerprint, so none is of another): nothing to
        // link, and reading commands that call this first do not pay for loading the index.
        if (!relink && store.ListUnfingerprinted(settings.Scheme, 1).Count == 0)
            return new CopyLinkRun(0, 0, 0);

        var stored = store.LoadFingerprints();
        // Signatures of another scheme cannot be compared with new ones: start over rather than mix them.
        if (relink || stored.Any(s => s.Scheme != settings.Scheme))
        {
            store.ClearLinking();
            stored = [];
        }

        var linker = new CopyLinker(settings);
        foreach (var s in stored)
            linker.Add(s.Fingerprint);

        var fingerprinter = new Fingerprinter(settings);
        int pages = 0, links = 0;
        while (true)
        {
            var ids = store.ListUnfingerprinted(settings.Scheme, BatchSize);
            if (ids.Count == 0)
                break;
            var prints = new List<Fingerprint>(ids.Count);
            var found = new List<CopyLink>();
            foreach (var id in ids)
            {
                if (store.Find(id) is not { } page)
                    continue;
                var print = fingerprinter.Of(page.Page, page.Version);
                prints.Add(print);
                found.AddRange(linker.Add(print));
            }

            store.SaveLinking(settings.Scheme, prints, found);
            pages += prints.Count;
            links += found.Count;
            if (prints.Count == 0)
                break;
        }

        return new CopyLinkRun(stored.Count, pages, links);
    }
}

/// <param name="Loaded">fingerprints read from the store and indexed again</param>
/// <param name="Fingerprinted">pages fingerprinted in this run</param>
/// <param name="Links">links found for them</param>
public sealed record CopyLinkRun(int Loaded, int Fingerprinted, int Links);
