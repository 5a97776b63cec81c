namespace ClaimTrace;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures ("banding", Mining of Massive Datasets §3.4): the
/// signature is cut into <see cref="Bands"/> bands of <see cref="Rows"/> values, and two pages are
/// candidates when any band is equal. Pages with Jaccard similarity s become candidates with probability
/// 1 − (1 − s^r)^b, an S-curve whose steep part sits near (1/b)^(1/r). Finding candidates costs one
/// dictionary probe per band instead of a comparison with every stored page.
/// </summary>
/// <remarks>
/// Entries are slots (small integers the caller assigns). Buckets are singly linked lists threaded through
/// one array, so an entry costs two ints per band and no per-bucket list object: 100,000 pages × 32 bands
/// stay a few tens of megabytes. Removal is the caller's business (a retired slot is skipped by the
/// caller), because unlinking from a shared chain would cost more than the rare re-versioned page saves.
/// </remarks>
public sealed class LshIndex
{
    private readonly Dictionary<ulong, int> heads = [];
    private int[] next = [];
    private int[] seen = [];
    private int stamp;

    public LshIndex(int bands, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        Bands = bands;
        Rows = rows;
    }

    public int Bands { get; }
    public int Rows { get; }

    /// <summary>Number of signature values the index reads: <see cref="Bands"/> × <see cref="Rows"/>.</summary>
    public int Width => Bands * Rows;

    /// <summary>The Jaccard similarity at which the candidate probability rises steepest, (1/b)^(1/r).</summary>
    public double Threshold => Math.Pow(1.0 / Bands, 1.0 / Rows);

    /// <summary>Probability that two pages of Jaccard similarity <paramref name="jaccard"/> share a band.</summary>
    public double CandidateProbability(double jaccard) => 1 - Math.Pow(1 - Math.Pow(jaccard, Rows), Bands);

    /// <summary>Files <paramref name="slot"/> under each band of its signature.</summary>
    public void Add(int slot, IReadOnlyList<uint> signature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        Check(signature);
        Grow(slot);
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(signature, band);
            var entry = slot * Bands + band;
            next[entry] = heads.TryGetValue(key, out var head) ? head : -1;
            heads[key] = entry;
        }
    }

    /// <summary>Slots sharing at least one band with <paramref name="signature"/>, each once, in no set order.</summary>
    public List<int> Candidates(IReadOnlyList<uint> signature)
    {
        Check(signature);
        var found = new List<int>();
        stamp++;
        for (var band = 0; band < Bands; band++)
        {
            if (!heads.TryGetValue(BandKey(signature, band), out var entry))
                continue;
            for (; entry >= 0; entry = next[entry])
            {
                var slot = entry / Bands;
                if (seen[slot] == stamp)
                    continue;
                seen[slot] = stamp;
                found.Add(slot);
            }
        }

        return found;
    }

    private ulong BandKey(IReadOnlyList<uint> signature, int band)
    {
        // The band number is hashed in so equal values in different bands are different buckets.
        var h = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < Rows; r++)
            h = Shingler.Mix(h ^ signature[(band * Rows) + r]);
        return h;
    }

    private void Check(IReadOnlyList<uint> signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Count < Width)
            throw new ArgumentException($"a signature of {signature.Count} values is shorter than {Bands} bands × {Rows} rows", nameof(signature));
    }

    private void Grow(int slot)
    {
        if (slot < seen.Length)
            return;
        var size = Math.Max(slot + 1, Math.Max(16, seen.Length * 2));
        Array.Resize(ref seen, size);
        Array.Resize(ref next, size * Bands);
    }
}
