using System.Text.Json;

namespace ClaimTrace.Tests.Web;

/// <summary>The read-only endpoints over the seeds: search, claims, dossiers, documents, sources, copies, paging and errors.</summary>
public sealed class ApiReadTests(SeededWeb seeded) : IClassFixture<SeededWeb>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_for_96_5_finds_Mizintsevs_claim_in_both_outlets()
    {
        var web = await seeded.Get();
        var result = await web.Json("/api/search?q=96.5&kind=statements&speaker=Mizintsev&limit=200");
        var hits = result.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("Mizintsev", h.GetProperty("speaker").GetString(), StringComparison.Ordinal));
        Assert.All(hits, h => Assert.Contains(h.GetProperty("quantities").EnumerateArray(), q => q.GetProperty("value").GetDouble() == 96.5));
        var outlets = hits.Select(h => h.GetProperty("outlet").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "South Front", "Global Research" }, outlets);

        var claims = await web.Json("/api/claims?speaker=Mizintsev&limit=200");
        var claim = Assert.Single(claims.GetProperty("items").EnumerateArray(), c => c.GetProperty("value").GetDouble() == 96.5);
        Assert.Superset(new HashSet<string?> { "South Front", "Global Research" }, claim.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()).ToHashSet());
    }

    [Fact]
    public async Task Search_answers_with_hits_highlights_facets_and_the_total()
    {
        var web = await seeded.Get();
        var result = await web.Json("/api/search?q=96.5&limit=3");
        Assert.Equal(3, result.GetProperty("items").GetArrayLength());
        Assert.True(result.GetProperty("total").GetInt32() > 3);
        Assert.Equal(0, result.GetProperty("offset").GetInt32());
        Assert.Equal(3, result.GetProperty("limit").GetInt32());
        Assert.NotEmpty(result.GetProperty("facets").GetProperty("outlets").EnumerateArray());
        var hit = result.GetProperty("items")[0];
        Assert.Contains(hit.GetProperty("snippet").GetProperty("highlights").EnumerateArray(), h => h.GetProperty("kind").GetString() == "match");

        var filtered = await web.Json("/api/search?q=96.5&outlet=Global%20Research&limit=200");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), h => Assert.Equal("Global Research", h.GetProperty("outlet").GetString()));
    }

    [Fact]
    public async Task Blank_filters_from_a_form_mean_no_filter()
    {
        var web = await seeded.Get();
        var all = await web.Json("/api/search?q=96.5");
        var blank = await web.Json("/api/search?q=96.5&speaker=&outlet=&measure=&place=&from=&to=&stance=");
        Assert.Equal(all.GetProperty("total").GetInt32(), blank.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SQL_looking_search_text_is_searched_as_words_and_harms_nothing()
    {
        var web = await seeded.Get();
        var before = (await web.Json("/api/documents")).GetProperty("total").GetInt32();
        using var response = await web.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("96.5'; DROP TABLE documents; --"), Cancel);
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 400, $"{(int)response.StatusCode}");
        var speaker = await web.Json("/api/search?speaker=" + Uri.EscapeDataString("' OR 1=1 --"));
        Assert.Equal(0, speaker.GetProperty("total").GetInt32());
        var claims = await web.Json("/api/claims?outlet=" + Uri.EscapeDataString("x' OR '1'='1"));
        Assert.Equal(0, claims.GetProperty("total").GetInt32());
        Assert.Equal(before, (await web.Json("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_a_400_problem_naming_each_problem()
    {
        var web = await seeded.Get();
        var problem = await web.Problem("/api/search?from=2018-13&to=yesterday&stance=angry", 400);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.StartsWith("from '2018-13'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.StartsWith("to 'yesterday'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.StartsWith("stance 'angry'", StringComparison.Ordinal));
        await web.Problem("/api/search?kind=everything", 400);
        await web.Problem("/api/claims?from=2018-02-30x", 400);
        var unreadable = await web.Problem("/api/search?offset=abc", 400);
        Assert.Contains("offset", unreadable.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("abc", unreadable.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await web.Problem("/api/search?q=-only", 400);
    }

    [Theory]
    [InlineData("/api/search?q=96.5")]
    [InlineData("/api/claims")]
    [InlineData("/api/documents")]
    [InlineData("/api/sources")]
    [InlineData("/api/copies")]
    public async Task Every_list_pages_with_offset_and_limit_and_says_the_total(string list)
    {
        var web = await seeded.Get();
        var sep = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var all = await web.Json($"{list}{sep}limit=200");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 2, $"{list} has {total} items");
        Assert.Equal(Math.Min(total, 200), all.GetProperty("items").GetArrayLength());

        var second = await web.Json($"{list}{sep}offset=1&limit=1");
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        Assert.Equal(1, second.GetProperty("offset").GetInt32());
        Assert.Equal(all.GetProperty("items")[1].GetRawText(), Assert.Single(second.GetProperty("items").EnumerateArray()).GetRawText());

        // Past the end: no items, but the total still says how many there are.
        var past = await web.Json($"{list}{sep}offset={total + 10}");
        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
        Assert.Equal(total, past.GetProperty("total").GetInt32());

        // A limit over the maximum is clamped to it, and the answer says so.
        var clamped = await web.Json($"{list}{sep}limit=5000");
        Assert.Equal(200, clamped.GetProperty("limit").GetInt32());
        var defaulted = await web.Json(list);
        Assert.Equal(50, defaulted.GetProperty("limit").GetInt32());

        await web.Problem($"{list}{sep}limit=0", 400);
        await web.Problem($"{list}{sep}offset=-1", 400);
    }

    [Fact]
    public async Task A_claims_dossier_has_its_reports_conflicts_and_timelines()
    {
        var web = await seeded.Get();
        var disputed = await web.Json("/api/claims?disputed=true&limit=200");
        var all = await web.Json("/api/claims?limit=200");
        Assert.InRange(disputed.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.All(disputed.GetProperty("items").EnumerateArray(), c => Assert.True(c.GetProperty("disputed").GetBoolean()));

        var id = disputed.GetProperty("items")[0].GetProperty("id").GetString();
        var dossier = await web.Json($"/api/claims/{id}");
        Assert.Equal("claimtrace.dossier/1", dossier.GetProperty("schema").GetString());
        var claim = Assert.Single(dossier.GetProperty("claims").EnumerateArray());
        Assert.Equal(id, claim.GetProperty("id").GetString());
        Assert.NotEmpty(claim.GetProperty("reports").EnumerateArray());
        Assert.Contains(dossier.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() is "dispute" or "contradiction");
        Assert.NotEmpty(dossier.GetProperty("timelines").EnumerateArray());
    }

    [Fact]
    public async Task Claims_filter_by_measure_family_place_outlet_and_dates()
    {
        var web = await seeded.Get();
        var first = (await web.Json("/api/claims?limit=1")).GetProperty("items")[0];
        var family = first.GetProperty("family").GetString()!;
        var byFamily = await web.Json($"/api/claims?measure={Uri.EscapeDataString(family)}&limit=200");
        Assert.All(byFamily.GetProperty("items").EnumerateArray(), c => Assert.Equal(family, c.GetProperty("family").GetString()));
        var byMeasure = await web.Json($"/api/claims?measure={Uri.EscapeDataString(first.GetProperty("measure").GetString()!)}&limit=200");
        Assert.All(byMeasure.GetProperty("items").EnumerateArray(), c => Assert.Equal(first.GetProperty("measure").GetString(), c.GetProperty("measure").GetString()));

        var syria = await web.Json("/api/claims?place=syria&outlet=south%20front&limit=200");
        Assert.NotEmpty(syria.GetProperty("items").EnumerateArray());
        Assert.All(syria.GetProperty("items").EnumerateArray(), c => Assert.Contains("South Front", c.GetProperty("outlets").EnumerateArray().Select(o => o.GetString())));

        var in2018 = await web.Json("/api/claims?from=2018&to=2018-12&limit=200");
        var before2000 = await web.Json("/api/claims?to=1999");
        Assert.NotEmpty(in2018.GetProperty("items").EnumerateArray());
        Assert.Equal(0, before2000.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_claims_documents_exports_and_routes_are_404_problems()
    {
        var web = await seeded.Get();
        await web.Problem("/api/claims/no-such-claim", 404);
        // A measure names claims in a dossier query, but it is not a claim id.
        await web.Problem("/api/claims/territory", 404);
        await web.Problem("/api/documents/0123456789ab", 404);
        await web.Problem("/api/documents/..%2F..%2Fetc%2Fpasswd", 404);
        await web.Problem("/api/exports/xml", 404);
        await web.Problem("/api/copies?page=0123456789ab", 404);
        await web.Problem("/api/no-such-thing", 404);
    }

    [Fact]
    public async Task A_document_comes_with_its_text_segments_and_analysis_with_offsets()
    {
        var web = await seeded.Get();
        var listed = (await web.Json("/api/documents?limit=200")).GetProperty("items").EnumerateArray().ToList();
        var withComments = listed.First(d => d.GetProperty("comment_count").GetInt32() > 0);
        var id = withComments.GetProperty("id").GetString()!;
        var doc = await web.Json($"/api/documents/{id}");
        Assert.Equal(id, doc.GetProperty("id").GetString());
        var page = doc.GetProperty("page");
        var text = page.GetProperty("text").GetString()!;
        foreach (var member in new[] { "segments", "quantities" })
        {
            Assert.All(page.GetProperty(member).EnumerateArray(), item =>
                Assert.InRange(item.GetProperty("end").GetInt32(), item.GetProperty("start").GetInt32(), text.Length));
        }

        Assert.All(page.GetProperty("statements").EnumerateArray(), item =>
            Assert.InRange(item.GetProperty("content").GetProperty("end").GetInt32(), item.GetProperty("content").GetProperty("start").GetInt32(), text.Length));

        Assert.Contains(page.GetProperty("segments").EnumerateArray(), s => s.GetProperty("kind").GetString() == "comments");
        Assert.Equal(id, (await web.Json($"/api/documents/{id[..6]}")).GetProperty("id").GetString());

        var byOutlet = await web.Json($"/api/documents?outlet={Uri.EscapeDataString(withComments.GetProperty("outlet").GetString()!)}");
        Assert.Contains(byOutlet.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Sources_and_copies_are_listed_with_their_evidence()
    {
        var web = await seeded.Get();
        var sources = await web.Json("/api/sources");
        Assert.Contains(sources.GetProperty("items").EnumerateArray(), s => s.GetProperty("outlet").GetString() == "South Front");
        var copies = await web.Json("/api/copies?pairs=true");
        var link = copies.GetProperty("items")[0];
        Assert.False(string.IsNullOrEmpty(link.GetProperty("why").GetString()));
        var copy = link.GetProperty("copy_id").GetString();
        var ofPage = await web.Json($"/api/copies?page={copy}");
        Assert.All(ofPage.GetProperty("items").EnumerateArray(), l =>
            Assert.True(l.GetProperty("copy_id").GetString() == copy || l.GetProperty("origin_id").GetString() == copy));
    }

    [Theory]
    [InlineData("csv", "text/csv", "claimtrace-claims.csv")]
    [InlineData("jsonl", "application/x-ndjson", "claimtrace-claims.jsonl")]
    [InlineData("claimreview", "application/ld+json", "claimtrace-claimreview.jsonld")]
    public async Task Exports_download_with_their_content_type_and_a_file_name(string format, string type, string file)
    {
        var web = await seeded.Get();
        using var response = await web.Client.GetAsync($"/api/exports/{format}", Cancel);
        response.EnsureSuccessStatusCode();
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(file, response.Content.Headers.ContentDisposition?.FileName);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("96.5", body, StringComparison.Ordinal);
        if (format == "jsonl")
            Assert.All(body.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
    }
}
