namespace ClaimTrace;

/// <summary>
/// What a dossier tells about a query: the claims it matches, every report of them with its evidence, the conflicts
/// that touch them, the timelines they sit on (with the other claims of those timelines, so a revision or a
/// contradiction can be seen in context), and who copied whom among the pages. Built from a <see cref="LinkedCorpus"/>.
/// </summary>
public sealed record Dossier(
    string Query,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<Timeline> Timelines,
    IReadOnlyList<SameEvent> SameEvents,
    IReadOnlyList<CopyLink> CopyLinks,
    LinkedCorpus Corpus)
{
    /// <summary>
    /// The claims a query names: a claim id; a measure key or family ("territory", "territory.is_held"); a speaker
    /// or side ("Mizintsev", "Russian Defense Ministry"); or, failing those, free text found in a report's sentence
    /// ("96.5", "liberated"). Matching ignores case. An empty query takes every claim.
    /// </summary>
    public static Dossier For(LinkedCorpus corpus, string query) => For(corpus, query, int.MaxValue);

    /// <summary>
    /// As <see cref="For(LinkedCorpus, string)"/>, with each timeline cut to at most <paramref name="maxTimelinePoints"/>
    /// points around the matched claims (<see cref="TimelineWindow"/>): what a page or an API answer can show.
    /// </summary>
    public static Dossier For(LinkedCorpus corpus, string query, int maxTimelinePoints)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var q = (query ?? "").Trim();
        var claims = corpus.Result.Claims;
        var index = DossierIndex.Of(corpus);
        IReadOnlyList<Claim> matched = q.Length == 0 ? claims
            : index.Claim(q) is { } byId ? [byId]
            : First(
                claims.Where(c => c.Measure.StartsWith(q, StringComparison.OrdinalIgnoreCase) || c.Family.StartsWith(q, StringComparison.OrdinalIgnoreCase)),
                claims.Where(c => ClaimFilter.NamedBy(c, q)),
                claims.Where(c => c.Reports.Any(r => corpus.Pages.TryGetValue(r.PageId, out var page) && Has(page.Page.Text[r.Sentence.Start..r.Sentence.End], q))));

        var ids = matched.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var pages = matched.SelectMany(c => c.Pages).ToHashSet(StringComparer.Ordinal);
        return new Dossier(q, matched,
            index.ConflictsOf(ids),
            [.. index.TimelinesOf(ids).Select(t => TimelineWindow.Around(t, ids, maxTimelinePoints))],
            index.SameEventsOf(pages),
            index.CopyLinksOf(pages),
            corpus);
    }

    /// <summary>The sentence a report stands in, as its page writes it.</summary>
    public string SentenceOf(ClaimReport report) =>
        Corpus.Pages.TryGetValue(report.PageId, out var page) ? page.Page.Text[report.Sentence.Start..report.Sentence.End] : "";

    /// <summary>The text of a conflict's evidence span.</summary>
    public string EvidenceOf(Conflict conflict) =>
        Corpus.Pages.TryGetValue(conflict.Evidence.PageId, out var page) ? page.Page.Text[conflict.Evidence.Span.Start..conflict.Evidence.Span.End] : "";

    /// <summary>A page as a reader names it: outlet and title, or its key.</summary>
    public string PageName(string pageId) =>
        Corpus.Pages.TryGetValue(pageId, out var page)
            ? $"{page.Outlet ?? "unknown outlet"}: {page.Page.Metadata.Title?.Value ?? ShortKey(page.Page.Key)}"
            : pageId;

    /// <summary>A page key that is a path or URL, by its last part: "002_dbfbad72b89a1c39.txt".</summary>
    private static string ShortKey(string key)
    {
        var cut = key.TrimEnd('/').LastIndexOfAny(['/', '\\']);
        return cut >= 0 && cut < key.Length - 1 ? key[(cut + 1)..] : key;
    }

    private static List<Claim> First(params IEnumerable<Claim>[] tiers)
    {
        foreach (var tier in tiers)
        {
            var list = tier.ToList();
            if (list.Count > 0)
                return list;
        }

        return [];
    }

    private static bool Has(string? text, string q) => text is not null && text.Contains(q, StringComparison.OrdinalIgnoreCase);
}
