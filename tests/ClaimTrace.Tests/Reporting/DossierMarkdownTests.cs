using System.Text;

namespace ClaimTrace.Tests;

/// <summary>Page text in a Markdown dossier stays text: no markup, links or table breaks from the page.</summary>
public sealed class DossierMarkdownTests
{
    private static LinkedCorpus Corpus(string text, string outlet)
    {
        var metadata = PageMetadata.Empty with
        {
            Outlet = new MetaValue(outlet, "test"),
            Published = new MetaValue("2020-03-02", "test"),
        };
        var page = PageAssembler.Assemble("https://example.org/x", PageFormat.Text, "utf-8", new PlainTextSegmenter().Segment("https://example.org/x", text, metadata));
        var analysed = page with { Analysis = new PageAnalyser().Analyse(page) };
        var pages = new[] { new LinkedPage(analysed, analysed.Analysis) };
        return new LinkedCorpus(new ClaimLinker().Link(pages, []), pages.ToDictionary(p => p.Id), []);
    }

    [Fact]
    public void Markup_in_a_reported_sentence_and_in_the_outlet_name_is_escaped()
    {
        var corpus = Corpus(
            "The Russian Defense Ministry said on Monday that the territory of Syria has been completely liberated <script>alert(1)</script> | [click](http://evil.example) *now*.\n",
            "Evil <b>Outlet</b>");
        var dossier = Dossier.For(corpus, "");
        Assert.NotEmpty(dossier.Claims);

        var md = DossierMarkdown.Render(dossier);

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", md, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", md, StringComparison.Ordinal);
        // Every table row keeps its five cells: the page's "|" is escaped, not a column break.
        foreach (var row in md.Split('\n').Where(l => l.StartsWith("| Evil", StringComparison.Ordinal)))
            Assert.Equal(6, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Figures_are_written_as_a_reader_writes_them()
    {
        Assert.Equal("more than 96.5%", DossierText.Figure(96.5, null, "percent", "more than"));
        Assert.Equal("1,411", DossierText.Figure(1411, null, "count", null));
        Assert.Equal("around 27,000 km²", DossierText.Figure(27000, null, "km2", "around"));
        Assert.Equal("5–7 people", DossierText.Figure(5, 7, "people", null));
        Assert.Equal("2,000,000 USD", DossierText.Figure(2e6, null, "money:USD", null));
        Assert.Equal(new string('a', 9) + "…", DossierText.OneLine(new StringBuilder().Append('a', 30).ToString(), 10));
    }
}
