using System.Text;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// Shows a page's analysis for people: styles over the page text (statement content, cue, speaker, quantity:
/// the later wins where they overlap, so a number inside a quote stands out) and tables listing each item with
/// its offsets. Page text is always escaped: a page that says "[red]" prints it literally.
/// </summary>
internal sealed class AnalysisView
{
    private const byte None = 0;
    private const byte Content = 1;
    private const byte Cue = 2;
    private const byte SpeakerMark = 3;
    private const byte Number = 4;

    private static readonly string[] Styles = ["", "green", "yellow", "bold aqua", "black on fuchsia"];

    private readonly byte[] marks;

    public AnalysisView(Page page)
    {
        marks = new byte[page.Text.Length];
        foreach (var s in page.Analysis.Statements)
        {
            Mark(s.Content, Content);
            if (s.Cue is { } cue)
                Mark(cue, Cue);
            if (s.Speaker is { } speaker)
                Mark(speaker.Span, SpeakerMark);
        }

        foreach (var q in page.Analysis.Quantities)
            Mark(q.Span, Number);
    }

    public static string Legend =>
        $"[{Styles[SpeakerMark]}]speaker[/] [{Styles[Cue]}]cue[/] [{Styles[Content]}]content[/] [{Styles[Number]}]quantity[/]";

    /// <summary>The line <paramref name="line"/>, which starts at <paramref name="start"/> in the page text, as markup.</summary>
    public string Line(string line, int start, string? baseStyle)
    {
        var markup = new StringBuilder(line.Length + 32);
        var i = 0;
        while (i < line.Length)
        {
            var mark = At(start + i);
            var j = i + 1;
            while (j < line.Length && At(start + j) == mark)
                j++;
            var style = mark == None ? baseStyle : Styles[mark];
            var text = Markup.Escape(line[i..j]);
            markup.Append(string.IsNullOrEmpty(style) ? text : $"[{style}]{text}[/]");
            i = j;
        }

        return markup.ToString();
    }

    public static void WriteLists(IAnsiConsole console, Page page)
    {
        var a = page.Analysis;
        if (a.Statements.Count > 0)
        {
            var statements = new Table().Border(TableBorder.Simple).Title("statements");
            foreach (var header in new[] { "#", "kind", "speaker", "as written", "cue", "content", "offsets" })
                statements.AddColumn(header);
            foreach (var s in a.Statements)
            {
                statements.AddRow(
                    s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    s.Kind.ToWire() + (s.InComments ? " [grey](comment)[/]" : ""),
                    Markup.Escape(s.Speaker is { } sp ? sp.Name + Details(sp) : "–"),
                    Markup.Escape(s.Speaker is { } w ? $"{w.Written} @{w.Start}-{w.End}" : ""),
                    Markup.Escape(s.Cue is { } cue ? $"{cue.Of(page.Text)} @{cue.Start}-{cue.End}" : ""),
                    Markup.Escape(DocsCommand.Shorten(s.Content.Of(page.Text), 80)),
                    $"{s.Content.Start}-{s.Content.End}");
            }

            console.Write(statements);
        }

        if (a.Quantities.Count > 0)
        {
            var quantities = new Table().Border(TableBorder.Simple).Title("quantities");
            foreach (var header in new[] { "text", "value", "qualifier", "what", "measure", "scope", "statement", "offsets" })
                quantities.AddColumn(header);
            foreach (var q in a.Quantities)
            {
                quantities.AddRow(
                    Markup.Escape(q.Span.Of(page.Text)) + (q.InComments ? " [grey](comment)[/]" : "") + (q.Implicit ? " [grey](implicit)[/]" : ""),
                    Markup.Escape(ClaimsCsv.Number(q.Value) + (q.ValueMax is { } max ? "–" + ClaimsCsv.Number(max) : "") + " " + q.Unit),
                    Markup.Escape(q.Qualifier ?? ""),
                    Markup.Escape(q.What ?? ""),
                    Markup.Escape(q.Measure ?? ""),
                    Markup.Escape(q.Scope ?? ""),
                    q.Statement is { } st ? "#" + st.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                    $"{q.Start}-{q.End}");
            }

            console.Write(quantities);
        }

        if (a.Stances.Count > 0)
        {
            var stances = new Table().Border(TableBorder.Simple).Title("stances");
            foreach (var header in new[] { "kind", "cue", "toward", "by", "offsets" })
                stances.AddColumn(header);
            foreach (var s in a.Stances)
            {
                stances.AddRow(s.Kind.ToWire(), Markup.Escape(DocsCommand.Shorten(s.Span.Of(page.Text), 50)),
                    "#" + s.TargetStatement.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.By), $"{s.Start}-{s.End}");
            }

            console.Write(stances);
        }
    }

    private static string Details(Speaker speaker)
    {
        var parts = new[] { speaker.Rank, speaker.Role, speaker.Organisation }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private byte At(int offset) => offset < marks.Length ? marks[offset] : None;

    private void Mark(TextSpan span, byte mark)
    {
        // Spans were checked when the page was stored; clamp anyway so a page analysed in memory cannot break the view.
        var end = Math.Min(span.End, marks.Length);
        for (var i = Math.Max(span.Start, 0); i < end; i++)
        {
            if (marks[i] < mark)
                marks[i] = mark;
        }
    }
}
