namespace ClaimTrace.Web;

/// <summary>
/// A page of search hits with the facet counts over all hits, and the query as the search understood it. When
/// <see cref="Truncated"/> is true more units matched than the search ranks in full (<see cref="Window"/>): the
/// total, the hits and the facets then cover the most recently stored of them, and the true number is larger.
/// </summary>
public sealed record SearchResultsPage(IReadOnlyList<SearchHit> Items, int Total, int Offset, int Limit, SearchFacets Facets, string Understood, bool Truncated, int Window);

/// <summary>
/// A claim in a list: its stable id, the one-line headline, who makes it, the figure, and how widely it is carried.
/// <see cref="Disputed"/> is true when a dispute or contradiction touches it; the dossier (<c>/api/claims/{id}</c>) has the rest.
/// </summary>
public sealed record ClaimSummary(
    string Id,
    string Headline,
    IReadOnlyList<string> Speakers,
    string Measure,
    string Family,
    string? Scope,
    double Value,
    double? ValueMax,
    string Unit,
    string? Qualifier,
    string? Date,
    int Reports,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Pages,
    bool Disputed);

/// <summary>A copy link with its evidence and the reason in words.</summary>
public sealed record CopyItem(
    string CopyId,
    string? OriginId,
    string? OriginOutlet,
    string Direction,
    CreditEvidence? Credit,
    SimilarityEvidence? Similarity,
    string? CopyPublished,
    string? OriginPublished,
    string Why)
{
    public static CopyItem Of(CopyLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.CopyId, link.OriginId, link.OriginOutlet, link.Direction.ToWire(), link.Credit, link.Similarity,
            link.CopyPublished, link.OriginPublished, link.Explain());
    }
}
