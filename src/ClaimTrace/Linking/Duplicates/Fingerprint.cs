namespace ClaimTrace;

/// <summary>
/// What the duplicate index keeps of a page: its MinHash signature over the article's shingles, how many
/// distinct shingles there were (containment needs the sizes), and what direction and credit links need.
/// </summary>
/// <param name="PageId">the document id (<see cref="Page.Id"/>)</param>
/// <param name="Version">the stored version the signature was made from</param>
/// <param name="ShingleCount">distinct shingles of the article; 0 for a page without article text</param>
/// <param name="Signature">the MinHash values, <see cref="MinHasher.Size"/> of them</param>
/// <param name="Published">the article's date (ISO 8601, maybe partial) or null</param>
/// <param name="Outlet">the page's outlet as written, or null</param>
/// <param name="Url">the page's URL, or null</param>
/// <param name="Credit">the outlet or URL the page credits as its original source, or null</param>
public sealed record Fingerprint(
    string PageId,
    int Version,
    int ShingleCount,
    IReadOnlyList<uint> Signature,
    string? Published,
    string? Outlet,
    string? Url,
    CreditEvidence? Credit = null)
{
    /// <summary>Share of positions where two signatures agree: the estimated Jaccard similarity of the shingle sets.</summary>
    public double EstimatedJaccard(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ShingleCount == 0 || other.ShingleCount == 0 || Signature.Count != other.Signature.Count)
            return 0;
        var equal = 0;
        for (var i = 0; i < Signature.Count; i++)
        {
            if (Signature[i] == other.Signature[i])
                equal++;
        }

        return (double)equal / Signature.Count;
    }

    /// <summary>
    /// Estimated share of the smaller article's shingles found in the other: from |A∩B| = J·|A∪B| and
    /// |A∪B| = (|A|+|B|)/(1+J). High when one page is the other with furniture added or a tail cut off.
    /// </summary>
    public double EstimatedContainment(Fingerprint other, double jaccard)
    {
        ArgumentNullException.ThrowIfNull(other);
        var smaller = Math.Min(ShingleCount, other.ShingleCount);
        if (smaller == 0)
            return 0;
        var intersection = jaccard * (ShingleCount + other.ShingleCount) / (1 + jaccard);
        return Math.Min(1, intersection / smaller);
    }
}
