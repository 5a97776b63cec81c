using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ClaimTrace.Tests.Web;

/// <summary>The HTML pages through the web app as <c>claimtrace serve</c> builds it: routes, content types, the policy, uploads without script.</summary>
public sealed class HtmlRouteTests(SeededWeb seeded) : IClassFixture<SeededWeb>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=96.5")]
    [InlineData("/claims")]
    [InlineData("/claims?disputed=1")]
    [InlineData("/sources")]
    [InlineData("/ingest")]
    public async Task Every_page_is_html_with_the_content_security_policy_and_the_shared_top_bar(string path)
    {
        var web = await seeded.Get();
        using var response = await web.Client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var doc = Dom.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["/", "/claims", "/sources", "/ingest"], doc.QuerySelectorAll(".topbar nav a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(doc.QuerySelector("link[rel=stylesheet][href='/static/site.css']"));
    }

    [Fact]
    public async Task A_claim_and_a_document_found_by_search_open_and_unknown_ones_are_404_pages()
    {
        var web = await seeded.Get();
        var search = Dom.Parse(await web.Client.GetStringAsync("/?q=96.5&speaker=Mizintsev", Cancel));
        var claim = search.QuerySelector("a.claim-link")!.GetAttribute("href")!;
        var document = search.QuerySelector("[data-testid=search-result] .links a")!.GetAttribute("href")!;

        Assert.NotNull(Dom.Parse(await web.Client.GetStringAsync(claim, Cancel)).QuerySelector("svg[data-testid=timeline-chart]"));
        Assert.NotEmpty(Dom.Parse(await web.Client.GetStringAsync(document.Split('#')[0], Cancel)).QuerySelectorAll("[data-testid=segment]"));
        foreach (var missing in new[] { "/claims/nope", "/documents/000000000000" })
        {
            using var response = await web.Client.GetAsync(missing, Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_stylesheet_and_the_upload_script_are_served_from_static_and_nothing_else_is()
    {
        var web = await seeded.Get();
        foreach (var (path, type) in new[] { ("/static/site.css", "text/css"), ("/static/ingest.js", "text/javascript") })
        {
            using var response = await web.Client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }

        using var missing = await web.Client.GetAsync("/static/..%2Fappsettings.json", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_upload_form_without_script_stores_the_good_file_and_names_the_bad_one_on_the_results_page()
    {
        await using var web = await TestWeb.Start();
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[] { ("empty.txt", ""), ("good.txt", "Aleppo Monitor\n\nThe army said on Monday it now controls 91% of the province.\n") })
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "files", name);
        }

        using var response = await web.Client.PostAsync("/ingest", form, Cancel);
        var doc = Dom.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector("[data-testid=upload-result]"));
        var error = Assert.Single(doc.QuerySelectorAll("[data-testid=upload-error]"));
        Assert.Contains("empty.txt", error.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single(doc.QuerySelectorAll(".stored a"));
        Assert.Contains("good.txt", stored.TextContent, StringComparison.Ordinal);
        var page = Dom.Parse(await web.Client.GetStringAsync(stored.GetAttribute("href")!, Cancel));
        Assert.Contains("91%", page.QuerySelector(".doc-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_page_that_names_the_file_and_the_limit()
    {
        await using var web = await TestWeb.Start(o => o with { MaxUploadBytes = 100 });
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[500]), "files", "big.txt");

        using var response = await web.Client.PostAsync("/ingest", form, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = Dom.Parse(await response.Content.ReadAsStringAsync(Cancel)).QuerySelector("[data-testid=upload-error]")!;
        Assert.Contains("big.txt", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("100 bytes", error.TextContent, StringComparison.Ordinal);
    }
}
