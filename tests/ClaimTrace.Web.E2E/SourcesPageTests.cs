using ClaimTrace.Web.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class SourcesPageTests(WebAppFixture app)
{
    [Fact]
    public async Task The_sources_page_draws_the_syndication_graph()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/sources");
        await session.ScreenshotAsync("sources");

        var graph = session.Page.GetByTestId("sources-graph").First;
        await Expect(graph).ToBeVisibleAsync();
        Assert.Equal("svg", await graph.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
        var box = await graph.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 50, $"the graph is {box.Width}x{box.Height}");
        // Global Research credits South Front in the seeds: both are drawn, with at least one edge between outlets.
        var labels = await graph.Locator("text").AllTextContentsAsync();
        var drawn = string.Join(" | ", labels);
        Assert.Contains("South Front", drawn, StringComparison.Ordinal);
        Assert.Contains("Global Research", drawn, StringComparison.Ordinal);
        Assert.True(await graph.Locator("line, path, polyline").CountAsync() > 0, "the graph has no edge");

        // Outlets with their pages are listed beside the picture, not only drawn in it.
        Assert.True(await session.Page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('body *')].some(e => !e.closest('svg') && e.children.length === 0 && e.textContent.includes('South Front'))"),
            "South Front is named only inside the graph");
        Assert.Empty(session.Errors);
    }
}
