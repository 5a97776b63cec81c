using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// A read input as a queue message: the page as its reader gave it (bytes or text, the format and charset the
/// container declared, its metadata, the reader's repairs), or the reason the reader had no page, so a worker
/// stores exactly what a local ingest would and a failure is recorded where the pages go. JSON written by hand: the
/// message shape is a fixed format between machines that may run different builds, not whatever the C# types say.
/// </summary>
public static class PageMessage
{
    /// <summary>The version of the message shape; a worker refuses (dead-letters) shapes it does not know.</summary>
    public const int Shape = 1;

    public static byte[] Write(ReadResult input)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("shape", Shape);
            if (input.Page is { } page)
            {
                w.WriteString("source", page.Source);
                if (page.Bytes is { } bytes)
                    w.WriteBase64String("bytes", bytes);
                if (page.Text is { } text)
                    w.WriteString("text", text);
                if (page.Format is { } format)
                    w.WriteString("format", format == PageFormat.Html ? "html" : "text");
                if (page.DeclaredCharset is { } charset)
                    w.WriteString("charset", charset);
                w.WriteString("metadata", MetadataJson.Write(page.Container));
                w.WriteStartArray("warnings");
                foreach (var warning in page.Warnings)
                    w.WriteStringValue(warning);
                w.WriteEndArray();
            }
            else
            {
                var failure = input.Failure ?? throw new ArgumentException("a read result has a page or a failure", nameof(input));
                w.WriteStartObject("failure");
                w.WriteString("source", failure.Source);
                if (failure.Location is { } location)
                    w.WriteString("location", location);
                w.WriteString("kind", failure.Kind.ToString());
                w.WriteString("reason", failure.Reason);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The input a message carries; throws <see cref="FormatException"/> naming what is wrong with it.</summary>
    public static ReadResult Read(ReadOnlySpan<byte> message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("the message is not a JSON object");
            if (!root.TryGetProperty("shape", out var shape) || shape.GetInt32() != Shape)
                throw new FormatException($"the message shape is not {Shape}");
            if (root.TryGetProperty("failure", out var f))
            {
                var kind = Enum.TryParse<FailureKind>(Required(f, "kind"), ignoreCase: false, out var k) ? k : FailureKind.Malformed;
                return ReadResult.Fail(Required(f, "source"), Optional(f, "location"), kind, Required(f, "reason"));
            }

            var page = new RawPage
            {
                Source = Required(root, "source"),
                Bytes = root.TryGetProperty("bytes", out var bytes) ? (bytes.TryGetBytesFromBase64(out var decoded) ? decoded : throw new FormatException("the message's bytes are not base64")) : null,
                Text = Optional(root, "text"),
                Format = Optional(root, "format") switch { "html" => PageFormat.Html, "text" => PageFormat.Text, null => null, var other => throw new FormatException($"unknown format '{other}'") },
                DeclaredCharset = Optional(root, "charset"),
                Container = Optional(root, "metadata") is { } metadata ? MetadataJson.Read(metadata) : PageMetadata.Empty,
                Warnings = root.TryGetProperty("warnings", out var warnings) ? [.. warnings.EnumerateArray().Select(x => x.GetString() ?? "")] : [],
            };
            if (page.Bytes is null && page.Text is null)
                throw new FormatException("the message has neither bytes nor text");
            return ReadResult.Ok(page);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"the message is not a ClaimTrace page: {e.Message}", e);
        }
    }

    /// <summary>The source a message names, if it can be read at all (for recording why it was given up).</summary>
    public static string? TryReadSource(ReadOnlySpan<byte> message)
    {
        try
        {
            var input = Read(message);
            return input.Page?.Source ?? input.Failure?.Source;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Required(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.GetString() is { } text ? text : throw new FormatException($"the message has no '{name}'");

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
