using ClaimTrace.Web;

namespace ClaimTrace.Tests;

/// <summary>The sources page (<c>/sources</c>) over the seeds: outlets, their pages and the syndication graph.</summary>
public sealed class SourcesPageTests(SeedSite site) : IClassFixture<SeedSite>
{
    [Fact]
    public void Every_outlet_with_figures_has_a_row_with_its_counts_and_pages()
    {
        var doc = Dom.Parse(SourcesPage.Render(site.Store, site.Corpus));
        var rows = SourceSummary.Of(site.Corpus);

        var shown = doc.QuerySelectorAll("[data-testid=source-row]");
        Assert.All(rows, r => Assert.Contains(r.Outlet, shown.Select(s => s.GetAttribute("data-outlet"))));
        var southFront = shown.Single(r => r.GetAttribute("data-outlet") == "South Front");
        Assert.NotEmpty(southFront.QuerySelectorAll(".pages-list a[href^='/documents/']"));
        Assert.Equal(rows.Single(r => r.Outlet == "South Front").Reports.ToString(System.Globalization.CultureInfo.InvariantCulture), southFront.QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public void The_syndication_graph_draws_each_outlet_and_an_arrow_with_its_count_for_each_copying()
    {
        var doc = Dom.Parse(SourcesPage.Render(site.Store, site.Corpus));

        var graph = doc.QuerySelector("svg[data-testid=sources-graph]");
        Assert.NotNull(graph);
        var nodes = graph.QuerySelectorAll(".outlet-node");
        Assert.Contains(nodes, n => n.TextContent.Contains("South Front", StringComparison.Ordinal));
        var edges = graph.QuerySelectorAll(".copy-edge");
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains("copied", e.QuerySelector("title")!.TextContent, StringComparison.Ordinal));
        Assert.All(edges, e => Assert.Equal(e.GetAttribute("data-count"), e.QuerySelector("text")!.TextContent));
    }
}
