using ClaimTrace.Web.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class SafetyTests(WebAppFixture app)
{
    /// <summary>Elements or attributes the hostile page's text would create if it reached the page as markup.</summary>
    private const string InjectedScript = """
        () => [
          ...document.querySelectorAll('img[src="x"], [onerror], [onmouseover], a[href^="javascript:"]'),
          ...[...document.scripts].filter(s => s.textContent.includes('alert(')),
        ].map(e => e.outerHTML)
        """;

    [Theory]
    [InlineData("document")]
    [InlineData("search")]
    public async Task A_page_whose_title_and_text_carry_script_and_img_onerror_renders_inert(string view)
    {
        app.Require();
        await using var session = await app.OpenAsync();
        var path = view == "document" ? "/documents/" + app.XssDocumentId : "/?q=" + WebAppFixture.XssWord;
        var response = await session.GoAsync(path);
        await session.ScreenshotAsync("xss-" + view);

        // Shown as text, exactly as written...
        var text = await session.Page.Locator("body").InnerTextAsync();
        Assert.Contains(WebAppFixture.ScriptPayload, text, StringComparison.Ordinal);
        Assert.Contains(WebAppFixture.ImagePayload, text, StringComparison.Ordinal);
        // ...because it left the server escaped (the CSP alone would hide an unescaped script from the checks below)...
        var html = await response.TextAsync();
        Assert.DoesNotContain(WebAppFixture.ScriptPayload, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        // ...so nothing ran and nothing was injected.
        await session.Page.WaitForTimeoutAsync(300);
        Assert.Empty(session.Dialogs);
        Assert.Empty(await session.Page.EvaluateAsync<string[]>(InjectedScript));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Every_page_is_served_with_the_content_security_policy()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        foreach (var path in new[] { "/", "/claims", "/sources", "/ingest", "/documents/" + app.XssDocumentId })
        {
            var response = await session.GoAsync(path);
            var policy = await response.HeaderValueAsync("content-security-policy");
            Assert.NotNull(policy);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_document_answers_404_without_a_stack_trace()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        var response = await session.Page.GotoAsync("/documents/000000000000");
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        var body = await response.TextAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        await Expect(session.Page.Locator("body")).Not.ToBeEmptyAsync();
    }
}
