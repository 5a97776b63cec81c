using System.Runtime.CompilerServices;

namespace ClaimTrace.Web;

/// <summary>
/// Look-ups the pages make over a linked corpus again and again: a claim by id, the claims a page's statement
/// reports, the conflicts of a claim. Built once per <see cref="LinkedCorpus"/> and kept as long as the corpus is
/// (the web's corpus cache replaces the corpus when the database changes, and this goes with it).
/// </summary>
internal sealed class ClaimIndex
{
    private static readonly ConditionalWeakTable<LinkedCorpus, ClaimIndex> Cache = [];

    private readonly Dictionary<(string Page, int Statement), List<Claim>> _byStatement = [];
    private readonly Dictionary<string, List<Claim>> _byPage = new(StringComparer.Ordinal);
    private readonly ILookup<string, Conflict> _conflicts;

    private ClaimIndex(LinkedCorpus corpus)
    {
        Corpus = corpus;
        Claims = corpus.Result.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var claim in corpus.Result.Claims)
        {
            foreach (var report in claim.Reports)
            {
                Add(_byStatement, (report.PageId, report.Statement), claim);
                Add(_byPage, report.PageId, claim);
            }
        }

        _conflicts = corpus.Result.Conflicts
            .SelectMany(c => new[] { (Id: c.Claim, Conflict: c) }.Concat(c.Other is { } o && o != c.Claim ? [(o, c)] : []))
            .ToLookup(x => x.Id, x => x.Conflict, StringComparer.Ordinal);
    }

    public LinkedCorpus Corpus { get; }

    public IReadOnlyDictionary<string, Claim> Claims { get; }

    public static ClaimIndex Of(LinkedCorpus corpus) => Cache.GetValue(corpus, c => new ClaimIndex(c));

    /// <summary>The claims a statement of a page is a report of, each once.</summary>
    public IReadOnlyList<Claim> ForStatement(string pageId, int statement) =>
        _byStatement.TryGetValue((pageId, statement), out var list) ? list : [];

    /// <summary>The claims a page reports, each once, in corpus order.</summary>
    public IReadOnlyList<Claim> ForPage(string pageId) => _byPage.TryGetValue(pageId, out var list) ? list : [];

    /// <summary>The conflicts that flag a claim or set another claim against it.</summary>
    public IEnumerable<Conflict> ConflictsOf(string claimId) => _conflicts[claimId];

    /// <summary>True when a page somewhere disputes the claim or another figure contradicts it.</summary>
    public bool IsQuestioned(string claimId) => _conflicts[claimId].Any(c => c.Kind is ConflictKind.Dispute or ConflictKind.Contradiction);

    private static void Add<TKey>(Dictionary<TKey, List<Claim>> map, TKey key, Claim claim)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], claim))
            list.Add(claim);
    }
}
