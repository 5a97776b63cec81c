using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// Writes the extraction JSON: the public contract that outside scorers read (docs/extraction-json.md).
/// One object per input: the source as given, the text every offset points into, and each segment,
/// comment, metadata value and analysis item with UTF-16 offsets (end exclusive). Change it only on purpose, and bump
/// <see cref="Schema"/> when a change could break a reader.
/// </summary>
public static class ExtractionJson
{
    public const string Schema = "claimtrace.extract/1";

    private static readonly JsonWriterOptions Compact = new()
    {
        // Pages are full of quotes and non-Latin text: keep them readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    public static void WritePage(Stream output, Page page, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        WritePage(writer, page);
    }

    public static void WriteFailure(Stream output, ReadFailure failure, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("source", failure.Source);
        writer.WriteStartObject("error");
        writer.WriteString("kind", ToWire(failure.Kind));
        writer.WriteString("location", failure.Location);
        writer.WriteString("reason", failure.Reason);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static string ToJson(Page page, bool indented = true)
    {
        using var stream = new MemoryStream();
        WritePage(stream, page, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WritePage(Utf8JsonWriter w, Page page)
    {
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("source", page.Source);
        w.WriteString("id", page.Id);
        w.WriteString("key", page.Key);
        w.WriteString("format", page.Format == PageFormat.Html ? "html" : "text");
        w.WriteString("encoding", page.Encoding);
        w.WriteString("content_hash", page.ContentHash);
        w.WriteNumber("length", page.Text.Length);
        w.WriteString("text", page.Text);

        w.WriteStartObject("metadata");
        Meta(w, "url", page.Metadata.Url);
        Meta(w, "title", page.Metadata.Title);
        Meta(w, "outlet", page.Metadata.Outlet);
        Meta(w, "author", page.Metadata.Author);
        Meta(w, "published", page.Metadata.Published);
        Meta(w, "page_date", page.Metadata.PageDate);
        Meta(w, "original_source", page.Metadata.OriginalSource);
        Meta(w, "scraped_at", page.Metadata.ScrapedAt);
        Meta(w, "language", page.Metadata.Language);
        w.WriteEndObject();

        w.WriteStartArray("segments");
        foreach (var s in page.Segments)
        {
            w.WriteStartObject();
            w.WriteString("kind", s.Kind.ToWire());
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteNumber("first_line", s.FirstLine);
            w.WriteNumber("last_line", s.LastLine);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("comments");
        foreach (var c in page.Comments)
        {
            w.WriteStartObject();
            w.WriteNumber("index", c.Index);
            w.WriteString("kind", "comment");
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteNumber("first_line", c.FirstLine);
            w.WriteNumber("last_line", c.LastLine);
            w.WriteString("author", c.Author);
            w.WriteNumber("depth", c.Depth);
            if (c.ReplyTo is { } parent)
                w.WriteNumber("reply_to", parent);
            else
                w.WriteNull("reply_to");
            w.WriteBoolean("likely_spam", c.LikelySpam);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("warnings");
        foreach (var warning in page.Warnings)
            w.WriteStringValue(warning);
        w.WriteEndArray();
        AnalysisJson.Write(w, page.Analysis);
        w.WriteEndObject();
    }

    /// <summary>Failure kinds in snake case, as the schema names them (<c>too_large</c>, <c>not_found</c>).</summary>
    public static string ToWire(FailureKind kind) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static void Meta(Utf8JsonWriter w, string name, MetaValue? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("value", value.Value);
        w.WriteString("origin", value.Origin);
        if (value.Start is { } start && value.End is { } end)
        {
            w.WriteNumber("start", start);
            w.WriteNumber("end", end);
        }

        w.WriteEndObject();
    }
}
