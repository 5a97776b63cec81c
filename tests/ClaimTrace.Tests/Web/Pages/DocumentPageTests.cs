using ClaimTrace.Web;

namespace ClaimTrace.Tests;

/// <summary>The document view (<c>/documents/{id}</c>) of the seed pages.</summary>
public sealed class DocumentPageTests(SeedSite site) : IClassFixture<SeedSite>
{
    private HtmlPage Document(string id)
    {
        var stored = site.Store.Find(id);
        return DocumentPage.Render(id, stored, site.Corpus, site.Store.ListCopyLinks(new CopyLinkQuery(PageId: id)));
    }

    [Fact]
    public void Seed_004_shows_its_comment_thread_greyed_with_each_reply_inside_the_comment_it_answers()
    {
        var id = site.IdOf("004_837fc6c0ee627cf6.txt");
        var page = site.Store.Find(id)!.Page;
        var doc = Dom.Parse(Document(id));

        var segment = doc.QuerySelector("[data-testid=segment][data-kind=comments]");
        Assert.NotNull(segment);
        var comments = segment.QuerySelectorAll("[data-testid=comment]");
        Assert.Equal(page.Comments.Count, comments.Length);
        var replies = comments.Where(c => c.GetAttribute("data-depth") != "0").ToList();
        Assert.NotEmpty(replies);
        foreach (var reply in replies)
        {
            var parent = reply.ParentElement!.Closest("[data-testid=comment]");
            Assert.NotNull(parent);
            Assert.Equal(int.Parse(reply.GetAttribute("data-depth")!, System.Globalization.CultureInfo.InvariantCulture) - 1,
                int.Parse(parent.GetAttribute("data-depth")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains(comments, c => c.TextContent.Contains("Todd Burgess", StringComparison.Ordinal) && c.QuerySelectorAll("[data-testid=comment]").Length == 1);
    }

    [Fact]
    public void Every_segment_is_shown_with_its_kind_and_the_whole_text_is_there()
    {
        foreach (var summary in site.Store.ListDocuments(new DocumentQuery()))
        {
            var page = site.Store.Find(summary.Id)!.Page;
            var doc = Dom.Parse(Document(summary.Id));

            var kinds = doc.QuerySelectorAll("[data-testid=segment]").Select(s => s.GetAttribute("data-kind")).ToList();
            Assert.Equal(page.Segments.Select(s => s.Kind.ToWire()).Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
            var shown = doc.QuerySelector(".doc-text")!.Words();
            foreach (var word in page.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(400))
                Assert.Contains(word, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_fact_in_the_side_panel_links_to_an_anchor_that_exists_once_in_the_text()
    {
        foreach (var summary in site.Store.ListDocuments(new DocumentQuery()))
        {
            var page = site.Store.Find(summary.Id)!.Page;
            var doc = Dom.Parse(Document(summary.Id));

            var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            var targets = doc.QuerySelectorAll(".facts a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
            Assert.Equal(page.Analysis.Statements.Count + page.Analysis.Quantities.Count + page.Analysis.Dates.Count, targets.Count);
            Assert.All(targets, t => Assert.NotNull(doc.GetElementById(t)));
        }
    }

    [Fact]
    public void Statements_are_underlined_with_speaker_and_cue_in_the_hover_and_figures_are_marked()
    {
        var claim = site.Mizintsev;
        var report = claim.Reports.First(r => !r.IsEcho);
        var doc = Dom.Parse(Document(report.PageId));

        var statement = doc.QuerySelectorAll("[data-testid=statement]").First(s => s.GetAttribute("data-statement") == report.Statement.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Mizintsev", statement.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("cue:", statement.GetAttribute("title"), StringComparison.Ordinal);
        var figure = doc.GetElementById($"s{report.Evidence.Start}");
        Assert.NotNull(figure);
        Assert.Contains("96.5", figure.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll("mark[data-testid=quantity]"));
        Assert.Contains(doc.QuerySelectorAll(".facts a"), a => a.GetAttribute("href") == "/claims/" + claim.Id);
    }

    [Fact]
    public void A_search_hit_link_lands_on_an_element_of_the_document()
    {
        var results = site.Store.Search(new SearchQuery("Syria", Limit: 200));
        Assert.NotEmpty(results.Hits);
        foreach (var group in results.Hits.GroupBy(h => h.DocumentId))
        {
            var doc = Dom.Parse(Document(group.Key));
            Assert.All(group, hit => Assert.True(doc.GetElementById($"s{hit.Start}") is not null, $"{hit.Kind} at {hit.Start} in {hit.DocumentId} has no anchor"));
        }
    }

    [Fact]
    public void An_unknown_document_is_a_404_page()
    {
        Assert.Equal(404, DocumentPage.Render("abcdef123456", null, site.Corpus, []).Status);
    }
}
