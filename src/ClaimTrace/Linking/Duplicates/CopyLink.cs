namespace ClaimTrace;

/// <summary>How the copy and origin of a <see cref="CopyLink"/> were told apart.</summary>
public enum LinkDirection
{
    /// <summary>The copy credits the origin (a credit line names its outlet or URL).</summary>
    Credited,

    /// <summary>No credit either way; the copy was published on a later day than the origin.</summary>
    ByDate,

    /// <summary>No credit and no telling dates (same day, or a date missing): the two ids are in ordinal order, not copy then origin.</summary>
    Undirected,
}

/// <summary>
/// A credit line as the copy wrote it: the credited name (<see cref="PageMetadata.OriginalSource"/>), where it was
/// read from (<see cref="MetaValue.Origin"/>), its span in the copy's text, and the URL when the span is one.
/// </summary>
public sealed record CreditEvidence(string Credited, string Origin, int? Start, int? End, string? Url = null);

public static class LinkDirectionNames
{
    /// <summary>The name stores and JSON use: <c>credited</c>, <c>by_date</c>, <c>undirected</c>.</summary>
    public static string ToWire(this LinkDirection direction) => direction switch
    {
        LinkDirection.Credited => "credited",
        LinkDirection.ByDate => "by_date",
        LinkDirection.Undirected => "undirected",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static LinkDirection? FromWire(string name) => name switch
    {
        "credited" => LinkDirection.Credited,
        "by_date" => LinkDirection.ByDate,
        "undirected" => LinkDirection.Undirected,
        _ => null,
    };
}

/// <summary>The figures that made a pair near-duplicates: estimated from MinHash signatures, not exact counts.</summary>
public sealed record SimilarityEvidence(double Jaccard, double Containment, int CopyShingles, int OriginShingles);

/// <summary>
/// One copy relation. <see cref="OriginId"/> is the stored origin page, null when the copy credits an outlet
/// none of whose stored pages it matches (then <see cref="OriginOutlet"/> says whom it credits). A link
/// carries its evidence: the credit, the similarity figures, or both, and the two published dates.
/// </summary>
public sealed record CopyLink(
    string CopyId,
    string? OriginId,
    string? OriginOutlet,
    LinkDirection Direction,
    CreditEvidence? Credit,
    SimilarityEvidence? Similarity,
    string? CopyPublished,
    string? OriginPublished)
{
    /// <summary>What identifies the link in the store: the copy and the origin page, or the copy and the credited outlet.</summary>
    public string Target => OriginId ?? "outlet:" + (OutletKey.Of(OriginOutlet) ?? "");

    /// <summary>A near-duplicate pair of two stored pages (as opposed to a credit to an outlet alone).</summary>
    public bool IsPagePair => OriginId is not null;

    /// <summary>One line for a person: who copied whom and why.</summary>
    public string Explain()
    {
        var parts = new List<string>();
        if (Credit is { } c)
            parts.Add($"credits '{c.Credited}' ({c.Origin}{(c.Start is { } s ? $" at {s}-{c.End}" : "")})");
        if (Similarity is { } sim)
            parts.Add(FormattableString.Invariant($"Jaccard {sim.Jaccard:F2}, containment {sim.Containment:F2} of {Math.Min(sim.CopyShingles, sim.OriginShingles)} shingles"));
        parts.Add(Direction switch
        {
            LinkDirection.Credited => "direction from the credit",
            LinkDirection.ByDate => $"published {CopyPublished} after {OriginPublished}",
            _ => $"direction unknown (dates {CopyPublished ?? "missing"} and {OriginPublished ?? "missing"})",
        });
        return string.Join("; ", parts);
    }
}
