using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>
/// A gold annotation file in the format of GOLD-FORMAT.md (<c>expected.json</c>): what a careful reader
/// gets out of a folder of pages. Only the parts the scorers use are bound; unknown keys are ignored.
/// </summary>
public sealed record GoldFile
{
    [JsonPropertyName("documents")]
    public IReadOnlyList<GoldDocument> Documents { get; init; } = [];

    public static GoldFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<GoldFile>(stream, Options) ?? new GoldFile();
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not a gold file ({e.Message})", e);
        }
    }

    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
}

public sealed record GoldDocument
{
    [JsonPropertyName("file")]
    public string File { get; init; } = "";

    [JsonPropertyName("outlet")]
    public string? Outlet { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("published")]
    public string? Published { get; init; }

    [JsonPropertyName("page_date")]
    public string? PageDate { get; init; }

    [JsonPropertyName("original_source")]
    public string? OriginalSource { get; init; }

    [JsonPropertyName("segments")]
    public IReadOnlyList<GoldSegment> Segments { get; init; } = [];

    [JsonPropertyName("comments_min")]
    public int? CommentsMin { get; init; }

    [JsonPropertyName("comment_threads")]
    public GoldCommentThreads? CommentThreads { get; init; }
}

public sealed record GoldSegment
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    [JsonPropertyName("first_line")]
    public int FirstLine { get; init; }

    [JsonPropertyName("last_line")]
    public int LastLine { get; init; }
}

public sealed record GoldCommentThreads
{
    [JsonPropertyName("authors_in_order")]
    public IReadOnlyList<string> AuthorsInOrder { get; init; } = [];

    [JsonPropertyName("replies")]
    public IReadOnlyList<GoldReply> Replies { get; init; } = [];

    [JsonPropertyName("spam")]
    public IReadOnlyList<GoldReply> Spam { get; init; } = [];
}

public sealed record GoldReply
{
    [JsonPropertyName("line")]
    public int Line { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("reply_to_line")]
    public int? ReplyToLine { get; init; }
}
