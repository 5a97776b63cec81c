namespace ClaimTrace;

/// <summary>
/// A read, decoded and segmented page. <see cref="Text"/> is what every offset points into: for a
/// plain-text page the decoded file, for an HTML page the visible text rendered block by block.
/// </summary>
public sealed record Page
{
    /// <summary>The input as given: a path, a URL, or a path with a record locator (<c>news.csv#row=12</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Identity across versions: the URL when the container gives one, else the source.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of <see cref="Text"/> (hex): two identical pages have the same hash.</summary>
    public required string ContentHash { get; init; }

    public required PageFormat Format { get; init; }
    public required string Text { get; init; }

    /// <summary>How the bytes were decoded (<c>utf-8</c>, <c>utf-8-bom</c>, <c>windows-1252</c>, ...).</summary>
    public required string Encoding { get; init; }

    public required PageMetadata Metadata { get; init; }
    public required IReadOnlyList<Segment> Segments { get; init; }
    public required IReadOnlyList<Comment> Comments { get; init; }

    /// <summary>Statements, quantities, dates, entities and stance cues found in the text (empty until analysed).</summary>
    public PageAnalysis Analysis { get; init; } = PageAnalysis.Empty;

    /// <summary>Things worth telling a user that did not stop the page (a repaired encoding, a truncated record).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Stable short id derived from the key, so the same page gets the same id on every machine.</summary>
    public string Id => PageIds.FromKey(Key);
}

public enum PageFormat
{
    Text,
    Html,
}
