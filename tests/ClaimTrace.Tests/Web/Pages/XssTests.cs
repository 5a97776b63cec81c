using AngleSharp.Dom;
using ClaimTrace.Web;

namespace ClaimTrace.Tests;

/// <summary>
/// Page text is untrusted: a page whose title, text, comment, outlet, author, URL and speaker carry markup must
/// render inert on every page that shows them, with no script but the app's own and no event-handler attribute.
/// </summary>
public sealed class XssTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public void A_page_made_of_markup_renders_inert_on_the_document_search_claims_and_sources_pages()
    {
        using var folder = new TempFolder("web-xss");
        using var store = SqlitePageStore.Open(folder.File("xss.db"));
        var page = Hostile();
        Assert.Equal(IngestStatus.Added, Assert.Single(store.SaveBatch([page], [])).Status);
        var corpus = StoreLinking.Link(store);

        var rendered = new List<(string Name, HtmlPage Page)>
        {
            ("document", DocumentPage.Render(page.Id, store.Find(page.Id), corpus, store.ListCopyLinks(new CopyLinkQuery(PageId: page.Id)))),
            ("search", SearchPage.Render(new SearchForm(Q: "alert"), store, corpus)),
            ("search by speaker", SearchPage.Render(new SearchForm(Speaker: Script), store, corpus)),
            ("search with markup in the query", SearchPage.Render(new SearchForm(Q: Breakout, Outlet: Script), store, corpus)),
            ("claims", ClaimsPage.Render(new ClaimsForm(Speaker: Breakout), corpus)),
            ("claims, all", ClaimsPage.Render(new ClaimsForm(), corpus)),
            ("sources", SourcesPage.Render(store, corpus)),
            ("missing claim", ClaimPage.Render(Script, corpus)),
            ("missing document", DocumentPage.Render(Breakout, null, corpus, [])),
        };
        rendered.AddRange(corpus.Result.Claims.Select(c => ("claim " + c.Id, ClaimPage.Render(c.Id, corpus))));
        Assert.Contains(rendered, r => r.Name.StartsWith("claim ", StringComparison.Ordinal));

        foreach (var (name, html) in rendered)
            AssertInert(name, Dom.Parse(html));

        var document = Dom.Parse(rendered[0].Page);
        Assert.Contains(Script, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Breakout, document.QuerySelector("[data-testid=comment]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Script, document.QuerySelector("[data-testid=statement]")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotEmpty(Dom.Parse(rendered[1].Page).QuerySelectorAll("[data-testid=search-result]"));
    }

    private static void AssertInert(string name, IDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
            Assert.True(script.GetAttribute("src")?.StartsWith("/static/", StringComparison.Ordinal) == true, $"{name}: a script that is not the app's: {script.OuterHtml}");
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{name}: <{element.LocalName} {attribute.Name}> from the page's text");
                if (attribute.Name is "href" or "src" or "action")
                    Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{name}: a javascript: link");
            }
        }

        Assert.Empty(doc.QuerySelectorAll("img, iframe, object, embed"));
    }

    /// <summary>A page whose every shown string is markup, analysed by hand so the speaker's name is markup too.</summary>
    private static Page Hostile()
    {
        var title = $"{Script} {Breakout}";
        var sentence = $"{Breakout} said 40% of Syria is held by {Script}.";
        var comment = $"{Script}: {Breakout}";
        var text = $"{title}\n\n{sentence}\n\n{comment}";
        var at = title.Length + 2;
        var commentAt = at + sentence.Length + 2;
        var said = at + Breakout.Length + 1;
        var content = said + 5;
        var forty = content;
        return PageBuilder.For("https://xss.example/" + Uri.EscapeDataString(Script))
            .WithText(text)
            .WithMetadata(new PageMetadata
            {
                Title = new MetaValue(title, "container:jsonl"),
                Outlet = new MetaValue(Script, "container:jsonl"),
                Author = new MetaValue(Breakout, "container:jsonl"),
                Url = new MetaValue("javascript:alert(1)", "container:jsonl"),
                Published = new MetaValue("2018-12-11", "container:jsonl"),
            })
            .WithSegments(
                new Segment(SegmentKind.Title, 0, title.Length, 1, 1),
                new Segment(SegmentKind.Article, at, at + sentence.Length, 3, 3),
                new Segment(SegmentKind.Comments, commentAt, text.Length, 5, 5))
            .WithComments(new Comment(0, commentAt, text.Length, 5, 5, Script, 0, null, false))
            .WithAnalysis(new PageAnalysis
            {
                Sentences = [new Sentence(0, 0, title.Length, 0, SegmentKind.Title, false), new Sentence(1, at, at + sentence.Length, 1, SegmentKind.Article, false),
                    new Sentence(2, commentAt, text.Length, 2, SegmentKind.Comments, true)],
                Statements = [new Statement(0, StatementKind.Indirect, new Speaker(Breakout, at, at + Breakout.Length, Script, at, at + Breakout.Length, SpeakerKind.Person),
                    new TextSpan(said, said + 4), "say", new TextSpan(content, at + sentence.Length - 1), 1, false)],
                Quantities = [new Quantity(forty, forty + 3, 40, "percent", Measure: "territory.is_held.share", Scope: "Syria", Statement: 0)],
                Stances = [new StanceCue(at, at + 2, StanceKind.Disputed, 0, Script)],
            })
            .Build();
    }
}
