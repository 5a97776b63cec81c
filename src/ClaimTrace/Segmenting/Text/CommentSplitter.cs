using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Splits a comment section into single comments. Where lines name the commenters (bullets "  • Name" or
/// headers "Name – June 13, 2024 at 8:41 am"), each opens a comment and its indentation gives the depth; a
/// deeper comment replies to the nearest comment above it that is one level shallower. In a flat thread, a
/// comment that opens by addressing "@Name" replies to the latest comment above it by that name. Without
/// named lines, each paragraph is a comment, and when the section has no blank lines at all, each line is.
/// </summary>
internal sealed partial class CommentSplitter
{
    [GeneratedRegex(@"^\s*@(?<name>\p{L}[\p{L}\p{N}._'’-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    private readonly WeightedCues _spam;

    public CommentSplitter(WeightedCues spam) => _spam = spam;

    public static CommentSplitter Default { get; } = new(WeightedCues.Load("segmenting/spam.tsv"));

    public List<Comment> Split(string text, IReadOnlyList<LineProfile> section)
    {
        var blocks = section.Any(l => l.CommentAuthor is not null) ? ByBullets(section) : ByParagraphs(section);
        var comments = new List<Comment>(blocks.Count);
        var indentLevels = blocks.Where(b => b.Author is not null).Select(b => b.Indent).Distinct().Order().ToList();
        // The comments still open above the current one, shallowest first: a reply answers the nearest
        // shallower one, even when the page's indentation skips a level.
        var open = new Stack<(int Index, int Depth)>();
        foreach (var block in blocks)
        {
            var depth = block.Author is null ? 0 : indentLevels.IndexOf(block.Indent);
            while (open.Count > 0 && open.Peek().Depth >= depth)
                open.Pop();
            int? replyTo = depth > 0 && open.Count > 0 ? open.Peek().Index : null;
            if (replyTo is null && MentionedComment(block, comments) is { } mentioned)
            {
                replyTo = mentioned.Index;
                depth = mentioned.Depth + 1;
            }

            open.Push((comments.Count, depth));

            var first = block.Lines[0].Line;
            var last = block.Lines[^1].Line;
            var body = text[first.Start..last.End];
            comments.Add(new Comment(
                comments.Count,
                first.Start,
                last.End,
                first.Number,
                last.Number,
                block.Author,
                depth,
                replyTo,
                _spam.Score(body) >= 3));
        }

        return comments;
    }

    /// <summary>The latest earlier comment whose author the block addresses ("@Greta" answers "Greta Lund").</summary>
    private static Comment? MentionedComment(Block block, List<Comment> earlier)
    {
        var opening = block.Lines.FirstOrDefault(l => l.CommentAuthor is null);
        var mention = opening is null ? Match.Empty : Mention().Match(opening.Text);
        if (!mention.Success)
            return null;
        var name = mention.Groups["name"].Value.TrimEnd('.', '_', '-', '\'', '’');
        return earlier.LastOrDefault(c => c.Author is { } author
            && (string.Equals(author, name, StringComparison.OrdinalIgnoreCase)
                || author.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase)));
    }

    private static List<Block> ByBullets(IReadOnlyList<LineProfile> section)
    {
        var blocks = new List<Block>();
        Block? current = null;
        foreach (var line in section)
        {
            if (line.CommentAuthor is not null)
            {
                current = new Block(line.CommentAuthor, line.Indent);
                blocks.Add(current);
            }
            else if (current is null && !line.IsBlank)
            {
                // Text above the first bullet: a comment whose author the page does not show.
                current = new Block(null, 0);
                blocks.Add(current);
            }

            if (current is not null && !line.IsBlank)
                current.Lines.Add(line);
        }

        return blocks;
    }

    private static List<Block> ByParagraphs(IReadOnlyList<LineProfile> section)
    {
        var hasBlankSeparators = false;
        for (var i = 1; i < section.Count - 1; i++)
        {
            if (section[i].IsBlank && !section[i - 1].IsBlank)
            {
                hasBlankSeparators = true;
                break;
            }
        }

        var blocks = new List<Block>();
        Block? current = null;
        foreach (var line in section)
        {
            if (line.IsBlank)
            {
                current = null;
                continue;
            }

            if (current is null || !hasBlankSeparators)
            {
                current = new Block(null, 0);
                blocks.Add(current);
            }

            current.Lines.Add(line);
        }

        return blocks;
    }

    private sealed class Block(string? author, int indent)
    {
        public string? Author { get; } = author;
        public int Indent { get; } = indent;
        public List<LineProfile> Lines { get; } = [];
    }
}
