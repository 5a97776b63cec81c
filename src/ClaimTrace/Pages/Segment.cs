namespace ClaimTrace;

/// <summary>
/// A stretch of the page text. Offsets are UTF-16 code units into <see cref="Page.Text"/>, end exclusive;
/// lines are 1-based and count every line, blank ones included. Segments may nest: an editor's note
/// or a caption sits inside the article that surrounds it.
/// </summary>
public sealed record Segment(SegmentKind Kind, int Start, int End, int FirstLine, int LastLine);
