namespace ClaimTrace;

/// <summary>
/// One page as a reader found it: either bytes still to decode (files, WARC records) or text a
/// container already decoded (CSV and JSONL cells), plus whatever the container says about it.
/// </summary>
public sealed record RawPage
{
    /// <summary>The input as given, with a locator for pages inside a container (<c>a.csv#row=3</c>).</summary>
    public required string Source { get; init; }

    public byte[]? Bytes { get; init; }
    public string? Text { get; init; }

    /// <summary>Html or Text when the container says so (extension, content type); null to sniff.</summary>
    public PageFormat? Format { get; init; }

    /// <summary>A charset a container declared (an HTTP Content-Type header in a WARC record).</summary>
    public string? DeclaredCharset { get; init; }

    /// <summary>Metadata the container gives; it wins over guesses from the text.</summary>
    public PageMetadata Container { get; init; } = PageMetadata.Empty;

    /// <summary>
    /// Repairs the reader made on the way (a lone surrogate in a JSON string, a broken chunked payload, a cell
    /// that was not UTF-8). <see cref="TextDecoder.Decode(RawPage)"/> carries them into <see cref="DecodedText.Warning"/>.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
