using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>
/// Whatever a page looks like, every offset the plain-text segmenter gives points into the page, line numbers
/// agree with the offsets, and a comment thread only refers back to earlier comments. The pages are built
/// from the kinds of lines real crawls mix: prose, furniture, bullets, indented replies, odd characters.
/// </summary>
public sealed class PlainTextInvariantTests
{
    private static readonly string[] Fragments =
    [
        "The minister said on Monday that 1,200 homes had been rebuilt in the province.",
        "“We will not stop,” he told reporters, according to the agency.",
        "By Jane Roe",
        "Sunday, 21 October 2018",
        "Share this:", "Twitter", "Facebook", "Like this:", "Related:",
        "Comments are closed.", "Note to readers: please click the share buttons above.",
        "[SF: this report was corrected]",
        "• Reader One", "• Reader Two", "  • Reader Three", "    Reply", "Reply",
        "lol you believe that?", "I think you are wrong about this, my friend.",
        "Buy cheap watches at http://spam.example.test now!!!",
        "Copyright © 2018 Example Media. All rights reserved.",
        "Damascus (GPA– The army said it had taken the town.",
        "", "", "   ", "\t", "…", "★★★★☆", "→", "😀 emoji line 𝔘",
        "\u00A0", "-----", "1.", "?", "\"", "“unbalanced",
    ];

    private static Gen<string> Pages() =>
        from count in Gen.Choose(0, 60)
        from lines in Gen.ArrayOf(Gen.Elements(Fragments), count)
        from crlf in Gen.Elements(false, true)
        from finalNewline in Gen.Elements(false, true)
        select string.Join(crlf ? "\r\n" : "\n", lines) + (finalNewline ? "\n" : "");

    [Fact]
    public void Segments_and_comments_of_any_page_stay_inside_the_text_and_agree_with_their_lines()
    {
        var segmenter = new PlainTextSegmenter();
        Prop.ForAll(Pages().ToArbitrary(), text =>
        {
            var page = segmenter.Segment("generated.txt", text, PageMetadata.Empty);
            Assert.Equal(text, page.Text);
            foreach (var segment in page.Segments)
            {
                Assert.InRange(segment.Start, 0, text.Length);
                Assert.InRange(segment.End, segment.Start, text.Length);
                Assert.True(segment.FirstLine >= 1 && segment.FirstLine <= segment.LastLine, $"lines {segment.FirstLine}-{segment.LastLine}");
                Assert.Equal(segment.FirstLine, LineAt(text, segment.Start));
            }

            foreach (var comment in page.Comments)
            {
                Assert.InRange(comment.Start, 0, text.Length);
                Assert.InRange(comment.End, comment.Start, text.Length);
                Assert.True(comment.Depth >= 0);
                if (comment.ReplyTo is { } parent)
                {
                    Assert.InRange(parent, 0, comment.Index - 1);
                    Assert.True(page.Comments[parent].Depth < comment.Depth, "a reply is deeper than the comment it answers");
                }
            }

            for (var i = 1; i < page.Comments.Count; i++)
                Assert.True(page.Comments[i].Start >= page.Comments[i - 1].End, "comments do not overlap");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Segmenting_the_same_text_twice_gives_the_same_result()
    {
        var segmenter = new PlainTextSegmenter();
        Prop.ForAll(Pages().ToArbitrary(), text =>
        {
            var first = segmenter.Segment("a.txt", text, PageMetadata.Empty);
            var second = segmenter.Segment("a.txt", text, PageMetadata.Empty);
            Assert.Equal(first.Segments, second.Segments);
            Assert.Equal(first.Comments, second.Comments);
            Assert.Equal(first.Metadata, second.Metadata);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The 1-based line holding an offset; an offset at the very end belongs to the last line.</summary>
    private static int LineAt(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < Math.Min(offset, text.Length); i++)
        {
            if (text[i] == '\n')
                line++;
        }

        return line;
    }
}
