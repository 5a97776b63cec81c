namespace ClaimTrace;

/// <summary>Turns decoded text into a segmented page: one implementation for plain text, one for HTML.</summary>
public interface IPageSegmenter
{
    /// <param name="source">the input as given</param>
    /// <param name="text">the decoded text (plain text) or markup (HTML)</param>
    /// <param name="container">metadata from the container; it wins over what the page text suggests</param>
    SegmentedPage Segment(string source, string text, PageMetadata container);
}

/// <summary>
/// What a segmenter produces. <see cref="Text"/> is what the offsets point into: the input itself for
/// plain text, the rendered visible text for HTML.
/// </summary>
public sealed record SegmentedPage(
    string Text,
    PageMetadata Metadata,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Comment> Comments);
