using System.Text.Json;
using ClaimTrace.Web.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class DocumentPageTests(WebAppFixture app)
{
    /// <summary>
    /// What the browser computed for an element: its text colour's relative luminance (0 black, 1 white) and its
    /// effective opacity (its own times every ancestor's), so "greyed" is judged on what a reader sees.
    /// </summary>
    private const string LookScript = """
        e => {
          const luminance = c => {
            const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
              .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          let opacity = 1;
          for (let n = e; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
          return { luminance: luminance(getComputedStyle(e).color), opacity };
        }
        """;

    [Fact]
    public async Task The_document_view_of_seed_004_shows_its_comment_thread_greyed_and_nested()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/documents/" + app.SeedId("004"));
        await session.ScreenshotAsync("document-seed-004");

        var article = session.Page.Locator("[data-testid='segment'][data-kind='article']").First;
        await Expect(article).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-testid='segment'][data-kind='comments']").First).ToBeVisibleAsync();

        // Seed 004's thread: nine commenters, two of whom are answered (see the seeds' gold).
        var comments = session.Page.GetByTestId("comment");
        Assert.True(await comments.CountAsync() >= 9, "comments shown: " + await comments.CountAsync());
        var replies = session.Page.Locator("[data-testid='comment'] [data-testid='comment']");
        Assert.True(await replies.CountAsync() >= 2, "replies nested inside their parent comment: " + await replies.CountAsync());
        foreach (var reply in await replies.AllAsync())
        {
            var depth = await reply.GetAttributeAsync("data-depth");
            Assert.True(int.TryParse(depth, out var d) && d >= 1, $"a nested reply has data-depth '{depth}'");
        }

        var top = session.Page.Locator("[data-testid='comment']:not([data-testid='comment'] [data-testid='comment'])").First;
        Assert.Equal("0", await top.GetAttributeAsync("data-depth"));

        // Greyed: lighter than the article's text, or faded.
        var articleLook = await LookAsync(article);
        foreach (var comment in (await comments.AllAsync()).Take(5))
        {
            var look = await LookAsync(comment);
            Assert.True(look.Opacity <= 0.85 || look.Luminance >= articleLook.Luminance + 0.1,
                $"a comment is not greyed: luminance {look.Luminance:F2} (article {articleLook.Luminance:F2}), opacity {look.Opacity:F2}");
        }

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_document_view_marks_statements_and_numbers_and_links_facts_to_their_place()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/documents/" + app.SeedId("000"));
        await session.ScreenshotAsync("document-seed-000");

        var statements = session.Page.GetByTestId("statement");
        var quantities = session.Page.GetByTestId("quantity");
        Assert.True(await statements.CountAsync() > 0, "no statement marked");
        Assert.True(await quantities.CountAsync() > 0, "no number marked");
        var numbers = string.Join(" ", await quantities.AllInnerTextsAsync());
        Assert.Contains("96.5", numbers, StringComparison.Ordinal);

        // A link from an extracted fact to its place in the text: a link into this page whose target exists.
        var anchors = await session.Page.Locator("a[href*='#']").EvaluateAllAsync<string[]>(
            "as => as.filter(a => a.pathname === location.pathname).map(a => decodeURIComponent(a.hash.slice(1)))");
        var targets = 0;
        foreach (var id in anchors.Where(a => a.Length > 0).Distinct().Take(50))
        {
            if (await session.Page.Locator($"[id='{id}']").CountAsync() > 0)
                targets++;
        }

        Assert.True(targets > 0, $"no in-page link from a fact to its place ({anchors.Length} '#' links)");
    }

    private static async Task<Look> LookAsync(ILocator element)
    {
        var json = await element.EvaluateAsync<JsonElement>(LookScript);
        return new Look(json.GetProperty("luminance").GetDouble(), json.GetProperty("opacity").GetDouble());
    }

    private sealed record Look(double Luminance, double Opacity);
}
