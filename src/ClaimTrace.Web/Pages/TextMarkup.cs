using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// A stretch of page text to wrap in markup: <see cref="Open"/> and <see cref="Close"/> are trusted tags the page
/// built (their attribute values escaped); <see cref="FirstOpen"/>, when given, is used the first time the mark is
/// opened, so an element id is written once even when the mark has to be split. Lower <see cref="Rank"/> nests outside.
/// </summary>
internal sealed record Mark(int Start, int End, int Rank, string Open, string Close, string? FirstOpen = null);

/// <summary>
/// Writes text with marks that may overlap, as well-formed HTML. Facts overlap freely (a statement holds a figure,
/// a search match runs into a speaker's name), and HTML elements cannot: between every two boundaries the marks that
/// cover the stretch are kept open in rank order, and only those that must be are closed and opened again. The
/// text itself is always escaped.
/// </summary>
internal sealed class TextMarkup
{
    private readonly HashSet<Mark> _opened = new(ReferenceEqualityComparer.Instance);

    /// <summary>Appends <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) with the marks that fall in it, clipped to it.</summary>
    public void Write(StringBuilder sb, string text, int from, int to, IEnumerable<Mark> marks)
    {
        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(to, from, text.Length);
        var inRange = marks
            .Where(m => m.Start < to && m.End > from && m.Start < m.End)
            .Select((m, i) => (Mark: m, Order: i, Start: Math.Max(m.Start, from), End: Math.Min(m.End, to)))
            .OrderBy(m => m.Mark.Rank).ThenBy(m => m.Start).ThenByDescending(m => m.End).ThenBy(m => m.Order)
            .ToList();
        if (inRange.Count == 0)
        {
            sb.Append(Html.E(text[from..to]));
            return;
        }

        var bounds = new SortedSet<int> { from, to };
        foreach (var m in inRange)
        {
            bounds.Add(m.Start);
            bounds.Add(m.End);
        }

        var stack = new List<Mark>();
        var previous = -1;
        foreach (var at in bounds)
        {
            if (previous >= 0)
            {
                var active = inRange.Where(m => m.Start <= previous && m.End >= at).Select(m => m.Mark).ToList();
                var keep = 0;
                while (keep < stack.Count && keep < active.Count && ReferenceEquals(stack[keep], active[keep]))
                    keep++;
                for (var i = stack.Count - 1; i >= keep; i--)
                    sb.Append(stack[i].Close);
                stack.RemoveRange(keep, stack.Count - keep);
                foreach (var m in active.Skip(keep))
                {
                    sb.Append(m.FirstOpen is { } first && _opened.Add(m) ? first : m.Open);
                    stack.Add(m);
                }

                sb.Append(Html.E(text[previous..at]));
            }

            previous = at;
        }

        for (var i = stack.Count - 1; i >= 0; i--)
            sb.Append(stack[i].Close);
    }

    /// <summary>The text with its marks as one string (a snippet, a sentence).</summary>
    public static string Render(string text, IEnumerable<Mark> marks)
    {
        var sb = new StringBuilder(text.Length + 64);
        new TextMarkup().Write(sb, text, 0, text.Length, marks);
        return sb.ToString();
    }
}
