using System.CommandLine;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary><c>claimtrace show DOC</c>: a stored page with its metadata, segments and offsets.</summary>
public static class ShowCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var doc = new Argument<string>("doc") { Description = "document id (or a prefix of at least 4 characters), key or source" };
        var json = new Option<bool>("--json") { Description = "print the extraction JSON (docs/extraction-json.md)" };
        var explain = new Option<bool>("--explain") { Description = "for plain-text pages, show the segmenter's score of every line" };
        var command = new Command("show", "Show a stored page: metadata, segments with offsets, comments, and its statements and quantities highlighted in the text.") { doc, json, explain };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            var id = parsed.GetRequiredValue(doc);
            StoredPage? found;
            try
            {
                found = store.Find(id);
            }
            catch (StoreException e)
            {
                // An ambiguous id prefix: the message lists the candidates.
                env.StandardError.WriteLine($"claimtrace: {e.Message}");
                return ExitCodes.Failed;
            }

            if (found is null)
            {
                env.StandardError.WriteLine($"claimtrace: no document '{id}' (try 'claimtrace docs')");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
            {
                ExtractionJson.WritePage(env.StandardOutput, found.Page, indented: true);
                env.StandardOutput.WriteByte((byte)'\n');
                env.StandardOutput.Flush();
                return ExitCodes.Ok;
            }

            PageView.Write(env.Console, found.Page, found.Version);
            if (parsed.GetValue(explain) && found.Page.Format == PageFormat.Text)
                env.Console.WriteLine(SegmenterDiagnostics.Explain(found.Page.Text));
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Renders a page for people: metadata with origins, then the text with each line's segment in the gutter.</summary>
internal static class PageView
{
    public static void Write(IAnsiConsole console, Page page, int? version = null)
    {
        var meta = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(page.Id)}[/] {Markup.Escape(page.Source)}");
        meta.AddColumn("field");
        meta.AddColumn("value");
        meta.AddColumn("from");
        void Row(string name, MetaValue? value)
        {
            if (value is not null)
                meta.AddRow(name, Markup.Escape(value.Value), Markup.Escape(value.Origin + (value.Start is { } s ? $" @{s}-{value.End}" : "")));
        }

        Row("title", page.Metadata.Title);
        Row("outlet", page.Metadata.Outlet);
        Row("author", page.Metadata.Author);
        Row("published", page.Metadata.Published);
        Row("page date", page.Metadata.PageDate);
        Row("original source", page.Metadata.OriginalSource);
        Row("url", page.Metadata.Url);
        meta.AddRow("format", page.Format.ToString().ToLowerInvariant(), Markup.Escape(page.Encoding));
        if (version is { } v)
            meta.AddRow("version", v.ToString(), Markup.Escape(page.ContentHash[..12]));
        console.Write(meta);

        var segments = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "kind", "lines", "offsets" })
            segments.AddColumn(header);
        foreach (var s in page.Segments)
            segments.AddRow($"[{Colour(s.Kind)}]{s.Kind.ToWire()}[/]", $"{s.FirstLine}-{s.LastLine}", $"{s.Start}-{s.End}");
        console.Write(segments);

        var analysis = new AnalysisView(page);
        var analysed = page.Analysis.Statements.Count + page.Analysis.Quantities.Count > 0;
        if (analysed)
            console.MarkupLine(AnalysisView.Legend);
        var lines = page.Text.Split('\n');
        var lineStart = 0;
        for (var i = 0; i < lines.Length; lineStart += lines[i].Length + 1, i++)
        {
            var number = i + 1;
            var kind = page.Segments.Where(s => s.FirstLine <= number && number <= s.LastLine)
                .OrderBy(s => s.LastLine - s.FirstLine).Select(s => (SegmentKind?)s.Kind).FirstOrDefault();
            var comment = page.Comments.FirstOrDefault(c => c.FirstLine == number);
            var gutter = kind is { } k ? $"[{Colour(k)}]{k.ToWire(),-12}[/]" : new string(' ', 12);
            var text = lines[i].TrimEnd('\r');
            if (comment is not null)
            {
                var mark = comment.ReplyTo is { } parent ? $" ↳ reply to #{parent}" : "";
                var spam = comment.LikelySpam ? " [red](likely spam)[/]" : "";
                console.MarkupLine($"{number,4} {gutter} [grey]#{comment.Index} {Markup.Escape(comment.Author ?? "anonymous")}{Markup.Escape(mark)}[/]{spam}");
            }

            var baseStyle = kind is SegmentKind.Comments or SegmentKind.Boilerplate ? "grey" : null;
            console.MarkupLine($"{number,4} {gutter} {analysis.Line(text, lineStart, baseStyle)}");
        }

        if (analysed || page.Analysis.Stances.Count > 0)
            AnalysisView.WriteLists(console, page);
    }

    private static string Colour(SegmentKind kind) => kind switch
    {
        SegmentKind.Article => "green",
        SegmentKind.Title or SegmentKind.Byline or SegmentKind.Dateline => "blue",
        SegmentKind.EditorNote => "yellow",
        SegmentKind.Caption or SegmentKind.RelatedLink => "aqua",
        SegmentKind.Comments => "fuchsia",
        _ => "grey",
    };
}
