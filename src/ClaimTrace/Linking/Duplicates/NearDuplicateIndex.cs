namespace ClaimTrace;

/// <summary>A pair of pages whose articles are near-duplicates, with the figures that made it one.</summary>
/// <param name="Earlier">the page that was already indexed</param>
/// <param name="Later">the page being added</param>
public sealed record NearDuplicate(Fingerprint Earlier, Fingerprint Later, double Jaccard, double Containment);

/// <summary>
/// The incremental near-duplicate index: adding a fingerprint returns the near-duplicates among those
/// already added, at the cost of an LSH probe and a check of each candidate, never a pass over the world.
/// Candidates are confirmed on the signatures (estimated Jaccard, or estimated containment of the smaller
/// article). Both tests are symmetric, so the pairs found do not depend on the order pages arrive in:
/// rebuilding from scratch gives the same pairs as years of increments.
/// </summary>
/// <remarks>A page added again (a new version) replaces its old fingerprint, which is never a candidate again.</remarks>
public sealed class NearDuplicateIndex
{
    private readonly List<Fingerprint?> slots = [];
    private readonly Dictionary<string, int> slotOf = new(StringComparer.Ordinal);
    private readonly LshIndex lsh;

    public NearDuplicateIndex(DuplicateSettings? settings = null)
    {
        Settings = settings ?? DuplicateSettings.Default;
        lsh = new LshIndex(Settings.Bands, Settings.Rows);
    }

    public DuplicateSettings Settings { get; }

    /// <summary>Pages currently indexed (one per page id).</summary>
    public int Count => slotOf.Count;

    /// <summary>Indexes <paramref name="fingerprint"/> and returns its near-duplicates among the pages indexed before it.</summary>
    public IReadOnlyList<NearDuplicate> Add(Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (slotOf.TryGetValue(fingerprint.PageId, out var old))
            slots[old] = null;
        slotOf.Remove(fingerprint.PageId);
        if (fingerprint.ShingleCount < Settings.MinShingles || fingerprint.Signature.Count < Settings.SignatureSize)
            return [];

        var found = new List<NearDuplicate>();
        foreach (var slot in lsh.Candidates(fingerprint.Signature))
        {
            if (slots[slot] is not { } other)
                continue;
            if (Verify(other, fingerprint) is { } pair)
                found.Add(pair);
        }

        var mine = slots.Count;
        slots.Add(fingerprint);
        slotOf[fingerprint.PageId] = mine;
        lsh.Add(mine, fingerprint.Signature);
        found.Sort((a, b) => string.CompareOrdinal(a.Earlier.PageId, b.Earlier.PageId));
        return found;
    }

    /// <summary>The verdict on one pair, whether or not LSH would have proposed it: null when not near-duplicates.</summary>
    public NearDuplicate? Verify(Fingerprint earlier, Fingerprint later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.ShingleCount < Settings.MinShingles || later.ShingleCount < Settings.MinShingles)
            return null;
        var jaccard = earlier.EstimatedJaccard(later);
        var containment = earlier.EstimatedContainment(later, jaccard);
        var near = jaccard >= Settings.MinJaccard
            || (jaccard >= Settings.ContainmentFloor && containment >= Settings.MinContainment);
        return near ? new NearDuplicate(earlier, later, jaccard, containment) : null;
    }
}
