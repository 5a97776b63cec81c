using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// <see cref="PageMetadata"/> as stored: a JSON object with one member per present field, each
/// <c>{"value","origin","start"?,"end"?}</c>. Written by hand rather than by reflection so the stored
/// shape is a fixed, documented format that renaming a C# property cannot change.
/// </summary>
internal static class MetadataJson
{
    /// <summary>Every metadata field with its stored name, in a fixed order.</summary>
    public static IReadOnlyList<(string Name, Func<PageMetadata, MetaValue?> Get)> Fields { get; } =
    [
        ("url", m => m.Url),
        ("title", m => m.Title),
        ("outlet", m => m.Outlet),
        ("author", m => m.Author),
        ("published", m => m.Published),
        ("page_date", m => m.PageDate),
        ("original_source", m => m.OriginalSource),
        ("scraped_at", m => m.ScrapedAt),
        ("language", m => m.Language),
    ];

    public static string Write(PageMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping keeps non-Latin titles readable in the database; the JSON never reaches HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, get) in Fields)
            {
                if (get(metadata) is not { } value)
                    continue;
                writer.WriteStartObject(name);
                writer.WriteString("value", value.Value);
                writer.WriteString("origin", value.Origin);
                if (value.Start is { } start)
                    writer.WriteNumber("start", start);
                if (value.End is { } end)
                    writer.WriteNumber("end", end);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static PageMetadata Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        MetaValue? Get(string name) =>
            root.TryGetProperty(name, out var field)
                ? new MetaValue(
                    field.GetProperty("value").GetString()!,
                    field.GetProperty("origin").GetString()!,
                    field.TryGetProperty("start", out var start) ? start.GetInt32() : null,
                    field.TryGetProperty("end", out var end) ? end.GetInt32() : null)
                : null;

        return new PageMetadata
        {
            Url = Get("url"),
            Title = Get("title"),
            Outlet = Get("outlet"),
            Author = Get("author"),
            Published = Get("published"),
            PageDate = Get("page_date"),
            OriginalSource = Get("original_source"),
            ScrapedAt = Get("scraped_at"),
            Language = Get("language"),
        };
    }
}
