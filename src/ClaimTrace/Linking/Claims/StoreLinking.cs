using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// Links the claims of a store and keeps the result in it (schema 6). Copy links are brought up to date first
/// (<see cref="CopyLinkRunner"/>, which only fingerprints pages it has not seen). Claims are made only of the pages
/// that report a figure of a known measure and of the copy links touching them, so those, with the linker's build and
/// the user's data files, are the inputs: when their digest is the stored result's, the stored result is the answer
/// and nothing is linked. An ingest of pages without such a figure (most pages of a news crawl) therefore costs
/// claims nothing; one that brings a figure links the measured pages again, since a page can move a claim, an event
/// or a date anywhere in the corpus (docs/claims.md, "Stored claims").
/// </summary>
public static class StoreLinking
{
    /// <summary>The store's claims: the stored result when it was made from what the store holds now, else linked now and stored.</summary>
    public static LinkedCorpus Link(IPageStore store, IPageAnalyser? analyser = null) => Run(store, analyser, force: false, null).Corpus;

    /// <summary>
    /// As <see cref="Link(IPageStore, IPageAnalyser?)"/>; when the stored result is current, its pages are read with
    /// <paramref name="quotable"/> (an id to <see cref="IPageStore.FindQuotable"/> on a store of the caller's choosing),
    /// so a server can read pages for several requests at once on stores of its own instead of queueing on one.
    /// </summary>
    public static LinkedCorpus Link(IPageStore store, Func<string, StoredPage?> quotable) => Run(store, null, force: false, quotable).Corpus;

    /// <summary>Links the claims again whatever is stored, and stores the result (<c>claimtrace relink</c>).</summary>
    public static LinkedCorpus Relink(IPageStore store, IPageAnalyser? analyser = null) => Run(store, analyser, force: true, null).Corpus;

    /// <summary>Brings the stored claims up to date after an ingest, and says whether that needed linking.</summary>
    public static LinkUpdate Update(IPageStore store, IPageAnalyser? analyser = null) => Run(store, analyser, force: false, null).Update;

    /// <summary>Rounds of linking that another process's newer result may overtake before this one gives up.</summary>
    private const int MostAttempts = 5;

    private static (LinkedCorpus Corpus, LinkUpdate Update) Run(IPageStore store, IPageAnalyser? analyser, bool force, Func<string, StoredPage?>? quotable)
    {
        ArgumentNullException.ThrowIfNull(store);
        new CopyLinkRunner(store).Run();
        for (var attempt = 1; ; attempt++)
        {
            // Read before the inputs: a result stored after this point makes the save below refuse (TrySaveLinks).
            var seen = store.LoadLinkState();
            var measured = store.ListMeasuredDocuments();
            var ids = measured.Select(m => m.Id).ToList();
            var links = PagePairsTouching(store, ids);
            var inputs = Digest(measured, links);

            if (!force && seen is { } state && state.Inputs == inputs && Stored(store) is { } stored)
                return (new LinkedCorpus(stored, new StoredPages(quotable ?? store.FindQuotable, ids), links), new LinkUpdate(false, state.Pages, state.Claims, state.Conflicts));

            var pages = new List<LinkedPage>(ids.Count);
            foreach (var id in ids)
            {
                if (store.Find(id) is { } page)
                    pages.Add(new LinkedPage(page.Page, page.Page.Analysis));
            }

            var result = new ClaimLinker(analyser ?? new PageAnalyser()).Link(pages, links);
            var snapshot = LinkResultJson.ToSnapshot(result, new LinkState(inputs, DateTimeOffset.UtcNow, pages.Count, 0, 0));
            // Another ingest (on a shared server, another machine) stored its result meanwhile: look again, since
            // its result may be the newer one. After a few rounds, answer with this result and leave the store's: an
            // older result never overwrites a newer one, and a stale one is linked again by the next look (its
            // inputs digest no longer matches).
            if (store.TrySaveLinks(snapshot, seen?.Inputs) || attempt >= MostAttempts)
            {
                var corpus = new LinkedCorpus(result, pages.ToDictionary(p => p.Id, StringComparer.Ordinal), links);
                return (corpus, new LinkUpdate(true, pages.Count, result.Claims.Count, result.Conflicts.Count));
            }
        }
    }

    /// <summary>The stored result, or null when it cannot be read by this build (then it is linked again).</summary>
    private static LinkResult? Stored(IPageStore store)
    {
        try
        {
            return store.LoadLinks() is { } snapshot ? LinkResultJson.FromSnapshot(snapshot) : null;
        }
        catch (StoreException)
        {
            return null;
        }
    }

    /// <summary>
    /// What claims are made of: the measured pages and their versions, the copy links touching them, and what the
    /// linker reads besides (its build, which carries the shipped data files, and the user's data folder).
    /// </summary>
    private static string Digest(IReadOnlyList<DocumentVersion> measured, IReadOnlyList<CopyLink> links)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Line("build " + typeof(ClaimLinker).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        Line("data " + UserData.Value);
        foreach (var m in measured)
            Line(string.Create(CultureInfo.InvariantCulture, $"page {m.Id} {m.Version}"));
        foreach (var l in links)
            Line($"copy {l.CopyId} {l.Target} {l.OriginId} {l.Direction}");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static readonly Lazy<string> UserData = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable(DataFiles.UserFolderVariable);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            return "none";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    });

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

    /// <summary>
    /// The measured pages of a stored result, read from the store when first asked for: a dossier of one claim reads
    /// its few pages, not the corpus, and of each only what reports quote (text, metadata, sentences: <see
    /// cref="IPageStore.FindQuotable"/>). The store must stay open while the corpus is used.
    /// </summary>
    private sealed class StoredPages(Func<string, StoredPage?> quotable, IReadOnlyList<string> ids) : IReadOnlyDictionary<string, LinkedPage>
    {
        private readonly HashSet<string> _ids = ids.ToHashSet(StringComparer.Ordinal);

        // Read outside any lock: two requests after the same page may both read it (the first kept wins), which costs
        // less than every request queueing behind one reader.
        private readonly ConcurrentDictionary<string, LinkedPage?> _read = new(StringComparer.Ordinal);

        public int Count => ids.Count;

        public IEnumerable<string> Keys => ids;

        public IEnumerable<LinkedPage> Values => ids.Select(id => this[id]);

        public LinkedPage this[string key] => TryGetValue(key, out var page) ? page : throw new KeyNotFoundException($"No measured page {key}.");

        public bool ContainsKey(string key) => _ids.Contains(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out LinkedPage value)
        {
            value = null;
            if (!_ids.Contains(key))
                return false;
            if (!_read.TryGetValue(key, out value))
                value = _read.GetOrAdd(key, quotable(key) is { } stored ? new LinkedPage(stored.Page, stored.Page.Analysis) : null);

            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, LinkedPage>> GetEnumerator() =>
            ids.Select(id => TryGetValue(id, out var p) ? new KeyValuePair<string, LinkedPage>(id, p) : default).Where(p => p.Key is not null).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>What linking found, with the pages it read (their texts are the evidence) and the copy links among them.</summary>
public sealed record LinkedCorpus(LinkResult Result, IReadOnlyDictionary<string, LinkedPage> Pages, IReadOnlyList<CopyLink> CopyLinks);

/// <summary>After an ingest: whether the claims had to be linked again (<see cref="Relinked"/>), and how many there are.</summary>
public sealed record LinkUpdate(bool Relinked, int Pages, int Claims, int Conflicts);
