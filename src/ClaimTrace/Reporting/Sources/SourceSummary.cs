namespace ClaimTrace;

/// <summary>
/// One outlet as a fact-checker weighs it: how many of its pages give a figure and how many reports of claims they
/// hold; whose pages it copies and who copies it (directed links only; near-duplicates of unknown direction are
/// counted apart); and how often it carries a claim that is disputed or contradicted somewhere without flagging
/// it itself (no dispute or contradiction of that claim is found in its own page).
/// </summary>
public sealed record SourceRow(
    string Outlet,
    int Pages,
    int Reports,
    int DisputedCarried,
    int DisputedUnflagged,
    int FlagsRaised,
    IReadOnlyDictionary<string, int> Copies,
    IReadOnlyDictionary<string, int> CopiedBy,
    int SharedUndirected);

public static class SourceSummary
{
    public const string UnknownOutlet = "(outlet unknown)";

    private const int LinkPage = 10_000;

    /// <summary>
    /// The outlets of a store's linked corpus with every copy link of the store, credits to outlets without a
    /// stored page too ("who copies whom" is about outlets), naming the outlets of pages the corpus did not read.
    /// </summary>
    public static IReadOnlyList<SourceRow> Of(LinkedCorpus corpus, IPageStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var links = new List<CopyLink>();
        for (var offset = 0; ; offset += LinkPage)
        {
            var batch = store.ListCopyLinks(new CopyLinkQuery(Offset: offset, Limit: LinkPage));
            links.AddRange(batch);
            if (batch.Count < LinkPage)
                break;
        }

        return Of(corpus, links, id => store.Find(id)?.Page.Metadata.Outlet?.Value);
    }

    /// <summary>
    /// The outlets of a linked corpus, most reports first. <paramref name="links"/> defaults to the corpus's copy
    /// links; <paramref name="outletOf"/> names the outlet of a page the corpus did not read (a copy with no figure).
    /// </summary>
    public static IReadOnlyList<SourceRow> Of(LinkedCorpus corpus, IReadOnlyList<CopyLink>? links = null, Func<string, string?>? outletOf = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        links ??= corpus.CopyLinks;
        string Outlet(string pageId) =>
            (corpus.Pages.TryGetValue(pageId, out var p) ? p.Outlet : outletOf?.Invoke(pageId)) ?? UnknownOutlet;

        var rows = new Dictionary<string, Builder>(StringComparer.Ordinal);
        Builder Row(string outlet) => rows.TryGetValue(outlet, out var b) ? b : rows[outlet] = new Builder();

        foreach (var page in corpus.Pages.Values)
            Row(page.Outlet ?? UnknownOutlet).Pages++;

        var questioned = corpus.Result.Conflicts.Where(c => c.Kind is ConflictKind.Dispute or ConflictKind.Contradiction).ToList();
        foreach (var c in questioned.Where(c => c.Kind == ConflictKind.Dispute))
            Row(Outlet(c.Evidence.PageId)).FlagsRaised++;
        foreach (var claim in corpus.Result.Claims)
        {
            var against = questioned.Where(c => c.Claim == claim.Id || c.Other == claim.Id).ToList();
            foreach (var pageId in claim.Reports.Where(r => !r.IsEcho).Select(r => r.PageId).Distinct(StringComparer.Ordinal))
            {
                var row = Row(Outlet(pageId));
                row.Reports += claim.Reports.Count(r => !r.IsEcho && r.PageId == pageId);
                if (against.Count == 0)
                    continue;
                row.DisputedCarried++;
                if (!against.Any(c => c.Evidence.PageId == pageId))
                    row.DisputedUnflagged++;
            }
        }

        // A copy that credits an outlet and matches one of its stored pages has two links (to the outlet and to the
        // page): it copied that outlet once.
        var seen = new HashSet<(string, string)>();
        foreach (var link in links)
        {
            var copy = Outlet(link.CopyId);
            var origin = link.OriginId is { } o ? Outlet(o) : link.OriginOutlet ?? UnknownOutlet;
            if (!seen.Add((link.CopyId, origin)))
                continue;
            if (link.Direction == LinkDirection.Undirected)
            {
                Row(copy).SharedUndirected++;
                Row(origin).SharedUndirected++;
                continue;
            }

            Add(Row(copy).Copies, origin);
            Add(Row(origin).CopiedBy, copy);
        }

        return [.. rows.OrderByDescending(r => r.Value.Reports).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new SourceRow(r.Key, r.Value.Pages, r.Value.Reports, r.Value.DisputedCarried, r.Value.DisputedUnflagged, r.Value.FlagsRaised,
                Sorted(r.Value.Copies), Sorted(r.Value.CopiedBy), r.Value.SharedUndirected))];
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static SortedDictionary<string, int> Sorted(Dictionary<string, int> d) => new(d, StringComparer.Ordinal);

    private sealed class Builder
    {
        public int Pages { get; set; }
        public int Reports { get; set; }
        public int DisputedCarried { get; set; }
        public int DisputedUnflagged { get; set; }
        public int FlagsRaised { get; set; }
        public int SharedUndirected { get; set; }
        public Dictionary<string, int> Copies { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> CopiedBy { get; } = new(StringComparer.Ordinal);
    }
}
