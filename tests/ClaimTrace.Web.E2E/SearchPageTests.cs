using ClaimTrace.Web.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class SearchPageTests(WebAppFixture app)
{
    [Fact]
    public async Task A_search_for_96_5_typed_into_the_form_finds_Mizintsevs_claim_in_both_outlets()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/");

        // As a person would: type into the search form and submit it.
        var query = session.Page.GetByTestId("search-form").Locator("input[name=q]");
        await query.FillAsync("96.5");
        await query.PressAsync("Enter");
        await session.Page.WaitForURLAsync(url => url.Contains("q=96.5", StringComparison.Ordinal));
        var results = session.Page.GetByTestId("search-result");
        await Expect(results.First).ToBeVisibleAsync();
        await session.ScreenshotAsync("search-96.5");

        var hits = await HitsAsync(results);
        var mizintsev = hits.Where(h => h.Speaker.Contains("Mizintsev", StringComparison.Ordinal) && h.Numbers.Any(n => n.Contains("96.5", StringComparison.Ordinal))).ToList();
        var outlets = mizintsev.Select(h => h.Outlet).Distinct().Order().ToList();
        Assert.True(outlets.Contains("South Front") && outlets.Contains("Global Research"),
            $"Mizintsev's 96.5 should be found in South Front and Global Research; hits: {string.Join(" | ", hits)}");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Every_hit_links_to_where_it_was_found()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/?q=96.5");
        var results = session.Page.GetByTestId("search-result");
        await Expect(results.First).ToBeVisibleAsync();

        foreach (var result in await results.AllAsync())
            Assert.True(await result.Locator("a[href*='/documents/'], a[href*='/claims/']").CountAsync() > 0, "a hit without a link: " + await result.InnerTextAsync());

        // Following the first hit's document link opens that document.
        var link = results.First.Locator("a[href*='/documents/']").First;
        await link.ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("/documents/", StringComparison.Ordinal));
        await Expect(session.Page.GetByTestId("segment").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_filter_by_outlet_keeps_only_that_outlets_hits()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/?q=96.5&outlet=Global%20Research");
        var results = session.Page.GetByTestId("search-result");
        await Expect(results.First).ToBeVisibleAsync();
        await session.ScreenshotAsync("search-96.5-global-research");

        var hits = await HitsAsync(results);
        Assert.All(hits, h => Assert.Equal("Global Research", h.Outlet));
    }

    internal static async Task<List<Hit>> HitsAsync(ILocator results)
    {
        var hits = new List<Hit>();
        foreach (var result in await results.AllAsync())
        {
            var speaker = await result.Locator(".speaker").AllInnerTextsAsync();
            var outlet = await result.Locator(".outlet").AllInnerTextsAsync();
            var numbers = await result.Locator("mark.number").AllInnerTextsAsync();
            hits.Add(new Hit(string.Join(" ", speaker).Trim(), string.Join(" ", outlet).Trim(), [.. numbers.Select(n => n.Trim())]));
        }

        return hits;
    }

    internal sealed record Hit(string Speaker, string Outlet, IReadOnlyList<string> Numbers)
    {
        public override string ToString() => $"{Speaker} / {Outlet} / [{string.Join(", ", Numbers)}]";
    }
}
