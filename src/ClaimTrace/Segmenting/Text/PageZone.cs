namespace ClaimTrace;

/// <summary>
/// The coarse layout of a scraped page, in the order it appears: site header, the report, furniture
/// after it, readers' comments, and furniture after those. Any zone may be empty.
/// </summary>
internal enum PageZone
{
    Header,
    Body,
    Trailer,
    Comments,
    Tail,
}
