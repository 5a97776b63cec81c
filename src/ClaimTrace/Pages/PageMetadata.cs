namespace ClaimTrace;

/// <summary>
/// What a page says about itself. <see cref="Published"/> is the article's date; <see cref="PageDate"/>
/// a date that belongs to the site's chrome (a header showing today's date), kept apart so it is never
/// mistaken for the article's. Dates are ISO 8601 strings and may be partial (<c>2017-09</c>).
/// </summary>
public sealed record PageMetadata
{
    public MetaValue? Url { get; init; }
    public MetaValue? Title { get; init; }
    public MetaValue? Outlet { get; init; }
    public MetaValue? Author { get; init; }
    public MetaValue? Published { get; init; }
    public MetaValue? PageDate { get; init; }
    public MetaValue? OriginalSource { get; init; }
    public MetaValue? ScrapedAt { get; init; }
    public MetaValue? Language { get; init; }

    public static PageMetadata Empty { get; } = new();

    /// <summary>Fills every field this one lacks from <paramref name="fallback"/>: the first non-null wins.</summary>
    public PageMetadata Or(PageMetadata fallback) => new()
    {
        Url = Url ?? fallback.Url,
        Title = Title ?? fallback.Title,
        Outlet = Outlet ?? fallback.Outlet,
        Author = Author ?? fallback.Author,
        Published = Published ?? fallback.Published,
        PageDate = PageDate ?? fallback.PageDate,
        OriginalSource = OriginalSource ?? fallback.OriginalSource,
        ScrapedAt = ScrapedAt ?? fallback.ScrapedAt,
        Language = Language ?? fallback.Language,
    };
}
