namespace ClaimTrace.Tests;

/// <summary>
/// Valid pages for store tests: a key and a text are enough, everything else has a sensible default,
/// and <see cref="Rich"/> fills every field so a round trip has something to lose.
/// </summary>
internal sealed class PageBuilder
{
    private string key;
    private string? source;
    private string text = "Body of the page.";
    private PageFormat format = PageFormat.Text;
    private string encoding = "utf-8";
    private PageMetadata metadata = PageMetadata.Empty;
    private IReadOnlyList<Segment>? segments;
    private IReadOnlyList<Comment> comments = [];
    private IReadOnlyList<string> warnings = [];
    private PageAnalysis analysis = PageAnalysis.Empty;

    private PageBuilder(string key) => this.key = key;

    public static PageBuilder For(string key) => new(key);

    public PageBuilder WithText(string value)
    {
        text = value;
        return this;
    }

    public PageBuilder WithSource(string value)
    {
        source = value;
        return this;
    }

    public PageBuilder WithKey(string value)
    {
        key = value;
        return this;
    }

    public PageBuilder AsHtml(string encodingName = "windows-1252")
    {
        format = PageFormat.Html;
        encoding = encodingName;
        return this;
    }

    public PageBuilder WithMetadata(PageMetadata value)
    {
        metadata = value;
        return this;
    }

    public PageBuilder WithTitle(string title) => WithMetadata(metadata with { Title = new MetaValue(title, "container:csv") });

    public PageBuilder WithOutlet(string outlet) => WithMetadata(metadata with { Outlet = new MetaValue(outlet, "container:csv") });

    public PageBuilder WithSegments(params Segment[] value)
    {
        segments = value;
        return this;
    }

    public PageBuilder WithComments(params Comment[] value)
    {
        comments = value;
        return this;
    }

    public PageBuilder WithWarnings(params string[] value)
    {
        warnings = value;
        return this;
    }

    public PageBuilder WithAnalysis(PageAnalysis value)
    {
        analysis = value;
        return this;
    }

    public Page Build() => new()
    {
        Source = source ?? key,
        Key = key,
        ContentHash = PageIds.Sha256Hex(text),
        Format = format,
        Text = text,
        Encoding = encoding,
        Metadata = metadata,
        Segments = segments ?? [new Segment(SegmentKind.Article, 0, text.Length, 1, 1 + text.Count(c => c == '\n'))],
        Comments = comments,
        Warnings = warnings,
        Analysis = analysis,
    };

    /// <summary>
    /// A page using every field: all metadata with container, HTML and text origins (the text ones with
    /// spans), every segment kind with a nested caption, and a comment thread with a reply and a spam flag.
    /// </summary>
    public static Page Rich(string key = "https://news.example/2017/12/syria")
    {
        var lines = new[]
        {
            "Syria retaken, says ministry",                               // 1 title
            "By Anna Petrova",                                            // 2 byline
            "MOSCOW, Dec 7 (Example News) -",                             // 3 dateline
            "The ministry said 96.5% of Syria has been retaken.",         // 4 article
            "Photo: a checkpoint near Deir ez-Zor.",                      // 5 caption inside the article
            "Editor's note: updated with the ministry's figures.",        // 6 editor note
            "Read more: Aleppo one year on",                              // 7 related link
            "Subscribe to our newsletter",                                // 8 boilerplate
            "ivan_k: Where does 96.5 come from?",                         // 9 comment 0
            "  reply by maria: The briefing, same day.",                  // 10 comment 1, reply to 0
            "cheap pills at example.biz",                                 // 11 comment 2, spam
        };
        var text = string.Join('\n', lines);
        var starts = new int[lines.Length];
        for (int i = 0, at = 0; i < lines.Length; at += lines[i].Length + 1, i++)
            starts[i] = at;
        int Start(int line) => starts[line - 1];
        int End(int line) => starts[line - 1] + lines[line - 1].Length;

        return new Page
        {
            Source = "/data/crawl/news.csv#row=12",
            Key = key,
            ContentHash = PageIds.Sha256Hex(text),
            Format = PageFormat.Html,
            Text = text,
            Encoding = "utf-8-bom",
            Metadata = new PageMetadata
            {
                Url = new MetaValue(key, "container:csv"),
                Title = new MetaValue(lines[0], "html:og:title"),
                Outlet = new MetaValue("Example News", "container:csv"),
                Author = new MetaValue("Anna Petrova", "text:byline", Start(2) + 3, End(2)),
                Published = new MetaValue("2017-12-07", "text:dateline", Start(3), End(3)),
                PageDate = new MetaValue("2024-02", "html:header"),
                OriginalSource = new MetaValue("Ministry of Defence", "text:credit", Start(4) + 4, Start(4) + 12),
                ScrapedAt = new MetaValue("2024-02-29T23:59:59Z", "container:warc"),
                Language = new MetaValue("en", "html:lang"),
            },
            Segments =
            [
                new Segment(SegmentKind.Title, Start(1), End(1), 1, 1),
                new Segment(SegmentKind.Byline, Start(2), End(2), 2, 2),
                new Segment(SegmentKind.Dateline, Start(3), End(3), 3, 3),
                new Segment(SegmentKind.Article, Start(4), End(6), 4, 6),
                new Segment(SegmentKind.Caption, Start(5), End(5), 5, 5),
                new Segment(SegmentKind.EditorNote, Start(6), End(6), 6, 6),
                new Segment(SegmentKind.RelatedLink, Start(7), End(7), 7, 7),
                new Segment(SegmentKind.Boilerplate, Start(8), End(8), 8, 8),
                new Segment(SegmentKind.Comments, Start(9), End(11), 9, 11),
            ],
            Comments =
            [
                new Comment(0, Start(9), End(9), 9, 9, "ivan_k", 0, null, false),
                new Comment(1, Start(10), End(10), 10, 10, "maria", 1, 0, false),
                new Comment(2, Start(11), End(11), 11, 11, null, 0, null, true),
            ],
            Warnings = ["decoded with a BOM", "comment 2 looks like spam"],
        };
    }
}
