using ClaimTrace.Web.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClaimTrace.Web.E2E;

[Collection(WebCollection.Name)]
public sealed class IngestPageTests(WebAppFixture app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_with_a_bad_file_shows_its_error_and_stores_the_good_files(bool javaScript)
    {
        app.Require();
        // Each run uploads files and pages of its own (names, URLs, words), so the two runs never see each other's.
        var mode = javaScript ? "script" : "plain";
        var place = javaScript ? "Brindlemoor" : "Cobbleford";
        var town = javaScript ? "Quillfeather" : "Marshwick";
        var folder = Directory.CreateDirectory(Path.Combine(app.Workspace, "upload-" + mode)).FullName;
        // Not gzip after its magic bytes: the WARC reader rejects it, as the CLI does.
        var bad = Path.Combine(folder, $"broken-{mode}.warc.gz");
        File.WriteAllBytes(bad, [0x1f, 0x8b, 0x08, 0x00, .. "this is not a gzip stream"u8.ToArray()]);
        var text = Path.Combine(folder, $"ferries-{mode}.txt");
        File.WriteAllText(text, $"Ferries cancelled in {place}\n\nHarbour officials said on Tuesday that 23 ferries were cancelled in {place} because of the storm.\n");
        var csv = Path.Combine(folder, $"bridges-{mode}.csv");
        File.WriteAllText(csv,
            "url,domain,title,content,published\n" +
            $"https://upload.example/bridges-{mode},upload.example,Bridges repaired in {town},\"The council said 17 bridges were repaired in {town}.\",2020-05-06\n");

        await using var session = await app.OpenAsync(javaScript);
        await session.GoAsync("/ingest");
        var form = session.Page.GetByTestId("upload-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("input[type=file]").SetInputFilesAsync([bad, text, csv]);
        await session.ScreenshotAsync($"ingest-files-chosen-{mode}");
        await form.Locator("button[type=submit], input[type=submit], button:not([type])").First.ClickAsync();

        var result = session.Page.GetByTestId("upload-result");
        await Expect(result).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var errors = session.Page.GetByTestId("upload-error");
        await Expect(errors).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(errors).ToContainTextAsync(Path.GetFileName(bad));
        await session.ScreenshotAsync($"ingest-result-{mode}");
        Assert.Empty(session.Errors);

        // The good files of the same upload are stored: search finds them, and their documents open.
        foreach (var word in new[] { place, town })
        {
            await session.GoAsync("/?q=" + word);
            await Expect(session.Page.GetByTestId("search-result").First).ToBeVisibleAsync();
            var link = session.Page.GetByTestId("search-result").First.Locator("a[href*='/documents/']").First;
            await link.ClickAsync();
            await session.Page.WaitForURLAsync(url => url.Contains("/documents/", StringComparison.Ordinal));
            await Expect(session.Page.Locator("body")).ToContainTextAsync(word);
        }
    }

    [Fact]
    public async Task The_ingest_page_states_its_size_limit_and_accepted_formats()
    {
        app.Require();
        await using var session = await app.OpenAsync();
        await session.GoAsync("/ingest");
        await session.ScreenshotAsync("ingest");
        var input = session.Page.GetByTestId("upload-form").Locator("input[type=file]");
        Assert.NotNull(await input.GetAttributeAsync("multiple"));
        var page = await session.Page.Locator("body").InnerTextAsync();
        Assert.Matches(@"(?i)\d+\s*(MB|MiB|GB|GiB)", page);
        Assert.Contains("WARC", page, StringComparison.OrdinalIgnoreCase);
    }
}
