using ClaimTrace.Web.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class ClaimDossierTests(WebAppFixture app)
{
    [Fact]
    public async Task The_dossier_of_Mizintsevs_96_5_shows_the_timeline_with_85_before_96_5_and_the_disputes()
    {
        app.Require();
        var claim = await app.ClaimIdAsync("96.5", 96.5, "Mizintsev");
        await using var session = await app.OpenAsync();
        await session.GoAsync("/claims/" + claim);
        await session.ScreenshotAsync("claim-dossier-96.5");

        var chart = session.Page.GetByTestId("timeline-chart").First;
        await Expect(chart).ToBeVisibleAsync();
        Assert.Equal("svg", await chart.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
        var earlier = chart.Locator("[data-value='85']").First;
        var later = chart.Locator("[data-value='96.5']").First;
        await Expect(earlier).ToBeAttachedAsync();
        await Expect(later).ToBeAttachedAsync();
        // Time runs left to right: the earlier figure (85, 2017) is drawn left of the later one (96.5, 2018).
        var earlierBox = await earlier.BoundingBoxAsync();
        var laterBox = await later.BoundingBoxAsync();
        Assert.NotNull(earlierBox);
        Assert.NotNull(laterBox);
        Assert.True(earlierBox.X < laterBox.X, $"85 is at x={earlierBox.X}, 96.5 at x={laterBox.X}");
        // Hovering a point names its source: each point carries a <title>.
        Assert.False(string.IsNullOrWhiteSpace(await later.Locator("title").First.TextContentAsync()), "the 96.5 point has no <title>");

        var disputes = session.Page.Locator("[data-testid='conflict'][data-kind='dispute']");
        Assert.True(await disputes.CountAsync() >= 2, "both outlets dispute the figure; disputes shown: " + await disputes.CountAsync());
        var disputeText = string.Join(" | ", await disputes.AllInnerTextsAsync());
        Assert.Contains("South Front", disputeText, StringComparison.Ordinal);
        Assert.Contains("Global Research", disputeText, StringComparison.Ordinal);

        var reports = session.Page.GetByTestId("report");
        Assert.True(await reports.CountAsync() >= 2, "reports shown: " + await reports.CountAsync());
        var reportText = string.Join(" | ", await reports.AllInnerTextsAsync());
        Assert.Contains("Global Research", reportText, StringComparison.Ordinal);
        Assert.Contains("96.5", reportText, StringComparison.Ordinal);
        await Expect(session.Page.GetByTestId("crossposts").First).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_claims_list_links_to_a_claims_dossier()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/claims");
        await session.ScreenshotAsync("claims-list");

        var links = session.Page.Locator("a[href*='/claims/']");
        Assert.True(await links.CountAsync() > 0, "the claims list links to no dossier");
        await links.First.ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("/claims/", StringComparison.Ordinal));
        await Expect(session.Page.GetByTestId("report").First).ToBeVisibleAsync();
    }
}
