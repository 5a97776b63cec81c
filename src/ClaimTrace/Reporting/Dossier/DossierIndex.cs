using System.Runtime.CompilerServices;

namespace ClaimTrace;

/// <summary>
/// Where each claim and page of a linked corpus is mentioned: a claim by id, the timelines and conflicts of a claim,
/// the same-event groups and copy links of a page. Built once per corpus (a server shows many dossiers of one
/// corpus) so that a dossier of one claim does not walk every claim, timeline and conflict of the corpus. Answers
/// come in the corpus's own order, as a walk over the corpus would give them.
/// </summary>
internal sealed class DossierIndex
{
    private static readonly ConditionalWeakTable<LinkedCorpus, DossierIndex> Cache = [];

    private readonly LinkedCorpus _corpus;
    private readonly Dictionary<string, Claim> _claims;
    private readonly Dictionary<string, List<int>> _timelines;
    private readonly Dictionary<string, List<int>> _conflicts;
    private readonly Dictionary<string, List<int>> _sameEvents;
    private readonly Dictionary<string, List<int>> _copyLinks;

    private DossierIndex(LinkedCorpus corpus)
    {
        _corpus = corpus;
        var result = corpus.Result;
        _claims = new Dictionary<string, Claim>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in result.Claims)
            _claims.TryAdd(claim.Id, claim);
        _timelines = Positions(result.Timelines, t => t.Points.Select(p => p.Id));
        _conflicts = Positions(result.Conflicts, c => c.Other is { } other ? [c.Claim, other] : [c.Claim]);
        _sameEvents = Positions(result.SameEvents, e => e.Pages);
        _copyLinks = Positions(corpus.CopyLinks, l => l.OriginId is { } origin ? [l.CopyId, origin] : [l.CopyId]);
    }

    public static DossierIndex Of(LinkedCorpus corpus) => Cache.GetValue(corpus, c => new DossierIndex(c));

    /// <summary>The claim with this id, ignoring case; null when there is none.</summary>
    public Claim? Claim(string id) => _claims.GetValueOrDefault(id);

    public List<Timeline> TimelinesOf(IReadOnlySet<string> claims) => Pick(_timelines, claims, _corpus.Result.Timelines);

    public List<Conflict> ConflictsOf(IReadOnlySet<string> claims) => Pick(_conflicts, claims, _corpus.Result.Conflicts);

    public List<SameEvent> SameEventsOf(IReadOnlySet<string> pages) => Pick(_sameEvents, pages, _corpus.Result.SameEvents);

    public List<CopyLink> CopyLinksOf(IReadOnlySet<string> pages) => Pick(_copyLinks, pages, _corpus.CopyLinks);

    private static Dictionary<string, List<int>> Positions<T>(IReadOnlyList<T> items, Func<T, IEnumerable<string>> keys)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var key in keys(items[i]))
            {
                if (!map.TryGetValue(key, out var list))
                    map[key] = list = [];
                if (list.Count == 0 || list[^1] != i)
                    list.Add(i);
            }
        }

        return map;
    }

    private static List<T> Pick<T>(Dictionary<string, List<int>> positions, IReadOnlySet<string> keys, IReadOnlyList<T> items)
    {
        var at = new SortedSet<int>();
        foreach (var key in keys)
        {
            if (positions.TryGetValue(key, out var list))
                at.UnionWith(list);
        }

        return [.. at.Select(i => items[i])];
    }
}
