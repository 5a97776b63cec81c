using System.Text;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// JSON Lines: one article object per line, with the same field names as CSV columns plus those of known
/// datasets (AllSides' <c>content_original</c>, news-please's <c>maintext</c>; Data/reading/container-fields.tsv).
/// Each line becomes a page, source <c>file.jsonl#line=N</c>. Lines are read one at a time as bytes and
/// parsed in place, so memory holds one line whatever the file's size.
/// </summary>
public sealed class JsonlPageReader(ReadingOptions options) : IPageReader
{
    private const string Origin = "container:jsonl";
    private const int MaxNameChars = 128;

    private static readonly JsonReaderOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,

        // Lets a second value on the line be found and named, instead of surfacing as a parse error.
        AllowMultipleValues = true,
    };

    public IEnumerable<ReadResult> Read(string source, Stream stream) => ReaderGuard.Guard(source, ReadCore(source, stream));

    private IEnumerable<ReadResult> ReadCore(string source, Stream stream)
    {
        var reader = ContainerText.OpenUtf8(stream);
        if (ContainerText.BinaryReason(reader) is { } binary)
        {
            yield return ReadResult.Fail(source, null, FailureKind.Binary, binary);
            yield break;
        }

        var line = new ByteBuffer();
        var values = new ContainerValues();
        var number = 0;
        while (true)
        {
            var offset = reader.Position;
            var status = reader.ReadLine(line, options.MaxRecordBytes, out var length);
            if (status == LineStatus.End)
                yield break;
            number++;
            var lineSource = $"{source}#line={number}";
            if (status == LineStatus.TooLong)
            {
                yield return ReadResult.Fail(lineSource, $"byte {offset}", FailureKind.TooLarge,
                    $"line {number}: {ByteSize.Format(length)} is over {options.RecordLimitText}");
                continue;
            }

            var json = line.Span.Trim(" \t\r\f\v"u8);
            if (json.IsEmpty)
                continue;
            values.Clear();
            yield return ReadLine(json, number, lineSource, $"byte {offset}", values);
        }
    }

    private ReadResult ReadLine(ReadOnlySpan<byte> json, int number, string source, string location, ContainerValues values)
    {
        var warnings = new List<string>();
        string? content = null;
        var contentRank = int.MaxValue;
        try
        {
            var reader = new Utf8JsonReader(json, JsonOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ReadResult.Fail(source, location, FailureKind.Malformed,
                    $"line {number}: expected a JSON object, found {Describe(reader.TokenType)}");
            }

            Span<char> name = stackalloc char[MaxNameChars];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var known = TryField(ref reader, name, out var field, out var rank);
                reader.Read();
                if (!known)
                {
                    reader.Skip();
                    continue;
                }

                if (field == ContainerField.Content)
                {
                    if (rank >= contentRank || reader.TokenType is not (JsonTokenType.String or JsonTokenType.StartArray))
                    {
                        reader.Skip();
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > options.MaxPageBytes)
                    {
                        return ReadResult.Fail(source, location, FailureKind.TooLarge,
                            $"line {number}: the content is {ByteSize.Format(reader.ValueSpan.Length)}, over {options.PageLimitText}");
                    }

                    var text = reader.TokenType == JsonTokenType.String
                        ? JsonStrings.Read(ref reader, "content", warnings)
                        : Paragraphs(ref reader, warnings);
                    if (!string.IsNullOrWhiteSpace(text))
                        (content, contentRank) = (text, rank);
                    continue;
                }

                values.Offer(field, rank, ReadValue(ref reader, FieldName(field), warnings));
            }

            // A second value after the object (two objects glued on one line) is an error, not ignored data.
            if (reader.Read())
                return ReadResult.Fail(source, location, FailureKind.Malformed, $"line {number}: more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(source, location, FailureKind.Malformed, $"line {number}: not valid JSON ({Describe(e)})");
        }

        if (content is null)
            return ReadResult.Fail(source, location, FailureKind.Empty, $"line {number}: no content");

        return ReadResult.Ok(new RawPage
        {
            Source = source,
            Text = TextRepair.RepairField(content, "content", warnings),
            Container = values.ToMetadata(Origin, warnings),
            Warnings = warnings,
        });
    }

    private static bool TryField(ref Utf8JsonReader reader, scoped Span<char> buffer, out ContainerField field, out int rank)
    {
        (field, rank) = (default, 0);
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
            return false;
        try
        {
            var written = reader.CopyString(buffer);
            return ContainerFields.Default.TryFind(buffer[..written], out field, out rank);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A field's value as text: strings as they are, numbers and booleans as written, arrays joined with
    /// ", " (author lists), objects by their "name" (schema.org style <c>{"name": "..."}</c>).
    /// </summary>
    private static string? ReadValue(ref Utf8JsonReader reader, string field, ICollection<string> warnings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return JsonStrings.Read(ref reader, field, warnings);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = reader.TokenType is JsonTokenType.StartArray ? SkipNull(ref reader) : ReadValue(ref reader, field, warnings);
                    if (!string.IsNullOrWhiteSpace(item))
                        items.Add(item.Trim());
                }

                return items.Count == 0 ? null : string.Join(", ", items);
            case JsonTokenType.StartObject:
                string? name = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isName = reader.ValueTextEquals("name"u8);
                    reader.Read();
                    if (isName && reader.TokenType == JsonTokenType.String)
                        name ??= JsonStrings.Read(ref reader, field, warnings);
                    else
                        reader.Skip();
                }

                return name;
            default:
                return null;
        }
    }

    /// <summary>Content given as an array of paragraphs (some scrapers do): the strings joined by blank lines.</summary>
    private static string Paragraphs(ref Utf8JsonReader reader, ICollection<string> warnings)
    {
        var paragraphs = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
                paragraphs.Add(JsonStrings.Read(ref reader, "content", warnings));
            else
                reader.Skip();
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string? SkipNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static string FieldName(ContainerField field) => field switch
    {
        ContainerField.ScrapedAt => "scraped_at",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>The parser's message without its zero-based "LineNumber: 0 | BytePositionInLine: 7." tail, which would mislead here.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (tail >= 0)
            message = message[..tail].TrimEnd();
        return e.BytePositionInLine is { } column ? $"at column {column + 1}: {message}" : message;
    }
}
