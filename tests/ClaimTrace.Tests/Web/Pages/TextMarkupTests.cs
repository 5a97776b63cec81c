using ClaimTrace.Web;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>Overlapping marks written as well-formed HTML that keeps the text.</summary>
public sealed class TextMarkupTests
{
    [Fact]
    public void Any_marks_over_any_text_give_markup_whose_text_is_the_original_and_whose_elements_cover_their_stretch()
    {
        var gen =
            from text in Gen.Elements('a', 'b', ' ', '<', '&', '"', '\n').ArrayOf().Select(c => new string(c))
            from marks in Gen.Choose(0, Math.Max(0, text.Length)).Two().Select(p => (Start: Math.Min(p.Item1, p.Item2), End: Math.Max(p.Item1, p.Item2)))
                .Zip(Gen.Choose(0, 2)).ListOf()
            select (text, marks);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (text, spans) = input;
            var marks = spans.Select((m, i) => new Mark(m.Item1.Start, m.Item1.End, m.Item2, $"<b class=\"m{i}\">", "</b>")).ToList();
            var html = TextMarkup.Render(text, marks);
            var body = Dom.Parse("<div id=\"x\">" + html + "</div>").GetElementById("x")!;
            if (body.TextContent != text.Replace("\r", "", StringComparison.Ordinal))
                return false;
            // Each mark's pieces, joined, are exactly its stretch of the text.
            foreach (var (mark, i) in marks.Select((m, i) => (m, i)))
            {
                var pieces = string.Concat(body.QuerySelectorAll($"b.m{i}").Where(e => e.ParentElement?.ClassName != $"m{i}").Select(e => e.TextContent));
                if (mark.Start < mark.End && pieces != text[mark.Start..mark.End])
                    return false;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_first_piece_of_a_split_mark_carries_its_id_and_the_others_do_not()
    {
        var outer = new Mark(0, 4, 0, "<i>", "</i>");
        var crossing = new Mark(2, 6, 1, "<b>", "</b>", "<b id=\"s2\">");

        Assert.Equal("<i>ab<b id=\"s2\">cd</b></i><b>ef</b>", TextMarkup.Render("abcdef", [outer, crossing]));
    }
}
