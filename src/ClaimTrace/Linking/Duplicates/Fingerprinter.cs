namespace ClaimTrace;

/// <summary>Makes a page's <see cref="Fingerprint"/>: article shingles, then MinHash. Stateless and thread-safe.</summary>
public sealed class Fingerprinter
{
    private readonly Shingler shingler;
    private readonly MinHasher hasher;

    public Fingerprinter(DuplicateSettings? settings = null)
    {
        Settings = settings ?? DuplicateSettings.Default;
        shingler = new Shingler(Settings.ShingleWords);
        hasher = new MinHasher(Settings.SignatureSize);
    }

    public DuplicateSettings Settings { get; }

    public Fingerprint Of(Page page, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(page);
        var shingles = shingler.Shingles(page);
        return new Fingerprint(
            page.Id,
            version,
            shingles.Length,
            hasher.Signature(shingles),
            page.Metadata.Published?.Value,
            page.Metadata.Outlet?.Value,
            page.Metadata.Url?.Value,
            CreditOf(page));
    }

    /// <summary>The page's credit to an original source, with the URL when the credited span is one ("Source: https://...").</summary>
    public static CreditEvidence? CreditOf(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Metadata.OriginalSource is not { } source || string.IsNullOrWhiteSpace(source.Value))
            return null;
        string? url = null;
        if (source.Start is { } start && source.End is { } end && start >= 0 && end <= page.Text.Length && start < end)
            url = OutletKey.Url(page.Text[start..end]) is null ? null : page.Text[start..end].Trim();
        url ??= OutletKey.Url(source.Value) is null ? null : source.Value.Trim();
        return new CreditEvidence(source.Value, source.Origin, source.Start, source.End, url);
    }
}
