namespace ClaimTrace;

/// <summary>
/// The knobs of near-duplicate detection, with the values docs/linking.md justifies. <see cref="Scheme"/>
/// names everything a stored signature depends on, so a store written with other settings is rebuilt
/// instead of being compared with signatures that mean something else.
/// </summary>
/// <param name="ShingleWords">words per shingle</param>
/// <param name="Bands">LSH bands; Bands × Rows signature values are used</param>
/// <param name="Rows">signature values per band</param>
/// <param name="MinJaccard">estimated Jaccard from which a candidate pair is a near-duplicate</param>
/// <param name="MinContainment">estimated share of the smaller article inside the larger from which a pair
/// is a near-duplicate even below <paramref name="MinJaccard"/> (a copy that adds or drops a part)</param>
/// <param name="ContainmentFloor">the Jaccard below which containment is not trusted: its estimate divides
/// by a small number there and its error grows faster than it shrinks</param>
/// <param name="MinShingles">articles with fewer distinct shingles are not compared: a few words in common
/// (a standard sign-off, a one-line brief) are not a copy</param>
public sealed record DuplicateSettings(
    int ShingleWords = Shingler.DefaultWords,
    int Bands = 32,
    int Rows = 4,
    double MinJaccard = 0.6,
    double MinContainment = 0.8,
    double ContainmentFloor = 0.25,
    int MinShingles = 10)
{
    public static DuplicateSettings Default { get; } = new();

    public int SignatureSize => Bands * Rows;

    /// <summary>What the stored signatures depend on: shingle length, hash family and size.</summary>
    public string Scheme => $"minhash1-w{ShingleWords}-k{SignatureSize}";
}
