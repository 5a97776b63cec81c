namespace ClaimTrace;

/// <summary>
/// Finds who copied whom, one page at a time: adding a page's <see cref="Fingerprint"/> returns its links
/// to the pages added before it. Two kinds of evidence make a link:
/// <list type="bullet">
/// <item>a credit: the page names its original source. It always yields a link to the credited outlet; it
/// also links the page to each stored page at the credited URL, or of the credited outlet whose article
/// shares at least <see cref="CreditOverlapFloor"/> of its shingles with it (a rewritten crosspost that keeps
/// a few sentences word for word is still that page's copy; the outlet's other stories are not);</item>
/// <item>near-duplicate text (<see cref="NearDuplicateIndex"/>), directed by a credit if either page has one,
/// else by the published dates, else undirected.</item>
/// </list>
/// Every decision about a pair depends only on the two pages, never on what arrived between them, so
/// the links of a rebuilt store equal those of an incrementally grown one.
/// </summary>
public sealed class CopyLinker
{
    /// <summary>Estimated Jaccard from which a page of the credited outlet is taken for the credited page. Two
    /// stories in their own words share almost no five-word shingles (the seeds' unrelated pairs: 0.00); a
    /// crosspost that rewrites its origin but keeps sentences shares a tenth or more (seeds 000/001: 0.17).</summary>
    public const double CreditOverlapFloor = 0.05;

    private readonly NearDuplicateIndex index;
    private readonly Dictionary<string, Entry> pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> byOutlet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> creditingOutlet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> creditingUrl = new(StringComparer.Ordinal);

    public CopyLinker(DuplicateSettings? settings = null)
    {
        index = new NearDuplicateIndex(settings);
    }

    public DuplicateSettings Settings => index.Settings;

    /// <summary>Pages added (one per page id).</summary>
    public int Count => pages.Count;

    /// <summary>Adds a page and returns its new links, ordered by target. A page added again replaces its earlier fingerprint.</summary>
    public IReadOnlyList<CopyLink> Add(Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var entry = new Entry(
            fingerprint,
            OutletKey.Of(fingerprint.Outlet),
            OutletKey.Url(fingerprint.Url),
            fingerprint.Credit is { } c ? OutletKey.Of(c.Credited) : null,
            fingerprint.Credit?.Url is { } u ? OutletKey.Url(u) : null);

        // Candidates: the near-duplicates, plus every page a credit connects this one with, either way.
        var near = index.Add(fingerprint).ToDictionary(n => n.Earlier.PageId, StringComparer.Ordinal);
        var others = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var id in near.Keys)
            others[id] = pages[id];
        Gather(others, byOutlet, entry.CreditOutlet);
        Gather(others, byUrl, entry.CreditUrl);
        Gather(others, creditingOutlet, entry.OutletKey);
        Gather(others, creditingUrl, entry.UrlKey);
        others.Remove(fingerprint.PageId);

        var links = new List<CopyLink>();
        if (CreditsElsewhere(entry) && fingerprint.Credit is { } credit)
            links.Add(new CopyLink(fingerprint.PageId, null, credit.Credited, LinkDirection.Credited, credit, null, fingerprint.Published, null));
        foreach (var other in others.Values)
        {
            if (Decide(entry, other, near.GetValueOrDefault(other.Fingerprint.PageId)) is { } link)
                links.Add(link);
        }

        Remember(entry);
        links.Sort((a, b) => string.CompareOrdinal(a.CopyId + "|" + a.Target, b.CopyId + "|" + b.Target));
        return links;
    }

    private static CopyLink? Decide(Entry a, Entry b, NearDuplicate? near)
    {
        var fa = a.Fingerprint;
        var fb = b.Fingerprint;
        var jaccard = near?.Jaccard ?? fa.EstimatedJaccard(fb);
        var containment = near?.Containment ?? fa.EstimatedContainment(fb, jaccard);
        var aCopiesB = Credits(a, b, jaccard);
        var bCopiesA = Credits(b, a, jaccard);
        if (aCopiesB != bCopiesA)
        {
            var (copy, origin) = aCopiesB ? (fa, fb) : (fb, fa);
            return new CopyLink(copy.PageId, origin.PageId, origin.Outlet, LinkDirection.Credited, copy.Credit,
                jaccard > 0 ? new SimilarityEvidence(jaccard, containment, copy.ShingleCount, origin.ShingleCount) : null,
                copy.Published, origin.Published);
        }

        if (near is null)
            return null;

        var order = PublishedOrder.Compare(fa.Published, fb.Published);
        var (first, second) = order switch
        {
            < 0 => (fb, fa),
            > 0 => (fa, fb),
            _ => string.CompareOrdinal(fa.PageId, fb.PageId) < 0 ? (fa, fb) : (fb, fa),
        };
        return new CopyLink(first.PageId, second.PageId, second.Outlet, order is null or 0 ? LinkDirection.Undirected : LinkDirection.ByDate,
            null, new SimilarityEvidence(jaccard, containment, first.ShingleCount, second.ShingleCount), first.Published, second.Published);
    }

    /// <summary>Whether <paramref name="copy"/> credits <paramref name="origin"/>: by its URL, or by its outlet with shared text.</summary>
    private static bool Credits(Entry copy, Entry origin, double jaccard)
    {
        if (copy.CreditUrl is { } url && url == origin.UrlKey)
            return true;
        return CreditsElsewhere(copy) && copy.CreditOutlet == origin.OutletKey && jaccard >= CreditOverlapFloor;
    }

    /// <summary>A page crediting its own outlet ("first published on South Front" on South Front) copies nobody.</summary>
    private static bool CreditsElsewhere(Entry entry) =>
        entry.Fingerprint.Credit is not null && (entry.CreditOutlet is null || entry.CreditOutlet != entry.OutletKey);

    private void Gather(Dictionary<string, Entry> into, Dictionary<string, List<Entry>> map, string? key)
    {
        if (key is null || !map.TryGetValue(key, out var list))
            return;
        foreach (var e in list)
        {
            // Lists keep replaced versions; only the entry currently held for a page counts.
            if (pages.TryGetValue(e.Fingerprint.PageId, out var current) && ReferenceEquals(current, e))
                into[e.Fingerprint.PageId] = e;
        }
    }

    private void Remember(Entry entry)
    {
        pages[entry.Fingerprint.PageId] = entry;
        Append(byOutlet, entry.OutletKey, entry);
        Append(byUrl, entry.UrlKey, entry);
        if (CreditsElsewhere(entry))
        {
            Append(creditingOutlet, entry.CreditOutlet, entry);
            Append(creditingUrl, entry.CreditUrl, entry);
        }
    }

    private static void Append(Dictionary<string, List<Entry>> map, string? key, Entry entry)
    {
        if (key is null)
            return;
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(entry);
    }

    private sealed record Entry(Fingerprint Fingerprint, string? OutletKey, string? UrlKey, string? CreditOutlet, string? CreditUrl);
}
