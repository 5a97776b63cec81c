using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>A page's reader-comment sections and the single comments found in them.</summary>
internal sealed record HtmlComments(IReadOnlyList<HtmlNode> Sections, IReadOnlyList<Comment> Comments);

/// <summary>
/// Finds reader comments in the DOM. A section is an element whose id or class names a comment container
/// (<c>#comments</c>, <c>.comment-list</c>, <c>#disqus_thread</c>...); inside it every element whose class
/// token or id names a single comment (<c>li.comment</c>, <c>#comment-123</c>) is one comment. Threads come
/// from the nesting itself (a reply sits inside the comment it answers, often in an <c>ol.children</c>) or,
/// for flat lists, from WordPress-style <c>depth-N</c> classes. The author is the text of the first
/// <c>comment-author</c>/<c>fn</c>-like element of the comment, without a trailing "says".
/// </summary>
internal sealed partial class HtmlCommentReader(HtmlHints hints, WeightedCues spam)
{
    [GeneratedRegex(@"(?:^|\s)depth-(?<n>\d{1,2})(?:\s|$)")]
    private static partial Regex DepthClass();

    [GeneratedRegex(@"\s*(?:says|said|wrote|writes)\s*:?\s*$|\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SaysSuffix();

    public HtmlComments Read(HtmlDocument document, string text, IReadOnlyList<int> lineStarts)
    {
        var sections = new List<HtmlNode>();
        var nodes = document.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!node.IsElement || !node.Rendered || !node.HasAttributes)
                continue;
            if (hints.MatchesToken(HintGroup.CommentSection, node) && node.End > node.Start)
            {
                sections.Add(node);
                i = node.SubtreeEnd - 1;
            }
        }

        var comments = new List<Comment>();
        foreach (var section in sections)
            ReadSection(document, section, text, lineStarts, comments);
        return new HtmlComments(sections, comments);
    }

    private void ReadSection(HtmlDocument document, HtmlNode section, string text, IReadOnlyList<int> lineStarts, List<Comment> comments)
    {
        var items = new List<HtmlNode>();
        foreach (var node in document.Descendants(section))
        {
            if (node.IsElement && node.Rendered && node.HasAttributes && node.End > node.Start
                && hints.MatchesToken(HintGroup.CommentItem, node))
            {
                items.Add(node);
            }
        }

        // An item directly wrapping another single item (div#comment-1 > div.comment) is one comment.
        items = [.. items.Where(item => !items.Any(other => !ReferenceEquals(other, item) && other.IsInside(item) && other.Start == item.Start && other.End == item.End))];
        if (items.Count == 0)
            return;

        var indexOf = new Dictionary<HtmlNode, int>();
        var usesDepthClasses = items.All(i => i.Parent is not null && !items.Any(o => i.IsInside(o))) && items.Any(i => DepthClass().IsMatch(i.Attribute("class") ?? string.Empty));
        var openAtDepth = new List<int>();
        foreach (var item in items)
        {
            int depth;
            int? replyTo = null;
            if (usesDepthClasses)
            {
                var m = DepthClass().Match(item.Attribute("class") ?? string.Empty);
                depth = m.Success ? Math.Max(0, int.Parse(m.Groups["n"].ValueSpan, provider: null) - 1) : 0;
                depth = Math.Min(depth, openAtDepth.Count);
                if (depth > 0)
                    replyTo = openAtDepth[depth - 1];
            }
            else
            {
                depth = 0;
                for (var p = item.Parent; p is not null && !ReferenceEquals(p, section); p = p.Parent)
                {
                    if (indexOf.TryGetValue(p, out var parentIndex))
                    {
                        replyTo ??= parentIndex;
                        depth++;
                    }
                }
            }

            while (openAtDepth.Count > depth)
                openAtDepth.RemoveAt(openAtDepth.Count - 1);
            openAtDepth.Add(comments.Count);

            var (start, end) = OwnSpan(item, items, text);
            if (end <= start)
                continue;
            indexOf[item] = comments.Count;
            comments.Add(new Comment(
                comments.Count,
                start,
                end,
                LineOf(lineStarts, start),
                LineOf(lineStarts, Math.Max(start, end - 1)),
                Author(document, item, items),
                depth,
                replyTo,
                spam.Score(text[start..end]) >= 3));
        }

    }

    /// <summary>The comment's own text: up to where the first reply nested in it begins.</summary>
    private static (int Start, int End) OwnSpan(HtmlNode item, List<HtmlNode> items, string text)
    {
        var end = item.End;
        foreach (var other in items)
        {
            if (other.Start >= item.Start && other.Start < end && other.IsInside(item))
                end = other.Start;
        }

        while (end > item.Start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (item.Start, end);
    }

    private string? Author(HtmlDocument document, HtmlNode item, List<HtmlNode> items)
    {
        for (var i = item.Index + 1; i < item.SubtreeEnd; i++)
        {
            var node = document.Nodes[i];
            if (!node.IsElement)
                continue;
            if (items.Contains(node))
                break;
            var isAuthor = node.AttributeIs("itemprop", "author") || hints.MatchesToken(HintGroup.CommentAuthor, node)
                || hints.Matches(HintGroup.CommentAuthor, node.Attribute("class"));
            if (!isAuthor || !node.Rendered)
                continue;
            var name = HtmlMetadataReader.Clean(document.TextContent(node));
            name = SaysSuffix().Replace(name, string.Empty).Trim();
            if (name.Length is > 0 and <= 80)
                return name;
        }

        return null;
    }

    internal static int LineOf(IReadOnlyList<int> lineStarts, int offset)
    {
        var lo = 0;
        var hi = lineStarts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }

        return lo + 1;
    }
}
