using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ClaimTrace.Tests.Web;

/// <summary>Uploads through <c>POST /api/ingest</c>: mixed good and bad files, limits, progress, and untrusted titles.</summary>
public sealed class ApiIngestTests
{
    private const string GoodText = "Aleppo Monitor\n\nThe army said on Monday it now controls 91% of the province, officials said.\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_with_one_bad_and_one_good_file_stores_the_good_one_and_names_the_bad_one()
    {
        await using var web = await TestWeb.Start();
        using var form = Form(("feed.jsonl", "{\"url\":\"https://example.org/a\",\"text\":\"fine\"}\n{broken\n"), ("empty.txt", ""), ("good.txt", GoodText));
        using var response = await web.Client.PostAsync("/api/ingest", form, Cancel);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("done", result.GetProperty("state").GetString());

        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        var empty = Assert.Single(errors, e => e.GetProperty("file").GetString() == "empty.txt");
        Assert.Equal("empty", empty.GetProperty("kind").GetString());
        var broken = Assert.Single(errors, e => e.GetProperty("file").GetString() == "feed.jsonl");
        Assert.Contains("line 2", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var stored = result.GetProperty("stored").EnumerateArray().ToList();
        var good = Assert.Single(stored, s => s.GetProperty("file").GetString() == "good.txt");
        Assert.Equal("added", good.GetProperty("status").GetString());
        Assert.Single(stored, s => s.GetProperty("file").GetString() == "feed.jsonl");

        var doc = await web.Json($"/api/documents/{good.GetProperty("id").GetString()}");
        Assert.Equal("upload://good.txt", doc.GetProperty("page").GetProperty("source").GetString());
        Assert.Contains("91%", doc.GetProperty("page").GetProperty("text").GetString(), StringComparison.Ordinal);
        var search = await web.Json("/api/search?q=province");
        Assert.NotEmpty(search.GetProperty("items").EnumerateArray());
        Assert.All(search.GetProperty("items").EnumerateArray(), h => Assert.Equal(good.GetProperty("id").GetString(), h.GetProperty("document_id").GetString()));
    }

    [Fact]
    public async Task Uploading_the_same_file_again_leaves_it_unchanged()
    {
        await using var web = await TestWeb.Start();
        for (var round = 0; round < 2; round++)
        {
            using var form = Form(("good.txt", GoodText));
            using var response = await web.Client.PostAsync("/api/ingest", form, Cancel);
            var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(round == 0 ? "added" : "unchanged", result.GetProperty("stored")[0].GetProperty("status").GetString());
        }

        Assert.Equal(1, (await web.Json("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_over_the_limit_and_an_upload_over_the_limit_are_413_and_store_nothing()
    {
        await using var web = await TestWeb.Start(o => o with { MaxUploadBytes = 1000 });
        using (var one = Form(("big.txt", GoodText + new string('x', 1200))))
        {
            using var response = await web.Client.PostAsync("/api/ingest", one, Cancel);
            var problem = await TestWeb.Problem(response, 413);
            Assert.Contains("big.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var together = Form(("a.txt", GoodText + new string('a', 500)), ("b.txt", GoodText + new string('b', 500))))
        {
            using var response = await web.Client.PostAsync("/api/ingest", together, Cancel);
            var problem = await TestWeb.Problem(response, 413);
            Assert.Contains("all its files together", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await web.Json("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_upload_that_is_not_a_multipart_form_with_files_is_refused_with_a_problem()
    {
        await using var web = await TestWeb.Start();
        using (var json = new StringContent("{}", Encoding.UTF8, "application/json"))
            await TestWeb.Problem(await web.Client.PostAsync("/api/ingest", json, Cancel), 415);
        using (var noFiles = new MultipartFormDataContent { { new StringContent("just a field"), "note" } })
            await TestWeb.Problem(await web.Client.PostAsync("/api/ingest", noFiles, Cancel), 400);
    }

    [Fact]
    public async Task An_upload_from_another_sites_page_is_refused()
    {
        await using var web = await TestWeb.Start();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Form(("good.txt", GoodText)) };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await web.Client.SendAsync(request, Cancel);
        await TestWeb.Problem(response, 403);
        Assert.Equal(0, (await web.Json("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_upload_started_without_waiting_can_be_followed_until_it_is_done()
    {
        await using var web = await TestWeb.Start();
        using var form = Form(("good.txt", GoodText));
        using var response = await web.Client.PostAsync("/api/ingest?wait=false", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = started.GetProperty("id").GetString();
        Assert.Equal($"/api/ingest/{id}", response.Headers.Location?.OriginalString);

        JsonElement status;
        do
        {
            status = await web.Json($"/api/ingest/{id}");
        }
        while (status.GetProperty("state").GetString() == "running" && !Cancel.IsCancellationRequested);

        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(status.GetProperty("bytes_total").GetInt64(), status.GetProperty("bytes_read").GetInt64());
        Assert.Equal(1, status.GetProperty("added").GetInt32());
        await web.Problem("/api/ingest/no-such-job", 404);
    }

    [Fact]
    public async Task An_untrusted_title_comes_back_as_a_plain_json_string()
    {
        const string Title = "<script>alert(1)</script>";
        await using var web = await TestWeb.Start();
        using var form = Form(("xss.html", $"<html><head><title>{Title}</title></head><body><article><p>{GoodText}</p><p onclick=\"alert(2)\">More text of the article follows here.</p></article></body></html>"));
        using var response = await web.Client.PostAsync("/api/ingest", form, Cancel);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("stored")[0].GetProperty("id").GetString();

        using var doc = await web.Client.GetAsync($"/api/documents/{id}", Cancel);
        Assert.Equal("application/json", doc.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", doc.Headers.GetValues("X-Content-Type-Options")));
        var page = (await doc.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("page");
        Assert.Equal(Title, page.GetProperty("metadata").GetProperty("title").GetProperty("value").GetString());
        var listed = await web.Json("/api/documents");
        Assert.Equal(Title, listed.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Uploaded_file_names_lose_folders_and_characters_that_would_change_their_meaning()
    {
        Assert.Equal("passwd", ClaimTrace.Web.UploadReader.CleanName("../../etc/passwd"));
        Assert.Equal("page.html", ClaimTrace.Web.UploadReader.CleanName(@"C:\Users\me\page.html"));
        Assert.Equal("a_b_c.txt", ClaimTrace.Web.UploadReader.CleanName("a#b\nc.txt"));
        Assert.Equal("upload", ClaimTrace.Web.UploadReader.CleanName(""));
        Assert.Equal("upload", ClaimTrace.Web.UploadReader.CleanName(".."));
    }

    private static MultipartFormDataContent Form(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return form;
    }
}
