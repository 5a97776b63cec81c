namespace ClaimTrace;

/// <summary>
/// A metadata value together with where it came from, so a reader can weigh it: the container
/// (<c>container:csv</c>, <c>container:warc</c>...), the HTML (<c>html:og:title</c>, <c>html:json-ld</c>...)
/// or the text (<c>text:dateline</c>, <c>text:byline</c>...). Text-derived values carry the span they were read from.
/// </summary>
public sealed record MetaValue(string Value, string Origin, int? Start = null, int? End = null)
{
    public bool FromContainer => Origin.StartsWith("container", StringComparison.Ordinal);
}
