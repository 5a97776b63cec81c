namespace ClaimTrace;

/// <summary>What a stretch of a page is. Names match the gold format (../shared/corpus/GOLD-FORMAT.md).</summary>
public enum SegmentKind
{
    Title,
    Byline,
    Dateline,
    Article,
    EditorNote,
    Caption,
    RelatedLink,
    Boilerplate,
    Comments,
}

public static class SegmentKindNames
{
    public static string ToWire(this SegmentKind kind) => kind switch
    {
        SegmentKind.Title => "title",
        SegmentKind.Byline => "byline",
        SegmentKind.Dateline => "dateline",
        SegmentKind.Article => "article",
        SegmentKind.EditorNote => "editor_note",
        SegmentKind.Caption => "caption",
        SegmentKind.RelatedLink => "related_link",
        SegmentKind.Boilerplate => "boilerplate",
        SegmentKind.Comments => "comments",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SegmentKind? FromWire(string name) => name switch
    {
        "title" => SegmentKind.Title,
        "byline" => SegmentKind.Byline,
        "dateline" => SegmentKind.Dateline,
        "article" => SegmentKind.Article,
        "editor_note" => SegmentKind.EditorNote,
        "caption" => SegmentKind.Caption,
        "related_link" => SegmentKind.RelatedLink,
        "boilerplate" => SegmentKind.Boilerplate,
        "comments" => SegmentKind.Comments,
        _ => null,
    };
}
